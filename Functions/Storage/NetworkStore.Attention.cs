using NetworkFunctions.Networks;

namespace NetworkFunctions.Storage;

/// <summary>What in a network waits on a fault or was missed: one document per kind and meeting.</summary>
public sealed partial class NetworkStore
{
    /// <summary>Records the attention unless one of its kind and meeting is open already (which keeps its first <c>since</c>); true when new.</summary>
    public Task<bool> RaiseAttentionAsync(string networkId, Attention attention, CancellationToken cancellationToken = default) =>
        CreateOnceAsync(DocumentPaths.Attention(networkId, attention.Kind, attention.Meeting, attention.Step),
            System.Text.Json.JsonSerializer.Serialize(attention, DocumentJson.Options), cancellationToken);

    /// <summary>Clears the attention of a kind, meeting and step; true when there was one.</summary>
    public Task<bool> ClearAttentionAsync(string networkId, string kind, int? meeting, string? step = null, CancellationToken cancellationToken = default) =>
        DeleteIfExistsAsync(DocumentPaths.Attention(networkId, kind, meeting, step), cancellationToken);

    /// <summary>Every open attention of the network, oldest first.</summary>
    public async Task<IReadOnlyList<Attention>> LoadAttentionAsync(string networkId, CancellationToken cancellationToken = default) =>
        [.. (await ReadAllAsync<Attention>(DocumentPaths.Attentions(networkId), cancellationToken)).OrderBy(a => a.Since)];
}
