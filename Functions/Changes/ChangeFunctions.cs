using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using NetworkFunctions.Http;
using NetworkFunctions.Networks;
using NetworkFunctions.Storage;

namespace NetworkFunctions.Changes;

public sealed record MemberAdded(string MemberId, string Name, string Email, string Department);

/// <summary>The answer of <c>GET /api/networks/{id}/members</c>.</summary>
public sealed record MemberList(string NetworkId, IReadOnlyList<Member> Members);

/// <summary>
/// Changes during the year (SPEC section 3): members join and leave (<c>ChangeFunctions.Members.cs</c>), meetings move
/// or are cancelled (<c>.Meetings.cs</c>). The network document is updated with an ETag check (a concurrent change is
/// retried), then the processes concerned are told.
/// </summary>
public sealed partial class ChangeFunctions(NetworkStore store, MemberData memberData, MemberErasure erasure, TimeProvider clock, ILogger<ChangeFunctions> logger)
{
    const int Attempts = 5;

    /// <summary>
    /// The optimistic update every change shares: load the network (404 if there is none), let <paramref name="edit"/>
    /// refuse or produce the updated network, save it only if nobody changed it meanwhile (ETag), and start again from
    /// a fresh load when somebody did; after <see cref="Attempts"/> lost races, 409. What follows a save runs once.
    /// </summary>
    async Task<IResult> EditNetworkAsync(string networkId, string conflict, Func<Network, NetworkEdit> edit, CancellationToken cancellationToken)
    {
        for (int attempt = 0; attempt < Attempts; attempt++)
        {
            if (await store.LoadNetworkAsync(networkId, cancellationToken) is not var (network, etag))
            {
                return Problems.NotFound("The network");
            }

            NetworkEdit result = edit(network);
            if (result.Refusal is not null)
            {
                return result.Refusal;
            }

            if (await store.SaveNetworkAsync(result.Updated!, etag, cancellationToken))
            {
                return await result.AfterSave!(result.Updated!);
            }
        }

        return Problems.Conflict(conflict);
    }

    /// <summary>
    /// A call to the durable engine after a change was saved, with two more tries 250 and 500 ms apart: the change
    /// stands either way, so the caller decides what a last failure (returned; null when it went through) means.
    /// </summary>
    static async Task<Exception?> WithRetriesAsync(Func<Task> call, CancellationToken cancellationToken)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                await call();
                return null;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                if (attempt == 3)
                {
                    return e;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(250 * attempt), cancellationToken);
            }
        }
    }

    /// <summary>What a change makes of the current network: a refusal, or the network to save and what follows the save.</summary>
    sealed record NetworkEdit(IResult? Refusal, Network? Updated, Func<Network, Task<IResult>>? AfterSave)
    {
        public static NetworkEdit Refuse(IResult problem) => new(problem, null, null);

        public static NetworkEdit Save(Network updated, Func<Network, Task<IResult>> afterSave) => new(null, updated, afterSave);
    }
}
