using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;
using NetworkFunctions.Networks;

namespace NetworkFunctions.Storage;

/// <summary>
/// The network's documents in Blob Storage: the network itself (kickoff plus changes), members' answers
/// (<c>NetworkStore.Answers.cs</c>), agendas, summaries and the report (<c>.Documents.cs</c>) and the sent-mail
/// records (<c>.SentMail.cs</c>). All personal data of the product lives here and nowhere else; where each document
/// lies is this folder's business (<see cref="DocumentPaths"/>).
/// </summary>
public sealed partial class NetworkStore(BlobServiceClient blobs, IOptions<NetworkOptions> options)
{
    readonly BlobContainerClient container = blobs.GetBlobContainerClient(options.Value.DocumentsContainer);
    volatile bool containerReady;

    /// <summary>The network and its ETag; null when there is none, including for an id no network can have (checked before any path is built).</summary>
    public async Task<(Network Network, ETag ETag)?> LoadNetworkAsync(string networkId, CancellationToken cancellationToken = default)
    {
        if (!NetworkIds.IsValid(networkId))
        {
            return null;
        }

        (Network? network, ETag etag)? loaded = await ReadJsonAsync<Network>(DocumentPaths.NetworkDocument(networkId), cancellationToken);
        return loaded is { network: { } n } ? (n, loaded.Value.etag) : null;
    }

    public async Task<Network> RequireNetworkAsync(string networkId, CancellationToken cancellationToken = default) =>
        (await LoadNetworkAsync(networkId, cancellationToken))?.Network
        ?? throw new InvalidOperationException($"Network {networkId} has no document.");

