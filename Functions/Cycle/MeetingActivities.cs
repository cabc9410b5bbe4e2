using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NetworkFunctions.Agenda;
using NetworkFunctions.Durable;
using NetworkFunctions.Email;
using NetworkFunctions.Forms;
using NetworkFunctions.Networks;
using NetworkFunctions.Storage;
using NetworkFunctions.Surveys;

namespace NetworkFunctions.Cycle;

/// <summary>
/// The I/O of a meeting's steps, a few lines each: load by id, build the messages (<see cref="MeetingMessages"/>),
/// send through <see cref="Delivery"/>, which skips what was already sent: they are safe to run more than once.
/// </summary>
public sealed partial class MeetingActivities(
    NetworkStore store,
    AgendaDocuments agendas,
    SurveySummaryDocuments summaries,
    Delivery delivery,
    MeetingMessages messages,
    FormTokens tokens,
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
    /// The meeting for one of its steps; null once it is cancelled: a step that was waiting out a fault when the
    /// meeting was cancelled sends nothing, and the meeting's cancellation goes out instead.
    /// </summary>
    async Task<MeetingContext?> LoadUncancelledAsync(string networkId, int number, string step)
    {
        MeetingContext c = await LoadAsync(networkId, number);
        if (!c.Meeting.Cancelled)
        {
            return c;
        }

        logger.LogInformation("Network {NetworkId} meeting {Meeting} is cancelled: {Step} sends nothing", networkId, number, step);
        return null;
    }

    /// <summary>The members an invitation of this meeting went to (any revision) who are members still.</summary>
    async Task<IReadOnlyList<Member>> InvitedAsync(MeetingContext c) =>
        Recipients.Invited(c.Network, await store.InvitedMemberIdsAsync(c.Network.Id, c.Meeting.Number));

    string FormLink(MeetingContext c, string memberId, FormKind kind) =>
        tokens.Link(options.Value.PublicBaseUrl, new FormGrant(c.Network.Id, c.Meeting.Number, memberId, kind,
            kind == FormKind.Invitation ? c.Timeline.DeadlineAt : c.Timeline.SurveyCloseAt));

    /// <summary>Sends one step's mails; refusals are reported to the consultant once per step.</summary>
    async Task<StepResult> SendAllAsync(MeetingContext c, string kind, int revision, IEnumerable<EmailMessage> batch) =>
        new(await delivery.SendAsync(c.Network, batch, MailKey.DeliveryNotice(c.Network.Id, c.Meeting.Number, kind, revision)));
}
