using System.Globalization;
using System.Text;
using NetworkFunctions.Email;
using NetworkFunctions.Networks;
using NetworkFunctions.Rendering;

namespace NetworkFunctions.Tests.Unit.Email;

/// <summary>The wording of each mail kind about a meeting, built from the model alone.</summary>
public sealed class MeetingMessagesTests
{
    static readonly DateTimeOffset Now = new(2027, 1, 5, 8, 0, 0, TimeSpan.Zero);
    static readonly EmailComposer Composer = new(new TemplateRenderer());
    static readonly MeetingMessages Messages = new(Composer);

    static readonly Member Anne = new("manne", "Anne Ager", "anne@example.dk", "Center for Teknik", Now);

    static Network Network(Language language = Language.Da) => new(
        "net-2027",
        "Netværket",
        "Kommunen",
        language,
        "Europe/Copenhagen",
        new Person("Dorthe Direktør", "dorthe@example.dk"),
        new Facilitator("Frida Facilitator", "frida@example.dk", null),
        new Person("Karl Konsulent", "karl@example.dk"),
        ["Center for Teknik"],
        [Anne],
        [new Meeting(1, At("2027-02-03T09:00:00+01:00"), At("2027-02-03T12:30:00+01:00"), "Rådhuset", null, 2)],
        ScheduleSettings.Default,
        Now);

    static MeetingContext Meeting1(Language language = Language.Da) => MeetingContext.Of(Network(language), 1);

    static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    [Fact]
    public void An_open_invitation_asks_for_an_answer_by_the_deadline_with_the_members_link_and_the_calendar_entry()
    {
        EmailMessage mail = Messages.Invitation(Meeting1(), Anne, MailKinds.Invitation, 2, "https://app/api/forms/t", Now);

        Assert.Equal("Invitation: Netværket, møde 1 – onsdag den 3. februar 2027", mail.Subject);
        Assert.Equal(new MailKey("net-2027", 1, MailKinds.Invitation, "manne", 2), mail.Key);
        Assert.Equal("anne@example.dk", mail.To.Email);
        Assert.Contains("Kære Anne Ager", mail.Text, StringComparison.Ordinal);
        Assert.Contains("https://app/api/forms/t", mail.Html, StringComparison.Ordinal);
        Assert.Contains("Svarfrist", mail.Text, StringComparison.Ordinal);
        EmailAttachment ics = Assert.Single(mail.Attachments);
        Assert.Equal("meeting-1.ics", ics.FileName);
        Assert.Contains("METHOD:REQUEST", Encoding.UTF8.GetString(ics.Content), StringComparison.Ordinal);
    }