    /// <summary>Writes a new network; false when a network with its id exists already (two kickoffs of one id: one wins).</summary>
    public async Task<bool> CreateNetworkAsync(Network network, CancellationToken cancellationToken = default)
    {
        try
        {
            await WriteJsonAsync(DocumentPaths.NetworkDocument(network.Id), network, new BlobRequestConditions { IfNoneMatch = ETag.All }, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return false;
        }
    }

    /// <summary>Deletes the network document, last of a purge: housekeeping finds networks by it.</summary>
    public Task DeleteNetworkAsync(string networkId, CancellationToken cancellationToken = default) =>
        DeleteAsync(DocumentPaths.NetworkDocument(networkId), cancellationToken);

    /// <summary>Writes the network; with <paramref name="ifMatch"/> only if nobody changed it since it was read (false if they did).</summary>
    public async Task<bool> SaveNetworkAsync(Network network, ETag? ifMatch, CancellationToken cancellationToken = default)
    {
        try
        {
            await WriteJsonAsync(DocumentPaths.NetworkDocument(network.Id), network, ifMatch is { } tag ? new BlobRequestConditions { IfMatch = tag } : null, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return false;
        }
    }

    /// <summary>The network document's ETag; null when there is none.</summary>
    public async Task<ETag?> NetworkETagAsync(string networkId, CancellationToken cancellationToken = default) =>
        await ETagAsync(DocumentPaths.NetworkDocument(networkId), cancellationToken);

    /// <summary>
    /// Builds something from the network (a document written from its members' answers) and checks afterwards that
    /// the network did not change meanwhile; if it did (a member erased or added while it ran), builds it again from
    /// the new version, so what is written never holds a member who has left.
    /// </summary>
    public async Task<T> BuildOnUnchangedNetworkAsync<T>(string networkId, Func<Network, Task<T>> build, CancellationToken cancellationToken = default)
    {
        const int Attempts = 5;
        for (int attempt = 0; attempt < Attempts; attempt++)
        {
            (Network network, ETag etag) = await LoadNetworkAsync(networkId, cancellationToken)
                ?? throw new InvalidOperationException($"Network {networkId} has no document.");
            T built = await build(network);
            if (await NetworkETagAsync(networkId, cancellationToken) == etag)
            {
                return built;
            }
        }

        throw new InvalidOperationException($"Network {networkId} changed {Attempts} times while a document was built from it.");
    }

    internal async Task<ETag?> ETagAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return (await container.GetBlobClient(path).GetPropertiesAsync(cancellationToken: cancellationToken)).Value.ETag;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    internal async Task WriteTextAsync(string path, string content, string contentType, CancellationToken cancellationToken = default) =>
        await UploadAsync(path, BinaryData.FromString(content), contentType, null, cancellationToken);

    internal async Task WriteBytesAsync(string path, byte[] content, string contentType, CancellationToken cancellationToken = default) =>
        await UploadAsync(path, BinaryData.FromBytes(content), contentType, null, cancellationToken);

    internal async Task<string?> ReadTextAsync(string path, CancellationToken cancellationToken = default)
    {
        try
        {
            BlobDownloadResult result = await container.GetBlobClient(path).DownloadContentAsync(cancellationToken);
            return result.Content.ToString();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    internal async Task<byte[]?> ReadBytesAsync(string path, CancellationToken cancellationToken = default)
    {
        try
        {
            BlobDownloadResult result = await container.GetBlobClient(path).DownloadContentAsync(cancellationToken);
            return result.Content.ToArray();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    internal async Task<bool> ExistsAsync(string path, CancellationToken cancellationToken = default)
    {
        try
        {
            return await container.GetBlobClient(path).ExistsAsync(cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false;
        }
    }

    /// <summary>Writes a blob only if it does not exist yet; false when it already did.</summary>
    internal async Task<bool> CreateOnceAsync(string path, string content, CancellationToken cancellationToken = default)
    {
        try
        {
            await UploadAsync(path, BinaryData.FromString(content), "application/json", new BlobRequestConditions { IfNoneMatch = ETag.All }, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return false;
        }
    }

    internal async Task<int> CountAsync(string prefix, CancellationToken cancellationToken = default)
    {
        await EnsureContainerAsync(cancellationToken);
        int count = 0;
        await foreach (BlobItem _ in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, cancellationToken))
        {
            count++;
        }

        return count;
    }

    internal async Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken = default)
    {
        await EnsureContainerAsync(cancellationToken);
        var names = new List<string>();
        await foreach (BlobItem item in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, cancellationToken))
        {
            names.Add(item.Name);
        }

        return names;
    }

    internal async Task DeleteAsync(string path, CancellationToken cancellationToken = default) =>
        await DeleteIfExistsAsync(path, cancellationToken);

    internal async Task<bool> DeleteIfExistsAsync(string path, CancellationToken cancellationToken = default) =>
        await container.GetBlobClient(path).DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken);

    /// <summary>Deletes every document of a network except the network document itself; returns how many.</summary>
    public async Task<int> DeleteNetworkDocumentsAsync(string networkId, CancellationToken cancellationToken = default)
    {
        string networkDocument = DocumentPaths.NetworkDocument(networkId);
        IReadOnlyList<string> names = (await ListAsync(DocumentPaths.Network(networkId), cancellationToken)).Where(n => n != networkDocument).ToList();
        foreach (string name in names)
        {
            await DeleteAsync(name, cancellationToken);
        }

        return names.Count;
    }

    /// <summary>The ids of every network that has a document, from the folder names.</summary>
    public async Task<IReadOnlyList<string>> ListNetworkIdsAsync(CancellationToken cancellationToken = default)
    {
        await EnsureContainerAsync(cancellationToken);
        var ids = new List<string>();
        await foreach (BlobHierarchyItem item in container.GetBlobsByHierarchyAsync(BlobTraits.None, BlobStates.None, "/", "networks/", cancellationToken))
        {
            if (item.IsPrefix)
            {
                ids.Add(item.Prefix["networks/".Length..].TrimEnd('/'));
            }
        }

        return ids;
    }

    internal async Task<IReadOnlyList<T>> ReadAllAsync<T>(string prefix, CancellationToken cancellationToken)
        where T : class
    {
        var items = new List<T>();
        foreach (string name in await ListAsync(prefix, cancellationToken))
        {
            if ((await ReadJsonAsync<T>(name, cancellationToken))?.Value is { } item)
            {
                items.Add(item);
            }
        }

        return items;
    }

    internal async Task<(T? Value, ETag ETag)?> ReadJsonAsync<T>(string path, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            BlobDownloadResult result = await container.GetBlobClient(path).DownloadContentAsync(cancellationToken);
            return (result.Content.ToObjectFromJson<T>(DocumentJson.Options), result.Details.ETag);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    internal Task WriteJsonAsync<T>(string path, T value, BlobRequestConditions? conditions, CancellationToken cancellationToken) =>
        UploadAsync(path, BinaryData.FromObjectAsJson(value, DocumentJson.Options), "application/json", conditions, cancellationToken);

    /// <summary>Writes a blob; returns its new ETag.</summary>
    internal async Task<ETag> UploadAsync(string path, BinaryData content, string contentType, BlobRequestConditions? conditions, CancellationToken cancellationToken)
    {
        await EnsureContainerAsync(cancellationToken);
        Response<BlobContentInfo> written = await container.GetBlobClient(path).UploadAsync(content, new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
            Conditions = conditions,
        }, cancellationToken);
        return written.Value.ETag;
    }

    async Task EnsureContainerAsync(CancellationToken cancellationToken)
    {
        if (!containerReady)
        {
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            containerReady = true;
        }
    }
}
