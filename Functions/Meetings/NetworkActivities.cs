using System.Text;
using Microsoft.Azure.Functions.Worker;
using NetworkFunctions.Calendar;
using NetworkFunctions.Documents;
using NetworkFunctions.Email;
using NetworkFunctions.Networks;
using NetworkFunctions.Rendering;
using NetworkFunctions.Reports;
using NetworkFunctions.Storage;

namespace NetworkFunctions.Meetings;

/// <summary>The network-wide steps: the kickoff confirmation to the director and the year-end report.</summary>
public sealed class NetworkActivities(NetworkStore store, DocumentWriter documents, Delivery delivery, EmailComposer composer, TimeProvider clock)
{
    /// <summary>The director's confirmation: the year plan, an .ics with every meeting and the departments still missing.</summary>
    [Function(nameof(SendKickoffConfirmation))]
    public async Task<StepResult> SendKickoffConfirmation([ActivityTrigger] NetworkRef reference)
    {
        Network network = await store.RequireNetworkAsync(reference.NetworkId);
        Language language = network.Language;
        IReadOnlyList<string> missing = network.MissingDepartments;
        var view = new MessageView(
            composer.Text(language, "kickoff_subject", ("network", network.Name)),
            network.Name,
            network.Organisation,
            composer.Text(language, "greeting", ("name", network.Director.Name)),
            [
                composer.Text(language, "kickoff_intro", ("network", network.Name), ("members", network.Members.Count), ("meetings", network.Meetings.Count)),
                missing.Count > 0
                    ? composer.Text(language, "kickoff_missing", ("departments", string.Join(", ", missing)))
                    : composer.Text(language, "kickoff_complete"),
                composer.Text(language, "kickoff_welcome"),
            ],
            network.Meetings.Select(m => new DetailRow(
                composer.Text(language, "meeting_label", ("n", m.Number)),
                $"{Formats.Span(m.Start, m.End, network.Zone, language)} · {m.Location}")).ToList(),
            null,
            [composer.Text(language, "kickoff_rhythm")]);
        var calendar = new CalendarContext(network.Id, network.Name, new Person(network.Facilitator.Name, network.Facilitator.Email), network.TimeZone, language);
        byte[] series = Encoding.UTF8.GetBytes(MeetingCalendar.Series(calendar, network.Meetings, clock.GetUtcNow()));
        EmailMessage message = composer.Compose(network.Director, view, language,
            DocumentPaths.SentMail(network.Id, MailKinds.NetworkWide, MailKinds.Kickoff, MailKinds.Director, 0),
            new EmailAttachment("year-plan.ics", "text/calendar", series));
        return new StepResult(await delivery.SendAsync(network, [message], DeliveryNotice(network, MailKinds.Kickoff)));
    }

    /// <summary>The year-end report: figures from every answer, two charts, stored as HTML with the charts embedded.</summary>
    [Function(nameof(BuildYearReport))]
    public async Task<StepResult> BuildYearReport([ActivityTrigger] NetworkRef reference)
    {
        await documents.WriteYearReportAsync(await store.RequireNetworkAsync(reference.NetworkId));
        return new StepResult(0);
    }

    /// <summary>The year-end report to the director, the facilitator and the internal consultant, charts inline.</summary>
    [Function(nameof(SendYearReport))]
    public async Task<StepResult> SendYearReport([ActivityTrigger] NetworkRef reference)
    {
        Network network = await store.RequireNetworkAsync(reference.NetworkId);
        Language language = network.Language;
        string body = await store.ReadTextAsync(DocumentPaths.ReportBody(network.Id)) ?? "";
        string text = await store.ReadTextAsync(DocumentPaths.ReportText(network.Id)) ?? "";
        var charts = new List<EmailAttachment>();
        foreach (string chart in new[] { ReportCharts.SurveyTrendName, ReportCharts.AttendanceName })
        {
            string? path = DocumentPaths.ReportChart(network.Id, chart);
            if (await store.ReadBytesAsync(path) is { } png)
            {
                charts.Add(new EmailAttachment(chart + ".png", "image/png", png, chart));
            }
        }

        var people = new[]
        {
            (Person: network.Director, Key: MailKinds.Director),
            (Person: new Person(network.Facilitator.Name, network.Facilitator.Email), Key: MailKinds.Facilitator),
            (Person: network.Consultant, Key: MailKinds.Consultant),
        };
        var messages = people.Select(p => composer.Compose(p.Person, new MessageView(
                composer.Text(language, "mail_report_subject", ("network", network.Name)),
                network.Name,
                network.Organisation,
                composer.Text(language, "greeting", ("name", p.Person.Name)),
                [composer.Text(language, "mail_report_intro")],
                [],
                null,
                [],
                body,
                text),
            language,
            DocumentPaths.SentMail(network.Id, MailKinds.NetworkWide, MailKinds.Report, p.Key, 0),
            [.. charts]));
        int sent = await delivery.SendAsync(network, messages, DeliveryNotice(network, MailKinds.Report));
        return new StepResult(sent);
    }

    static string DeliveryNotice(Network network, string kind) =>
        DocumentPaths.SentMail(network.Id, MailKinds.NetworkWide, MailKinds.DeliveryFailure(kind), MailKinds.Consultant, 0);
}
