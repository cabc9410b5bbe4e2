using Microsoft.Extensions.Logging;
using NetworkFunctions.Networks;
using NetworkFunctions.Storage;

namespace NetworkFunctions.Changes;

/// <summary>What became of a request to erase a member.</summary>
public enum ErasureOutcome
{
    NoNetwork,
    NoMember,

    /// <summary>Erased by this request.</summary>
    Erased,

    /// <summary>An erasure of the same member was under way (a request that died, or one running now); it is finished now.</summary>
    Continued,

    /// <summary>The network kept changing under the erasure; the journal stays, and housekeeping finishes it.</summary>
    Pending,
}

/// <summary>
/// Erasing a member as a journaled, idempotent operation: the journal entry (named by the member's opaque id) is
/// written first, then the member leaves the network document (on its ETag), then every document is erased or
/// rebuilt without them, and last the entry is deleted. Each part can run again; a request that dies half-way leaves
/// the entry, and the next request for the member or the daily housekeeping finishes it. The work does not stop
/// with the request.
/// </summary>
public sealed class MemberErasure(NetworkStore store, MemberData data, TimeProvider clock, ILogger<MemberErasure> logger)
{
    const int Attempts = 5;

    public async Task<ErasureOutcome> EraseAsync(string networkId, string memberId)
    {
        if (await store.LoadNetworkAsync(networkId) is not { Network: var network })
        {
            return ErasureOutcome.NoNetwork;
        }

        // Journals begun before members were addressed by id are named by a hash of the address: found by the id they hold.
        ErasureRecord? underWay = (await store.LoadErasuresAsync(networkId)).FirstOrDefault(j => j.MemberId == memberId);
        if (underWay is null && network.FindMember(memberId) is null)
        {
            return ErasureOutcome.NoMember;
        }

        ErasureRecord journal = underWay ?? await store.BeginErasureAsync(networkId, new ErasureRecord(memberId, memberId, clock.GetUtcNow()));
        if (!await CompleteAsync(networkId, journal))
        {
            return ErasureOutcome.Pending;
        }

        return underWay is null ? ErasureOutcome.Erased : ErasureOutcome.Continued;
    }

    /// <summary>Finishes the erasures a network has under way (housekeeping); how many it finished.</summary>
    public async Task<int> CompleteAllAsync(string networkId)
    {
        int done = 0;
        foreach (ErasureRecord journal in await store.LoadErasuresAsync(networkId))
        {
            done += await CompleteAsync(networkId, journal) ? 1 : 0;
        }

        return done;
    }

    /// <summary>The member out of the network document, their documents erased, the journal entry deleted; false if the network kept changing.</summary>
    async Task<bool> CompleteAsync(string networkId, ErasureRecord journal)
    {
        for (int attempt = 0; attempt < Attempts; attempt++)
        {
            if (await store.LoadNetworkAsync(networkId) is not var (network, etag))
            {
                await store.EndErasureAsync(networkId, journal.Key);
                return true;
            }

            // Their contributions carried over from last year (the kickoff's carriedOver) leave with them.
            Network without = network with
            {
                Members = [.. network.Members.Where(m => m.Id != journal.MemberId)],
                CarriedOver = [.. network.CarriedOver.Where(c => c.MemberId != journal.MemberId)],
            };
            bool changed = without.Members.Count != network.Members.Count || without.CarriedOver.Count != network.CarriedOver.Count;
            if (changed && !await store.SaveNetworkAsync(without, etag))
            {
                continue;
            }

            int erased = await data.EraseAsync(without, journal.MemberId, CancellationToken.None);
            await store.EndErasureAsync(networkId, journal.Key);
            logger.LogInformation("Member {MemberId} erased from network {NetworkId}: {Documents} documents", journal.MemberId, networkId, erased);
            return true;
        }

        return false;
    }
}
