using System.Text.Json;
using NetworkFunctions.Networks;

namespace NetworkFunctions.Storage;

/// <summary>An erasure in progress: which member (by id) and since when. Keyed by <see cref="MemberKeys"/>, never by address.</summary>
public sealed record ErasureRecord(string Key, string MemberId, DateTimeOffset StartedAt);

/// <summary>The journal of erasures: written before a member is removed, deleted once every trace of them is gone.</summary>
public sealed partial class NetworkStore
{
    /// <summary>Journals an erasure unless one for the same address is under way; the one that holds.</summary>
    public async Task<ErasureRecord> BeginErasureAsync(string networkId, ErasureRecord erasure, CancellationToken cancellationToken = default) =>
        await CreateOnceAsync(DocumentPaths.Erasure(networkId, erasure.Key), JsonSerializer.Serialize(erasure, DocumentJson.Options), cancellationToken)
            ? erasure
            : await LoadErasureAsync(networkId, erasure.Key, cancellationToken) ?? erasure;

    public async Task<ErasureRecord?> LoadErasureAsync(string networkId, string key, CancellationToken cancellationToken = default) =>
        (await ReadJsonAsync<ErasureRecord>(DocumentPaths.Erasure(networkId, key), cancellationToken))?.Value;

    public Task<IReadOnlyList<ErasureRecord>> LoadErasuresAsync(string networkId, CancellationToken cancellationToken = default) =>
        ReadAllAsync<ErasureRecord>(DocumentPaths.Erasures(networkId), cancellationToken);

    public Task EndErasureAsync(string networkId, string key, CancellationToken cancellationToken = default) =>
        DeleteAsync(DocumentPaths.Erasure(networkId, key), cancellationToken);
}
