using System.Text;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using NetworkFunctions.Calendar;
using NetworkFunctions.Email;
using NetworkFunctions.Forms;
using NetworkFunctions.Networks;
using NetworkFunctions.Storage;

namespace NetworkFunctions.Meetings;

public sealed partial class MeetingActivities
{
    /// <summary>SendGrid refuses parameters in an attachment type; the METHOD inside the file says request or cancel.</summary>
    const string CalendarType = "text/calendar";

    /// <summary>Step 1: a personal invitation with the .ics and the form link to every member (and the director at meeting 1).</summary>
    [Function(nameof(SendInvitations))]
    public async Task<StepResult> SendInvitations([ActivityTrigger] MeetingRevisionRef step)
    {
        MeetingContext c = await LoadAsync(step.NetworkId, step.Number);
        var messages = c.Network.Members.Select(m => InvitationFor(c, m, MailKinds.Invitation, "invitation_subject", "invitation_intro", step.Revision)).ToList();
        if (c.Meeting.Number == 1)
        {
            messages.Add(DirectorInvitation(c, MailKinds.Invitation, "invitation_subject", "invitation_intro", step.Revision));
        }

        int sent = await SendAllAsync(c, MailKinds.Invitation, step.Revision, messages);
        logger.LogInformation("Invitations for {Network} meeting {Meeting}: {Sent} sent", step.NetworkId, step.Number, sent);
        return new StepResult(sent);
    }

    /// <summary>A moved meeting: the updated .ics (same UID, higher SEQUENCE) and a fresh form link to everyone invited.</summary>
    [Function(nameof(SendMeetingUpdate))]
    public async Task<StepResult> SendMeetingUpdate([ActivityTrigger] MeetingRevisionRef step)
    {
        MeetingContext c = await LoadAsync(step.NetworkId, step.Number);
        IReadOnlySet<string> invited = await InvitedIdsAsync(step.NetworkId, step.Number);
        var messages = Recipients.Invited(c.Network, invited)
            .Select(m => InvitationFor(c, m, MailKinds.Update, "update_subject", "update_intro", step.Revision))
            .ToList();
        if (c.Meeting.Number == 1)
        {
            messages.Add(DirectorInvitation(c, MailKinds.Update, "update_subject", "update_intro", step.Revision));
        }

        return new StepResult(await SendAllAsync(c, MailKinds.Update, step.Revision, messages));
    }

    /// <summary>A cancelled meeting: METHOD:CANCEL to everyone who had the invitation.</summary>
    [Function(nameof(SendCancellation))]
    public async Task<StepResult> SendCancellation([ActivityTrigger] MeetingRevisionRef step)
    {
        MeetingContext c = await LoadAsync(step.NetworkId, step.Number);
        IReadOnlySet<string> invited = await InvitedIdsAsync(step.NetworkId, step.Number);
        var people = Recipients.Invited(c.Network, invited).Select(m => (Person: new Person(m.Name, m.Email), Key: m.Id)).ToList();
        if (c.Meeting.Number == 1)
        {
            people.Add((c.Network.Director, MailKinds.Director));
        }

        DateTimeOffset now = clock.GetUtcNow();
        var messages = people.Select(p =>
        {
            var view = new MessageView(
                composer.Text(c.Language, "cancel_subject", ("network", c.Network.Name), ("n", c.Meeting.Number)),
                c.Network.Name,
                c.Network.Organisation,
                Greeting(c.Language, p.Person.Name),
                [composer.Text(c.Language, "cancel_intro", ("network", c.Network.Name), ("n", c.Meeting.Number), ("date", Formats.Date(c.Meeting.Start, c.Zone, c.Language)))],
                [],
                null,
                []);
            byte[] ics = Encoding.UTF8.GetBytes(MeetingCalendar.Cancel(c.Calendar, c.Meeting, p.Person, now));
            return composer.Compose(p.Person, view, c.Language,
                DocumentPaths.SentMail(c.Network.Id, c.Meeting.Number, MailKinds.Cancellation, p.Key, step.Revision),
                new EmailAttachment($"cancel-meeting-{c.Meeting.Number}.ics", CalendarType, ics));
        });
        return new StepResult(await SendAllAsync(c, MailKinds.Cancellation, step.Revision, messages));
    }