    [Fact]
    public void An_invitation_after_the_deadline_has_no_link_and_no_deadline()
    {
        EmailMessage mail = Messages.Invitation(Meeting1(), Anne, MailKinds.Invitation, 2, null, Now);

        Assert.DoesNotContain("/api/forms/", mail.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Svarfrist", mail.Text, StringComparison.Ordinal);
        Assert.Single(mail.Attachments);
    }

    [Fact]
    public void A_moved_meeting_sends_the_update_wording_under_its_own_kind()
    {
        EmailMessage invitation = Messages.Invitation(Meeting1(), Anne, MailKinds.Invitation, 3, null, Now);
        EmailMessage update = Messages.Invitation(Meeting1(), Anne, MailKinds.Update, 3, null, Now);

        Assert.Equal(MailKinds.Update, update.Key.Kind);
        Assert.NotEqual(invitation.Subject, update.Subject);
    }

    [Fact]
    public void The_director_is_invited_to_give_the_welcome_without_a_form()
    {
        EmailMessage mail = Messages.DirectorInvitation(Meeting1(), MailKinds.Invitation, 0, Now);

        Assert.Equal("dorthe@example.dk", mail.To.Email);
        Assert.Equal(MailKinds.Director, mail.Key.Recipient);
        Assert.DoesNotContain("/api/forms/", mail.Html, StringComparison.Ordinal);
        Assert.Single(mail.Attachments);
    }

    [Fact]
    public void A_cancellation_carries_a_calendar_cancel()
    {
        EmailMessage mail = Messages.Cancellation(Meeting1(), new Person("Anne Ager", "anne@example.dk"), "manne", 4, Now);

        Assert.Equal("Aflyst: Netværket, møde 1", mail.Subject);
        Assert.Equal(new MailKey("net-2027", 1, MailKinds.Cancellation, "manne", 4), mail.Key);
        Assert.Contains("METHOD:CANCEL", Encoding.UTF8.GetString(Assert.Single(mail.Attachments).Content), StringComparison.Ordinal);
    }

    [Fact]
    public void A_reminder_names_the_deadline_in_its_subject_and_is_filed_under_its_index()
    {
        EmailMessage mail = Messages.Reminder(Meeting1(), Anne, 1, 2, "https://app/api/forms/r");

        Assert.StartsWith("Påmindelse: svar senest ", mail.Subject, StringComparison.Ordinal);
        Assert.EndsWith("Netværket, møde 1", mail.Subject, StringComparison.Ordinal);
        Assert.Equal(MailKinds.Reminder(1), mail.Key.Kind);
        Assert.Contains("https://app/api/forms/r", mail.Html, StringComparison.Ordinal);
        Assert.Empty(mail.Attachments);
    }

    [Fact]
    public void The_draft_agenda_tells_the_preparer_how_many_answered_and_carries_the_agenda()
    {
        EmailMessage mail = Messages.Agenda(Meeting1(), new Person("Frida Facilitator", "frida@example.dk"), MailKinds.Facilitator, 2, 7, 11,
            new DocumentParts("<section id=\"agenda-body\">Dagsorden</section>", "DAGSORDEN-TEKST"), "https://app/api/agenda/w");

        Assert.Equal("Dagsorden til møde 1: Netværket", mail.Subject);
        Assert.Contains("href=\"https://app/api/agenda/w\"", mail.Html, StringComparison.Ordinal);
        Assert.Contains("Tilret og godkend dagsordenen", mail.Html, StringComparison.Ordinal);
        Assert.Contains("<section id=\"agenda-body\">", mail.Html, StringComparison.Ordinal);
        Assert.Contains("DAGSORDEN-TEKST", mail.Text, StringComparison.Ordinal);
        Assert.Contains("7", mail.Text, StringComparison.Ordinal);
        Assert.Contains("11", mail.Text, StringComparison.Ordinal);
        Assert.Equal(MailKinds.Facilitator, mail.Key.Recipient);
    }

    [Fact]
    public void A_preparer_is_told_when_the_draft_went_out_unapproved()
    {
        EmailMessage mail = Messages.AgendaNotApproved(Meeting1(), new Person("Karl Konsulent", "karl@example.dk"), MailKinds.Consultant, 2, "https://app/api/agenda/w");

        Assert.Equal("Dagsordenen til møde 1 blev sendt uden godkendelse: Netværket", mail.Subject);
        Assert.Equal(new MailKey("net-2027", 1, MailKinds.AgendaNotApproved, MailKinds.Consultant, 2), mail.Key);
        Assert.Contains("href=\"https://app/api/agenda/w\"", mail.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_final_agenda_goes_to_a_member_under_their_id()
    {
        EmailMessage mail = Messages.FinalAgenda(Meeting1(), Anne, 2, new DocumentParts("<p>x</p>", "x"));

        Assert.Equal(new MailKey("net-2027", 1, MailKinds.FinalAgenda, "manne", 2), mail.Key);
        Assert.StartsWith("Dagsorden: Netværket, møde 1", mail.Subject, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(MailKinds.Survey, "Hvordan var møde 1? – Netværket")]
    [InlineData(MailKinds.SurveyReminder, "Påmindelse: evaluering af møde 1 – Netværket")]
    public void The_survey_and_its_reminder_differ_in_wording_only(string kind, string subject)
    {
        EmailMessage mail = Messages.Survey(Meeting1(), Anne, kind, 2, "https://app/api/forms/s");

        Assert.Equal(subject, mail.Subject);
        Assert.Equal(kind, mail.Key.Kind);
        Assert.Contains("https://app/api/forms/s", mail.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_survey_summary_goes_to_a_preparer_with_the_summary_inside()
    {
        EmailMessage mail = Messages.SurveySummary(Meeting1(), new Person("Karl Konsulent", "karl@example.dk"), MailKinds.Consultant, 2, new DocumentParts("<p>opsummering</p>", "opsummering"));

        Assert.Equal("Evaluering af møde 1: Netværket", mail.Subject);
        Assert.Contains("<p>opsummering</p>", mail.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void An_english_network_gets_english_mail()
    {
        EmailMessage mail = Messages.Invitation(Meeting1(Language.En), Anne, MailKinds.Invitation, 2, "https://app/api/forms/t", Now);

        Assert.Equal("Invitation: Netværket, meeting 1 – Wednesday 3 February 2027", mail.Subject);
        Assert.Contains("Dear Anne Ager", mail.Text, StringComparison.Ordinal);
    }
}
