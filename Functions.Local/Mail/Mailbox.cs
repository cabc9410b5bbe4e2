using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;

namespace NetworkFunctions.Local.Mail;

/// <summary>
/// The local mailbox: one JSON blob per <see cref="MailboxEntry"/>, named <c>{ticks:D19}-{id}.json</c> so that the
/// container's name order is arrival order. Uses the app's <see cref="BlobServiceClient"/> (Azurite locally).
/// </summary>
public sealed class Mailbox(BlobServiceClient blobs, IOptions<MailSinkOptions> options)
{
    private const int ParallelReads = 16;

    private readonly BlobContainerClient container = blobs.GetBlobContainerClient(options.Value.MailboxContainer);
    private long lastTicks;
    private volatile bool containerReady;

    public string ContainerName => container.Name;

    public async Task AddAsync(IReadOnlyList<MailboxEntry> entries, CancellationToken cancellationToken)
    {
        await EnsureContainerAsync(cancellationToken);
        var uploads = entries.Select(entry => (Name: BlobName(NextTicks(entry.ReceivedAt), entry.Id), Entry: entry)).ToArray();
        await Parallel.ForEachAsync(
            uploads,
            new ParallelOptions { MaxDegreeOfParallelism = ParallelReads, CancellationToken = cancellationToken },
            async (upload, ct) => await container.GetBlobClient(upload.Name).UploadAsync(
                BinaryData.FromObjectAsJson(upload.Entry, MailJson.Web),
                new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } },
                ct));
    }

    /// <summary>All entries, oldest first; with <paramref name="to"/>, only those addressed to it (case-insensitive).</summary>
    public async Task<IReadOnlyList<MailboxEntry>> ListAsync(string? to, CancellationToken cancellationToken)
    {
        var names = await ListNamesAsync(cancellationToken);
        var entries = new MailboxEntry?[names.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, names.Count),
            new ParallelOptions { MaxDegreeOfParallelism = ParallelReads, CancellationToken = cancellationToken },
            async (i, ct) => entries[i] = await ReadAsync(names[i], ct));

        return entries
            .OfType<MailboxEntry>()
            .Where(e => string.IsNullOrWhiteSpace(to) || e.To.Contains(to.Trim(), StringComparer.OrdinalIgnoreCase))
            .ToArray();
    }

    public async Task<MailboxEntry?> FindAsync(string id, CancellationToken cancellationToken)
    {
        if (!Guid.TryParseExact(id, "N", out _))
        {
            return null;
        }

        var suffix = $"-{id}.json";
        var names = await ListNamesAsync(cancellationToken);
        var name = names.FirstOrDefault(n => n.EndsWith(suffix, StringComparison.OrdinalIgnoreCase));
        return name is null ? null : await ReadAsync(name, cancellationToken);
    }

    public async Task ClearAsync(CancellationToken cancellationToken)
    {
        var names = await ListNamesAsync(cancellationToken);
        await Parallel.ForEachAsync(
            names,
            new ParallelOptions { MaxDegreeOfParallelism = ParallelReads, CancellationToken = cancellationToken },
            async (name, ct) => await container.DeleteBlobIfExistsAsync(name, cancellationToken: ct));
    }

    private static string BlobName(long ticks, string id) => $"{ticks:D19}-{id}.json";

    /// <summary>Strictly increasing ticks, so entries stored in the same instant keep their order.</summary>
    private long NextTicks(DateTimeOffset receivedAt)
    {
        while (true)
        {
            var last = Interlocked.Read(ref lastTicks);
            var next = Math.Max(receivedAt.UtcTicks, last + 1);
            if (Interlocked.CompareExchange(ref lastTicks, next, last) == last)
            {
                return next;
            }
        }
    }

    private async Task<List<string>> ListNamesAsync(CancellationToken cancellationToken)
    {
        await EnsureContainerAsync(cancellationToken);
        var names = new List<string>();
        await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions(), cancellationToken))
        {
            names.Add(blob.Name);
        }

        names.Sort(StringComparer.Ordinal);
        return names;
    }

    private async Task<MailboxEntry?> ReadAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            var download = await container.GetBlobClient(name).DownloadContentAsync(cancellationToken);
            return download.Value.Content.ToObjectFromJson<MailboxEntry>(MailJson.Web);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null; // cleared while we were reading
        }
    }

    private async Task EnsureContainerAsync(CancellationToken cancellationToken)
    {
        if (containerReady)
        {
            return;
        }

        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        containerReady = true;
    }
}
