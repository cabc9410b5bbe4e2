using Microsoft.Extensions.Logging;
using NetworkFunctions.Calendar;
using NetworkFunctions.Forms;
using NetworkFunctions.Networks;
using NetworkFunctions.Storage;
using NetworkFunctions.Telemetry;

namespace NetworkFunctions.Inbound;

/// <summary>
/// Records the calendar replies of an inbound mail as members' attendance answers: each reply is matched by its UID
/// (network and meeting) and a reply address of the mail whose code signs that meeting and member
/// (<see cref="ReplyAddresses"/>), then decided by <see cref="ReplyDecision"/> and stored as a form answer is
/// (<see cref="CheckedAnswers"/>). Safe to run twice on the same mail: the second finds the answer unchanged.
/// The log says what happened with ids and outcomes only, never an address.
/// </summary>
public sealed class InboundReplies(NetworkStore store, ReplyAddresses addresses, CheckedAnswers answers, TimeProvider clock, ILogger<InboundReplies> logger)
{
    public async Task<IReadOnlyList<ReplyOutcome>> RecordAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        List<ReplyAddress> candidates = [.. message.Recipients.Select(addresses.Read).OfType<ReplyAddress>()];
        var outcomes = new List<ReplyOutcome>();
        foreach (CalendarReply reply in message.Replies)
        {
            outcomes.Add(await RecordAsync(reply, candidates, cancellationToken));
        }

        if (message.Replies.Count == 0)
        {
            logger.LogInformation("An inbound mail held no calendar reply ({Addresses} reply addresses among its recipients); dropped", candidates.Count);
        }

        return outcomes;
    }

    async Task<ReplyOutcome> RecordAsync(CalendarReply reply, List<ReplyAddress> candidates, CancellationToken cancellationToken)
    {
        DateTimeOffset now = clock.GetUtcNow();
        if (!CalendarReplies.TryReadUid(reply.Uid, out string networkId, out int meeting))
        {
            logger.LogInformation("A calendar reply names a meeting that is not one of ours; dropped");
            return ReplyOutcome.Unmatched;
        }

        if (candidates.FirstOrDefault(a => addresses.Signs(a, networkId, meeting, now)) is not { } address)
        {
            logger.LogWarning("A calendar reply for {NetworkId} meeting {Meeting} came to no reply address of that meeting ({Addresses} tried); dropped as forged",
                networkId, meeting, candidates.Count);
            return ReplyOutcome.Forged;
        }

        if (await store.LoadNetworkAsync(networkId, cancellationToken) is not var (network, _))
        {
            return Log(ReplyOutcome.Unmatched, networkId, meeting, address.MemberId);
        }

        Task<InvitationAnswer?> current = store.LoadInvitationAnswerAsync(networkId, meeting, address.MemberId, cancellationToken);
        Task<AnswerSeal?> seal = store.LoadSealAsync(networkId, meeting, AnswerKind.Invitation, cancellationToken);
        (ReplyOutcome outcome, InvitationAnswer? answer) = ReplyDecision.Decide(network, meeting, address.MemberId, reply, await current, await seal is not null, now);
        if (answer is not null)
        {
            StoredAnswer stored = await answers.SaveInvitationAsync(networkId, answer, await current, cancellationToken);
            outcome = stored == StoredAnswer.Kept ? ReplyOutcome.Recorded : ReplyOutcome.TakenBack;
            if (stored == StoredAnswer.Kept)
            {
                NetworkTelemetry.Answer("calendar");
            }
        }

        return Log(outcome, networkId, meeting, address.MemberId);
    }

    ReplyOutcome Log(ReplyOutcome outcome, string networkId, int meeting, string memberId)
    {
        logger.LogInformation("A calendar reply for {NetworkId} meeting {Meeting} member {MemberId}: {Outcome}", networkId, meeting, memberId, outcome);
        return outcome;
    }
}
