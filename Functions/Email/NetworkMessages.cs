using System.Text;
using NetworkFunctions.Calendar;
using NetworkFunctions.Networks;
using NetworkFunctions.Rendering;

namespace NetworkFunctions.Email;

/// <summary>The wording of the network-wide emails: the director's kickoff confirmation and the year-end report. Pure.</summary>
public sealed class NetworkMessages(EmailComposer composer)
{
    /// <summary>The director's confirmation: the year plan, an .ics with every meeting and the departments still missing.</summary>
    public EmailMessage KickoffConfirmation(Network network, DateTimeOffset now)
    {
        Language language = network.Language;
        IReadOnlyList<string> missing = network.MissingDepartments;
        MessageView view = Base(network, network.Director, composer.Text(language, "kickoff_subject", ("network", network.Name))) with
        {
            Paragraphs =
            [
                composer.Text(language, "kickoff_intro", ("network", network.Name), ("members", network.Members.Count), ("meetings", network.Meetings.Count)),
                missing.Count > 0
                    ? composer.Text(language, "kickoff_missing", ("departments", string.Join(", ", missing)))
                    : composer.Text(language, "kickoff_complete"),
                composer.Text(language, "kickoff_welcome"),
            ],
            Details = network.Meetings.Select(m => new DetailRow(
                composer.Text(language, "meeting_label", ("n", m.Number)),
                $"{Formats.Span(m.Start, m.End, network.Zone, language)} · {m.Location}")).ToList(),
            Closing = [composer.Text(language, "kickoff_rhythm")],
        };
        byte[] series = Encoding.UTF8.GetBytes(MeetingCalendar.Series(CalendarContext.Of(network), network.Meetings, now));
        return composer.Compose(network.Director, view, language,
            new MailKey(network.Id, MailKinds.NetworkWide, MailKinds.Kickoff, MailKinds.Director, 0),
            new EmailAttachment("year-plan.ics", MeetingMessages.CalendarType, series));
    }

    /// <summary>The people the year-end report goes to, with their sent-record keys.</summary>
    public static IReadOnlyList<(Person Person, string Key)> ReportRecipients(Network network) =>
    [
        (network.Director, MailKinds.Director),
        (network.Facilitator.AsPerson, MailKinds.Facilitator),
        (network.Consultant, MailKinds.Consultant),
    ];

    /// <summary>The year-end report to one of <see cref="ReportRecipients"/>, its charts inline.</summary>
    public EmailMessage YearReport(Network network, Person to, string recipientKey, DocumentParts report, IReadOnlyList<EmailAttachment> charts)
    {
        MessageView view = Base(network, to, composer.Text(network.Language, "mail_report_subject", ("network", network.Name))) with
        {
            Paragraphs = [composer.Text(network.Language, "mail_report_intro")],
            Html = report.Html,
            Text = report.Text,
        };
        return composer.Compose(to, view, network.Language,
            new MailKey(network.Id, MailKinds.NetworkWide, MailKinds.Report, recipientKey, 0), [.. charts]);
    }

    MessageView Base(Network network, Person to, string title) =>
        new(title, network.Name, network.Organisation, composer.Text(network.Language, "greeting", ("name", to.Name)), [], [], null, []);
}
