using System.Text;
using NetworkFunctions.Calendar;
using NetworkFunctions.Networks;
using NetworkFunctions.Rendering;

namespace NetworkFunctions.Email;

/// <summary>
/// The wording of every email about one meeting, built from the model: pure (the clock's reading and the form links
/// are passed in), so each mail kind is unit-tested here and the activities only load, build and send.
/// </summary>
public sealed class MeetingMessages(EmailComposer composer)
{
    /// <summary>SendGrid refuses parameters in an attachment type; the METHOD inside the file says request or cancel.</summary>
    public const string CalendarType = "text/calendar";

    /// <summary>
    /// The invitation (kind <see cref="MailKinds.Invitation"/>) or, after a move, the update (<see cref="MailKinds.Update"/>):
    /// time, place and the .ics; while the form is open (<paramref name="formLink"/> not null) the deadline and the link.
    /// </summary>
    /// <param name="replyAddress">The member's own address for calendar replies (null: the facilitator's).</param>
    public EmailMessage Invitation(MeetingContext c, Member member, string kind, int revision, string? formLink, DateTimeOffset now, string? replyAddress = null)
    {
        var person = new Person(member.Name, member.Email);
        (string subject, string intro) = InvitationTexts(kind);
        MessageView view = Base(c, person, T(c, subject, ("date", Date(c)))) with
        {
            Paragraphs = formLink is null ? [T(c, intro)] : [T(c, intro), T(c, "invitation_ask")],
            Details = formLink is null ? When(c) : [.. When(c), Deadline(c, c.Timeline.DeadlineAt)],
            Button = formLink is null ? null : new ButtonView(formLink, T(c, "invitation_button")),
            Closing = [T(c, "calendar_attached")],
        };
        return Compose(c, person, view, new MailKey(c.Network.Id, c.Meeting.Number, kind, member.Id, revision), CalendarRequest(c, person, now, replyAddress));
    }

    /// <summary>The director's invitation to meeting 1 (or its update): no form, a welcome to give.</summary>
    public EmailMessage DirectorInvitation(MeetingContext c, string kind, int revision, DateTimeOffset now)
    {
        Person director = c.Network.Director;
        (string subject, string intro) = InvitationTexts(kind);
        MessageView view = Base(c, director, T(c, subject, ("date", Date(c)))) with
        {
            Paragraphs = [T(c, intro), T(c, "invitation_director")],
            Details = When(c),
            Closing = [T(c, "calendar_attached")],
        };
        return Compose(c, director, view, new MailKey(c.Network.Id, c.Meeting.Number, kind, MailKinds.Director, revision), CalendarRequest(c, director, now));
    }

    /// <summary>A cancelled meeting: METHOD:CANCEL to one who had the invitation.</summary>
    public EmailMessage Cancellation(MeetingContext c, Person person, string recipientKey, int revision, DateTimeOffset now, string? replyAddress = null)
    {
        MessageView view = Base(c, person, T(c, "cancel_subject")) with
        {
            Paragraphs = [T(c, "cancel_intro", ("date", Date(c)))],
        };
        byte[] ics = Encoding.UTF8.GetBytes(MeetingCalendar.Cancel(CalendarContext.Of(c.Network) with { ReplyTo = replyAddress }, c.Meeting, person, now));
        return Compose(c, person, view, new MailKey(c.Network.Id, c.Meeting.Number, MailKinds.Cancellation, recipientKey, revision),
            new EmailAttachment($"cancel-meeting-{c.Meeting.Number}.ics", CalendarType, ics));
    }

    /// <summary>Reminder <paramref name="index"/> to a member who has not answered, with their own link.</summary>
    public EmailMessage Reminder(MeetingContext c, Member member, int index, int revision, string formLink)
    {
        var person = new Person(member.Name, member.Email);
        string deadline = Formats.Moment(c.Timeline.DeadlineAt, c.Zone, c.Language);
        MessageView view = Base(c, person, T(c, "reminder_subject", ("deadline", deadline))) with
        {
            Paragraphs = [T(c, "reminder_intro")],
            Details = [.. When(c), Deadline(c, c.Timeline.DeadlineAt)],
            Button = new ButtonView(formLink, T(c, "invitation_button")),
        };
        return Compose(c, person, view, new MailKey(c.Network.Id, c.Meeting.Number, MailKinds.Reminder(index), member.Id, revision));
    }