    /// <summary>Step 3: a reminder with their own link, only to invited members who have not answered.</summary>
    [Function(nameof(SendReminders))]
    public async Task<StepResult> SendReminders([ActivityTrigger] ReminderRef step)
    {
        MeetingContext c = await LoadAsync(step.NetworkId, step.Number);
        IReadOnlySet<string> invited = await InvitedIdsAsync(step.NetworkId, step.Number);
        IReadOnlyList<string> answered = (await store.ListAsync(DocumentPaths.Answers(step.NetworkId, step.Number)))
            .Select(p => Path.GetFileNameWithoutExtension(p)).ToList();
        string deadline = Formats.Moment(c.Timeline.DeadlineAt, c.Zone, c.Language);
        var messages = Recipients.NotAnswered(c.Network, invited, answered).Select(m =>
        {
            var view = new MessageView(
                composer.Text(c.Language, "reminder_subject", ("network", c.Network.Name), ("n", c.Meeting.Number), ("deadline", deadline)),
                c.Network.Name,
                c.Network.Organisation,
                Greeting(c.Language, m.Name),
                [composer.Text(c.Language, "reminder_intro", ("network", c.Network.Name), ("n", c.Meeting.Number))],
                [.. When(c), new DetailRow(composer.Text(c.Language, "deadline_label"), deadline)],
                new ButtonView(FormLink(c.Network.Id, c.Meeting.Number, m.Id, FormKind.Invitation, c.Timeline.DeadlineAt), composer.Text(c.Language, "invitation_button")),
                []);
            return composer.Compose(new Person(m.Name, m.Email), view, c.Language,
                DocumentPaths.SentMail(c.Network.Id, c.Meeting.Number, MailKinds.Reminder(step.Index), m.Id, step.Revision));
        });
        return new StepResult(await SendAllAsync(c, MailKinds.Reminder(step.Index), step.Revision, messages));
    }

    EmailMessage InvitationFor(MeetingContext c, Member member, string kind, string subjectKey, string introKey, int revision)
    {
        var person = new Person(member.Name, member.Email);
        bool open = c.Timeline.DeadlineAt > clock.GetUtcNow();
        string deadline = Formats.Moment(c.Timeline.DeadlineAt, c.Zone, c.Language);
        var view = new MessageView(
            composer.Text(c.Language, subjectKey, ("network", c.Network.Name), ("n", c.Meeting.Number), ("date", Formats.Date(c.Meeting.Start, c.Zone, c.Language))),
            c.Network.Name,
            c.Network.Organisation,
            Greeting(c.Language, member.Name),
            open
                ? [composer.Text(c.Language, introKey, ("network", c.Network.Name), ("n", c.Meeting.Number)), composer.Text(c.Language, "invitation_ask")]
                : [composer.Text(c.Language, introKey, ("network", c.Network.Name), ("n", c.Meeting.Number))],
            open ? [.. When(c), new DetailRow(composer.Text(c.Language, "deadline_label"), deadline)] : When(c),
            open ? new ButtonView(FormLink(c.Network.Id, c.Meeting.Number, member.Id, FormKind.Invitation, c.Timeline.DeadlineAt), composer.Text(c.Language, "invitation_button")) : null,
            [composer.Text(c.Language, "calendar_attached")]);
        return composer.Compose(person, view, c.Language,
            DocumentPaths.SentMail(c.Network.Id, c.Meeting.Number, kind, member.Id, revision),
            CalendarAttachment(c, person));
    }

    EmailMessage DirectorInvitation(MeetingContext c, string kind, string subjectKey, string introKey, int revision)
    {
        Person director = c.Network.Director;
        var view = new MessageView(
            composer.Text(c.Language, subjectKey, ("network", c.Network.Name), ("n", c.Meeting.Number), ("date", Formats.Date(c.Meeting.Start, c.Zone, c.Language))),
            c.Network.Name,
            c.Network.Organisation,
            Greeting(c.Language, director.Name),
            [composer.Text(c.Language, introKey, ("network", c.Network.Name), ("n", c.Meeting.Number)), composer.Text(c.Language, "invitation_director")],
            When(c),
            null,
            [composer.Text(c.Language, "calendar_attached")]);
        return composer.Compose(director, view, c.Language,
            DocumentPaths.SentMail(c.Network.Id, c.Meeting.Number, kind, MailKinds.Director, revision),
            CalendarAttachment(c, director));
    }

    EmailAttachment CalendarAttachment(MeetingContext c, Person attendee) =>
        new($"meeting-{c.Meeting.Number}.ics", CalendarType,
            Encoding.UTF8.GetBytes(MeetingCalendar.Request(c.Calendar, c.Meeting, attendee, clock.GetUtcNow())));
}
