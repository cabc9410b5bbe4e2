using Microsoft.Azure.Functions.Worker;
using NetworkFunctions.Durable;
using NetworkFunctions.Email;
using NetworkFunctions.Forms;
using NetworkFunctions.Networks;
using NetworkFunctions.Storage;

namespace NetworkFunctions.Cycle;

public sealed partial class MeetingActivities
{
    /// <summary>How long after the meeting a preparer's minutes link works.</summary>
    static readonly TimeSpan MinutesLinkLifetime = TimeSpan.FromDays(60);

    /// <summary>The sent minutes to every invited member and the director, under the minutes' revision.</summary>
    [Function(nameof(SendMinutes))]
    public Task<StepResult> SendMinutes([ActivityTrigger] MeetingRevisionRef step) =>
        UnlessCancelledAsync(step.NetworkId, step.Number, MailKinds.Minutes, async c =>
        {
            var parts = new DocumentParts(
                await store.ReadMeetingDocumentAsync(c.Network.Id, c.Meeting.Number, MeetingDocument.MinutesBody) ?? "",
                await store.ReadMeetingDocumentAsync(c.Network.Id, c.Meeting.Number, MeetingDocument.MinutesText) ?? "");
            IEnumerable<EmailMessage> batch = (await InvitedAsync(c))
                .Select(m => messages.Minutes(c, new Person(m.Name, m.Email), m.Id, step.Revision, parts))
                .Append(messages.Minutes(c, c.Network.Director, MailKinds.Director, step.Revision, parts));
            return await SendAllAsync(c, MailKinds.Minutes, step.Revision, batch);
        });

    /// <summary>The preparers' links to the minutes form: after the meeting, and once more as a reminder.</summary>
    async Task RequestMinutesAsync(MeetingContext c, string kind, int revision) =>
        await SendAllAsync(c, kind, revision, c.Preparers.Select(p => messages.MinutesRequest(c, p.Person, p.Key, kind, revision,
            tokens.Link(options.Value.PublicBaseUrl, new FormGrant(c.Network.Id, c.Meeting.Number, p.Key, FormKind.Minutes, c.Meeting.End + MinutesLinkLifetime)))));
}
