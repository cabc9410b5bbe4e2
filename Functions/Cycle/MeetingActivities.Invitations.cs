using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using NetworkFunctions.Durable;
using NetworkFunctions.Email;
using NetworkFunctions.Forms;
using NetworkFunctions.Networks;
using NetworkFunctions.Storage;

namespace NetworkFunctions.Cycle;

public sealed partial class MeetingActivities
{
    /// <summary>Step 1: a personal invitation with the .ics and the form link to every member (and the director at meeting 1).</summary>
    [Function(nameof(SendInvitations))]
    public Task<StepResult> SendInvitations([ActivityTrigger] MeetingRevisionRef step) =>
        UnlessCancelledAsync(step.NetworkId, step.Number, MailKinds.Invitation, async c =>
        {
            // Whoever had an invitation at any revision has it: a meeting restarted after a move never invites twice.
            IReadOnlySet<string> invited = await store.RecipientsAsync(step.NetworkId, step.Number, MailKinds.Invitation);
            StepResult result = await SendAllAsync(c, MailKinds.Invitation, step.Revision,
                Invitations(c, c.Network.Members.Where(m => !invited.Contains(m.Id)), MailKinds.Invitation, step.Revision, director: !invited.Contains(MailKinds.Director)));
            logger.LogInformation("Invitations for {Network} meeting {Meeting}: {Sent} sent", step.NetworkId, step.Number, result.Sent);
            return result;
        });

    /// <summary>A moved meeting: the updated .ics (same UID, higher SEQUENCE) and a fresh form link to everyone invited.</summary>
    [Function(nameof(SendMeetingUpdate))]
    public async Task<StepResult> SendMeetingUpdate([ActivityTrigger] MeetingRevisionRef step)
    {
        MeetingContext c = await LoadAsync(step.NetworkId, step.Number);
        // Moved later after its agenda, a meeting keeps its agenda and its form closed: the update carries no form link.
        bool sealedAnswers = await store.LoadSealAsync(step.NetworkId, step.Number, AnswerKind.Invitation) is not null;
        return await SendAllAsync(c, MailKinds.Update, step.Revision, Invitations(c, await InvitedAsync(c), MailKinds.Update, step.Revision, sealedAnswers));
    }

    /// <summary>A cancelled meeting: METHOD:CANCEL to everyone who had the invitation.</summary>
    [Function(nameof(SendCancellation))]
    public async Task<StepResult> SendCancellation([ActivityTrigger] MeetingRevisionRef step)
    {
        MeetingContext c = await LoadAsync(step.NetworkId, step.Number);
        // A member's cancellation names the organizer as their invitation did: with their own reply address.
        var people = (await InvitedAsync(c)).Select(m => (Person: new Person(m.Name, m.Email), Key: m.Id, ReplyTo: ReplyAddress(c, m.Id))).ToList();
        if (c.Meeting.Number == 1)
        {
            people.Add((c.Network.Director, MailKinds.Director, null));
        }

        DateTimeOffset now = clock.GetUtcNow();
        return await SendAllAsync(c, MailKinds.Cancellation, step.Revision, people.Select(p => messages.Cancellation(c, p.Person, p.Key, step.Revision, now, p.ReplyTo)));
    }

    /// <summary>Step 3: a reminder with their own link, only to invited members who have not answered.</summary>
    [Function(nameof(SendReminders))]
    public Task<StepResult> SendReminders([ActivityTrigger] ReminderRef step) =>
        UnlessCancelledAsync(step.NetworkId, step.Number, MailKinds.Reminder(step.Index), async c =>
        {
            IReadOnlySet<string> invited = await store.InvitedMemberIdsAsync(step.NetworkId, step.Number);
            IReadOnlySet<string> answered = await store.AnsweredMemberIdsAsync(step.NetworkId, step.Number);
            return await SendAllAsync(c, MailKinds.Reminder(step.Index), step.Revision, Recipients.NotAnswered(c.Network, invited, answered)
                .Select(m => messages.Reminder(c, m, step.Index, step.Revision, FormLink(c, m.Id, FormKind.Invitation))));
        });

    /// <summary>The meetings a member who joined now is invited to at once (<see cref="LateInvitations"/>).</summary>
    [Function(nameof(GetOpenMeetings))]
    public async Task<OpenMeetings> GetOpenMeetings([ActivityTrigger] MemberJoined joined)
    {
        Network network = await store.RequireNetworkAsync(joined.NetworkId);
        OpenMeeting[] open = [.. LateInvitations.Open(network, clock.GetUtcNow())
            .Select(m => new OpenMeeting(m.Number, m.Revision, MeetingTimeline.For(m, network.Schedule, network.Zone).DeadlineAt))];
        return new OpenMeetings(open, patience.Value.ToPatience());
    }

    /// <summary>One member's invitation to a meeting whose invitations went out before they joined.</summary>
    [Function(nameof(SendLateInvitation))]
    public async Task<StepResult> SendLateInvitation([ActivityTrigger] MemberInvitationRef invitation)
    {
        MeetingContext c = await LoadAsync(invitation.NetworkId, invitation.Number);
        if (c.Network.FindMember(invitation.MemberId) is not { } member || c.Meeting.Cancelled
            || (await store.InvitedMemberIdsAsync(invitation.NetworkId, invitation.Number)).Contains(member.Id))
        {
            return StepResult.Nothing;
        }

        // A meeting moved since is invited at its current revision, as the meeting's own update would.
        int revision = Math.Max(invitation.Revision, c.Meeting.Revision);
        DateTimeOffset now = clock.GetUtcNow();
        string? link = c.Timeline.DeadlineAt > now ? FormLink(c, member.Id, FormKind.Invitation) : null;
        return await SendAllAsync(c, MailKinds.Invitation, revision, [messages.Invitation(c, member, MailKinds.Invitation, revision, link, now, ReplyAddress(c, member.Id))]);
    }

    /// <summary>Invitations (or updates) to the members, and to the director at meeting 1; the form link while the form is open.</summary>
    IEnumerable<EmailMessage> Invitations(MeetingContext c, IEnumerable<Member> members, string kind, int revision, bool sealedAnswers = false, bool director = true)
    {
        DateTimeOffset now = clock.GetUtcNow();
        bool open = c.Timeline.DeadlineAt > now && !sealedAnswers;
        foreach (Member member in members)
        {
            yield return messages.Invitation(c, member, kind, revision, open ? FormLink(c, member.Id, FormKind.Invitation) : null, now, ReplyAddress(c, member.Id));
        }

        if (c.Meeting.Number == 1 && director)
        {
            yield return messages.DirectorInvitation(c, kind, revision, now);
        }
    }
}