    /// <summary>The draft agenda to one of the two preparers, with how many answered and when members get it.</summary>
    public EmailMessage Agenda(MeetingContext c, Person preparer, string preparerKey, int revision, int answers, int contributions, DocumentParts agenda, string workspaceLink)
    {
        MessageView view = Base(c, preparer, T(c, "mail_agenda_subject")) with
        {
            Paragraphs =
            [
                T(c, "mail_agenda_intro", ("answers", answers), ("contributions", contributions)),
                T(c, "mail_agenda_note", ("final", Formats.Moment(c.Timeline.FinalAgendaAt, c.Zone, c.Language))),
            ],
            Details = When(c),
            Button = new ButtonView(workspaceLink, T(c, "mail_agenda_button")),
            Html = agenda.Html,
            Text = agenda.Text,
        };
        return Compose(c, preparer, view, new MailKey(c.Network.Id, c.Meeting.Number, MailKinds.Agenda, preparerKey, revision));
    }

    /// <summary>A preparer's notice that nobody approved the agenda by the final-agenda time, so the draft went to the members.</summary>
    public EmailMessage AgendaNotApproved(MeetingContext c, Person preparer, string preparerKey, int revision, string workspaceLink)
    {
        MessageView view = Base(c, preparer, T(c, "mail_agenda_unapproved_subject")) with
        {
            Paragraphs = [T(c, "mail_agenda_unapproved_intro"), T(c, "mail_agenda_unapproved_next")],
            Details = When(c),
            Button = new ButtonView(workspaceLink, T(c, "mail_agenda_unapproved_button")),
        };
        return Compose(c, preparer, view, new MailKey(c.Network.Id, c.Meeting.Number, MailKinds.AgendaNotApproved, preparerKey, revision));
    }

    /// <summary>The final agenda to an invited member.</summary>
    public EmailMessage FinalAgenda(MeetingContext c, Member member, int revision, DocumentParts agenda)
    {
        var person = new Person(member.Name, member.Email);
        MessageView view = Base(c, person, T(c, "final_subject", ("date", Date(c)))) with
        {
            Paragraphs = [T(c, "final_intro")],
            Details = When(c),
            Html = agenda.Html,
            Text = agenda.Text,
        };
        return Compose(c, person, view, new MailKey(c.Network.Id, c.Meeting.Number, MailKinds.FinalAgenda, member.Id, revision));
    }

    /// <summary>A preparer's link to the minutes form (kind <see cref="MailKinds.MinutesRequest"/>) or its one reminder (<see cref="MailKinds.MinutesReminder"/>).</summary>
    public EmailMessage MinutesRequest(MeetingContext c, Person preparer, string preparerKey, string kind, int revision, string minutesLink)
    {
        bool reminder = kind == MailKinds.MinutesReminder;
        MessageView view = Base(c, preparer, T(c, reminder ? "mail_minutes_reminder_subject" : "mail_minutes_subject")) with
        {
            Paragraphs = [T(c, reminder ? "mail_minutes_reminder_intro" : "mail_minutes_intro")],
            Details = When(c),
            Button = new ButtonView(minutesLink, T(c, "mail_minutes_button")),
        };
        return Compose(c, preparer, view, new MailKey(c.Network.Id, c.Meeting.Number, kind, preparerKey, revision));
    }

    /// <summary>The minutes, to an invited member or the director (<paramref name="recipientKey"/>), under the minutes' revision.</summary>
    public EmailMessage Minutes(MeetingContext c, Person person, string recipientKey, int minutesRevision, DocumentParts minutes)
    {
        MessageView view = Base(c, person, T(c, "mail_minutes_sent_subject")) with
        {
            Paragraphs = [T(c, "mail_minutes_sent_intro")],
            Details = When(c),
            Html = minutes.Html,
            Text = minutes.Text,
        };
        return Compose(c, person, view, new MailKey(c.Network.Id, c.Meeting.Number, MailKinds.Minutes, recipientKey, minutesRevision));
    }

