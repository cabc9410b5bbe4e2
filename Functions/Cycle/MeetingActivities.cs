using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NetworkFunctions.Agenda;
using NetworkFunctions.Durable;
using NetworkFunctions.Email;
using NetworkFunctions.Forms;
using NetworkFunctions.Inbound;
using NetworkFunctions.Minutes;
using NetworkFunctions.Networks;
using NetworkFunctions.Storage;
using NetworkFunctions.Surveys;
using NetworkFunctions.Telemetry;

namespace NetworkFunctions.Cycle;

/// <summary>
/// The I/O of a meeting's steps, a few lines each: load by id, build the messages (<see cref="MeetingMessages"/>),
/// send through <see cref="Delivery"/>, which skips what was already sent: they are safe to run more than once.
/// </summary>
public sealed partial class MeetingActivities(
    NetworkStore store,
    AgendaDocuments agendas,
    SurveySummaryDocuments summaries,
    MinutesDocuments minutes,
    Delivery delivery,
    MeetingMessages messages,
    FormTokens tokens,
    ReplyAddresses replies,
    IOptions<NetworkOptions> options,
    IOptions<PatienceOptions> patience,
    TimeProvider clock,
    ILogger<MeetingActivities> logger)
{
    [Function(nameof(GetMeetingPlan))]
    public async Task<MeetingPlan> GetMeetingPlan([ActivityTrigger] MeetingRef meeting)
    {
        MeetingContext context = await LoadAsync(meeting.NetworkId, meeting.Number);
        return new MeetingPlan(context.Meeting.Revision, context.Meeting.Cancelled, context.Timeline, patience.Value.ToPatience());
    }

    async Task<MeetingContext> LoadAsync(string networkId, int number) =>
        MeetingContext.Of(await store.RequireNetworkAsync(networkId), number);

    /// <summary>
    /// Runs one of the meeting's steps unless the meeting is cancelled: a step that was waiting out a fault when the
    /// meeting was cancelled sends nothing, and the meeting's cancellation goes out instead.
    /// </summary>
    async Task<StepResult> UnlessCancelledAsync(string networkId, int number, string step, Func<MeetingContext, Task<StepResult>> run)
    {
        MeetingContext c = await LoadAsync(networkId, number);
        return IsCancelled(c, step) ? StepResult.Nothing : await run(c);
    }

    bool IsCancelled(MeetingContext c, string step)
    {
        if (c.Meeting.Cancelled)
        {
            logger.LogInformation("Network {NetworkId} meeting {Meeting} is cancelled: {Step} sends nothing", c.Network.Id, c.Meeting.Number, step);
        }

        return c.Meeting.Cancelled;
    }

    /// <summary>The members an invitation of this meeting went to (any revision) who are members still.</summary>
    async Task<IReadOnlyList<Member>> InvitedAsync(MeetingContext c) =>
        Recipients.Invited(c.Network, await store.InvitedMemberIdsAsync(c.Network.Id, c.Meeting.Number));

    string FormLink(MeetingContext c, string memberId, FormKind kind) =>
        tokens.Link(options.Value.PublicBaseUrl, new FormGrant(c.Network.Id, c.Meeting.Number, memberId, kind,
            kind == FormKind.Invitation ? c.Timeline.DeadlineAt : c.Timeline.SurveyCloseAt));

    /// <summary>The member's own address for calendar replies to this meeting, or null when replies by mail are off.</summary>
    string? ReplyAddress(MeetingContext c, string memberId) => replies.For(c.Network.Id, c.Meeting.Number, memberId);

    /// <summary>Sends one step's mails; refusals are reported to the consultant once per step.</summary>
    async Task<StepResult> SendAllAsync(MeetingContext c, string kind, int revision, IEnumerable<EmailMessage> batch)
    {
        int sent = await delivery.SendAsync(c.Network, batch, MailKey.DeliveryNotice(c.Network.Id, c.Meeting.Number, kind, revision));
        if (MeetingSteps.DueAt(c.Timeline, kind) is { } due)
        {
            NetworkTelemetry.StepRan(kind, clock.GetUtcNow() - due);
        }

        return new(sent);
    }
}
