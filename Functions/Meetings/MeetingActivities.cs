using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NetworkFunctions.Documents;
using NetworkFunctions.Email;
using NetworkFunctions.Forms;
using NetworkFunctions.Hosting;
using NetworkFunctions.Networks;
using NetworkFunctions.Storage;

namespace NetworkFunctions.Meetings;

/// <summary>
/// The I/O of a meeting's steps. Each activity reads what it needs from Blob Storage by id and sends through the
/// <see cref="Mailer"/>, which skips what was already sent: they are safe to run more than once.
/// </summary>
public sealed partial class MeetingActivities(
    NetworkStore store,
    DocumentWriter documents,
    Delivery delivery,
    EmailComposer composer,
    FormTokens tokens,
    IOptions<NetworkOptions> options,
    TimeProvider clock,
    ILogger<MeetingActivities> logger)
{
    [Function(nameof(GetMeetingPlan))]
    public async Task<MeetingPlan> GetMeetingPlan([ActivityTrigger] MeetingRef meeting)
    {
        MeetingContext context = await LoadAsync(meeting.NetworkId, meeting.Number);
        return new MeetingPlan(context.Meeting.Revision, context.Meeting.Cancelled, context.Timeline);
    }

    async Task<MeetingContext> LoadAsync(string networkId, int number) =>
        MeetingContext.Of(await store.RequireNetworkAsync(networkId), number);

    /// <summary>Ids of the members an invitation of this meeting went to (any revision).</summary>
    Task<IReadOnlySet<string>> InvitedIdsAsync(string networkId, int meeting) => store.InvitedMemberIdsAsync(networkId, meeting);

    string FormLink(string networkId, int meeting, string memberId, FormKind kind, DateTimeOffset closesAt) =>
        $"{options.Value.PublicBaseUrl.TrimEnd('/')}/api/forms/{tokens.Create(new FormGrant(networkId, meeting, memberId, kind, closesAt))}";

    /// <summary>Sends one step's mails; refusals are reported to the consultant once per step.</summary>
    Task<int> SendAllAsync(MeetingContext c, string kind, int revision, IEnumerable<EmailMessage> messages) =>
        delivery.SendAsync(c.Network, messages, DocumentPaths.SentMail(c.Network.Id, c.Meeting.Number, MailKinds.DeliveryFailure(kind), MailKinds.Consultant, revision));

    string Greeting(Language language, string name) => composer.Text(language, "greeting", ("name", name));

    DetailRow[] When(MeetingContext c) =>
    [
        new(composer.Text(c.Language, "time_label"), Formats.Span(c.Meeting.Start, c.Meeting.End, c.Zone, c.Language)),
        new(composer.Text(c.Language, "place_label"), c.Meeting.Location),
    ];
}