    /// <summary>The agenda the preparers changed after the final agenda, to an invited member, under the agenda's revision.</summary>
    public EmailMessage UpdatedAgenda(MeetingContext c, Member member, int agendaRevision, DocumentParts agenda)
    {
        var person = new Person(member.Name, member.Email);
        MessageView view = Base(c, person, T(c, "updated_agenda_subject", ("date", Date(c)))) with
        {
            Paragraphs = [T(c, "updated_agenda_intro")],
            Details = When(c),
            Html = agenda.Html,
            Text = agenda.Text,
        };
        return Compose(c, person, view, new MailKey(c.Network.Id, c.Meeting.Number, MailKinds.AgendaUpdate, member.Id, agendaRevision));
    }

    /// <summary>The survey (kind <see cref="MailKinds.Survey"/>) or its reminder (<see cref="MailKinds.SurveyReminder"/>) with the member's link.</summary>
    public EmailMessage Survey(MeetingContext c, Member member, string kind, int revision, string formLink)
    {
        var person = new Person(member.Name, member.Email);
        (string subject, string intro) = kind == MailKinds.SurveyReminder
            ? ("mail_survey_reminder_subject", "mail_survey_reminder_intro")
            : ("mail_survey_subject", "mail_survey_intro");
        MessageView view = Base(c, person, T(c, subject)) with
        {
            Paragraphs = [T(c, intro), T(c, "mail_survey_anonymous")],
            Details = [Deadline(c, c.Timeline.SurveyCloseAt)],
            Button = new ButtonView(formLink, T(c, "mail_survey_button")),
        };
        return Compose(c, person, view, new MailKey(c.Network.Id, c.Meeting.Number, kind, member.Id, revision));
    }

    /// <summary>The survey summary to one of the two preparers.</summary>
    public EmailMessage SurveySummary(MeetingContext c, Person preparer, string preparerKey, int revision, DocumentParts summary)
    {
        MessageView view = Base(c, preparer, T(c, "summary_subject")) with
        {
            Paragraphs = [T(c, "summary_intro")],
            Html = summary.Html,
            Text = summary.Text,
        };
        return Compose(c, preparer, view, new MailKey(c.Network.Id, c.Meeting.Number, MailKinds.SurveySummary, preparerKey, revision));
    }

    static (string Subject, string Intro) InvitationTexts(string kind) =>
        kind == MailKinds.Update ? ("update_subject", "update_intro") : ("invitation_subject", "invitation_intro");

    MessageView Base(MeetingContext c, Person to, string title) =>
        new(title, c.Network.Name, c.Network.Organisation, composer.Text(c.Language, "greeting", ("name", to.Name)), [], [], null, []);

    EmailMessage Compose(MeetingContext c, Person to, MessageView view, MailKey key, params EmailAttachment[] attachments) =>
        composer.Compose(to, view, c.Language, key, attachments);

    EmailAttachment CalendarRequest(MeetingContext c, Person attendee, DateTimeOffset now, string? replyAddress = null) =>
        new($"meeting-{c.Meeting.Number}.ics", CalendarType,
            Encoding.UTF8.GetBytes(MeetingCalendar.Request(CalendarContext.Of(c.Network) with { ReplyTo = replyAddress }, c.Meeting, attendee, now)));

    DetailRow[] When(MeetingContext c) =>
    [
        new(composer.Text(c.Language, "time_label"), Formats.Span(c.Meeting.Start, c.Meeting.End, c.Zone, c.Language)),
        new(composer.Text(c.Language, "place_label"), c.Meeting.Location),
    ];

    DetailRow Deadline(MeetingContext c, DateTimeOffset at) =>
        new(composer.Text(c.Language, "deadline_label"), Formats.Moment(at, c.Zone, c.Language));

    static string Date(MeetingContext c) => Formats.Date(c.Meeting.Start, c.Zone, c.Language);

    /// <summary>A text of the meeting's language; every text may use the network's name and the meeting's number.</summary>
    string T(MeetingContext c, string key, params (string Name, object Value)[] values) =>
        composer.Text(c.Language, key, [("network", c.Network.Name), ("n", c.Meeting.Number), .. values]);
}
