using System.Text.Json;
using NetworkFunctions.Agenda;
using NetworkFunctions.Meetings;
using NetworkFunctions.Networks;
using NetworkFunctions.Rendering;
using NetworkFunctions.Reports;
using NetworkFunctions.Storage;
using NetworkFunctions.Surveys;

namespace NetworkFunctions.Documents;

/// <summary>
/// Computes and stores the documents built from members' answers — agendas, survey summaries, the year-end report —
/// from what is in Blob Storage now. The cycle's activities write them; erasing a member writes them again without
/// that member.
/// </summary>
public sealed class DocumentWriter(NetworkStore store, TemplateRenderer renderer)
{
    const string Html = "text/html; charset=utf-8";
    const string Text = "text/plain; charset=utf-8";

    /// <summary>Stores an agenda as a page, an email body, text, JSON, and its carry-over for the next meeting.</summary>
    public async Task WriteAgendaAsync(MeetingContext c, Agenda.Agenda agenda, CancellationToken cancellationToken = default)
    {
        var view = new AgendaContext(c.Network.Name, c.Network.Organisation, c.Meeting.Title, c.Meeting.Location, c.Language, c.Zone);
        (string html, string text) = AgendaPage.Render(renderer, agenda, view);
        string id = c.Network.Id;
        int n = c.Meeting.Number;
        await store.WriteTextAsync(DocumentPaths.AgendaHtml(id, n), html, Html, cancellationToken);
        await store.WriteTextAsync(DocumentPaths.AgendaBody(id, n), TemplateRenderer.BodyOf(html), Html, cancellationToken);
        await store.WriteTextAsync(DocumentPaths.AgendaText(id, n), text, Text, cancellationToken);
        await store.WriteTextAsync(DocumentPaths.AgendaJson(id, n), JsonSerializer.Serialize(agenda, DocumentJson.Options), "application/json", cancellationToken);
        await store.WriteTextAsync(DocumentPaths.CarryOver(id, n), JsonSerializer.Serialize(agenda.NotFitted, DocumentJson.Options), "application/json", cancellationToken);
    }

    public async Task<Agenda.Agenda?> ReadAgendaAsync(string networkId, int meeting, CancellationToken cancellationToken = default) =>
        await store.ReadTextAsync(DocumentPaths.AgendaJson(networkId, meeting), cancellationToken) is { } json
            ? JsonSerializer.Deserialize<Agenda.Agenda>(json, DocumentJson.Options)
            : null;

    /// <summary>The survey summary from the stored answers; returns the page and the text.</summary>
    public async Task<(string Html, string Text)> WriteSurveySummaryAsync(MeetingContext c, int surveyed, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<SurveyAnswer> answers = await store.LoadSurveyAnswersAsync(c.Network.Id, c.Meeting.Number, cancellationToken);
        SurveySummary summary = SurveySummary.From(c.Meeting.Number, answers, surveyed);
        var context = new SummaryContext(c.Network.Name, c.Network.Organisation, c.Meeting.Number, c.Meeting.Title, c.Language);
        (string html, string text) = SurveySummaryPage.Render(renderer, summary, context);
        await store.WriteTextAsync(DocumentPaths.SurveySummaryHtml(c.Network.Id, c.Meeting.Number), html, Html, cancellationToken);
        await store.WriteTextAsync(DocumentPaths.SurveySummaryText(c.Network.Id, c.Meeting.Number), text, Text, cancellationToken);
        return (html, text);
    }

    /// <summary>The year-end report from every stored answer: two charts, a page with the charts embedded, an email body with <c>cid:</c> charts, and text.</summary>
    public async Task WriteYearReportAsync(Network network, CancellationToken cancellationToken = default)
    {
        var invitations = new List<InvitationAnswer>();
        var surveys = new List<SurveyAnswer>();
        var invited = new Dictionary<int, IReadOnlySet<string>>();
        foreach (Meeting meeting in network.Meetings)
        {
            invitations.AddRange(await store.LoadInvitationAnswersAsync(network.Id, meeting.Number, cancellationToken));
            surveys.AddRange(await store.LoadSurveyAnswersAsync(network.Id, meeting.Number, cancellationToken));
            invited[meeting.Number] = await store.InvitedMemberIdsAsync(network.Id, meeting.Number, cancellationToken);
        }

        YearReport report = YearReport.From(new YearReportInput(network, invitations, surveys, invited));
        byte[] trend = ReportCharts.SurveyTrend(report, network.Language);
        byte[] attendance = ReportCharts.Attendance(report, network.Language);
        await store.WriteBytesAsync(DocumentPaths.ReportChart(network.Id, ReportCharts.SurveyTrendName), trend, "image/png", cancellationToken);
        await store.WriteBytesAsync(DocumentPaths.ReportChart(network.Id, ReportCharts.AttendanceName), attendance, "image/png", cancellationToken);

        var context = new ReportContext(network.Name, network.Organisation, network.Language, network.Zone);
        (string html, string text) = YearReportPage.Render(renderer, report, context, new Dictionary<string, string>
        {
            [ReportCharts.SurveyTrendName] = "data:image/png;base64," + Convert.ToBase64String(trend),
            [ReportCharts.AttendanceName] = "data:image/png;base64," + Convert.ToBase64String(attendance),
        });
        string body = TemplateRenderer.BodyOf(YearReportPage.Render(renderer, report, context, new Dictionary<string, string>
        {
            [ReportCharts.SurveyTrendName] = "cid:" + ReportCharts.SurveyTrendName,
            [ReportCharts.AttendanceName] = "cid:" + ReportCharts.AttendanceName,
        }).Html);
        await store.WriteTextAsync(DocumentPaths.ReportText(network.Id), text, Text, cancellationToken);
        await store.WriteTextAsync(DocumentPaths.ReportBody(network.Id), body, Html, cancellationToken);
        await store.WriteTextAsync(DocumentPaths.ReportHtml(network.Id), html, Html, cancellationToken);
    }
}
