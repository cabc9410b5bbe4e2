using NetworkFunctions.Agenda;
using NetworkFunctions.Minutes;
using NetworkFunctions.Networks;
using NetworkFunctions.Rendering;
using NetworkFunctions.Storage;
using NetworkFunctions.Surveys;

namespace NetworkFunctions.Reports;

/// <summary>The year-end report in Blob Storage: computed from every stored answer of current members, with two charts and the steps that were missed.</summary>
public sealed class YearReportDocuments(NetworkStore store, TemplateRenderer renderer)
{
    /// <summary>
    /// What the report (and the export) is computed from: every stored answer of current members, who was invited,
    /// the steps missed, and each meeting's minutes and agenda.
    /// </summary>
    public async Task<YearReportInput> ReadInputAsync(Network network, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        var invitations = new List<InvitationAnswer>();
        var surveys = new List<SurveyAnswer>();
        var invited = new Dictionary<int, IReadOnlySet<string>>();
        var minutes = new Dictionary<int, MeetingMinutes>();
        var agendas = new Dictionary<int, MeetingAgenda>();
        foreach (Meeting meeting in network.Meetings)
        {
            invitations.AddRange(await store.LoadInvitationAnswersAsync(network.Id, meeting.Number, cancellationToken));
            surveys.AddRange(await store.LoadSurveyAnswersAsync(network.Id, meeting.Number, cancellationToken));
            invited[meeting.Number] = await store.InvitedMemberIdsAsync(network.Id, meeting.Number, cancellationToken);
            if (await store.ReadMeetingJsonAsync<MeetingMinutes>(network.Id, meeting.Number, MeetingDocument.MinutesJson, cancellationToken) is { } kept)
            {
                minutes[meeting.Number] = kept;
            }

            if (await store.ReadMeetingJsonAsync<MeetingAgenda>(network.Id, meeting.Number, MeetingDocument.AgendaJson, cancellationToken) is { } agenda)
            {
                agendas[meeting.Number] = agenda;
            }
        }

        bool IsMember(string memberId) => network.FindMember(memberId) is not null;
        return new YearReportInput(
            network, [.. invitations.Where(a => IsMember(a.MemberId))], [.. surveys.Where(a => IsMember(a.MemberId))], invited,
            await store.LoadAttentionAsync(network.Id, cancellationToken), minutes, agendas);
    }

    /// <summary>A page with the charts embedded, an email body with <c>cid:</c> charts, text, and the charts as PNG.</summary>
    public async Task WriteAsync(Network network, CancellationToken cancellationToken = default)
    {
        YearReport report = YearReport.From(await ReadInputAsync(network, cancellationToken));
        byte[] trend = ReportCharts.SurveyTrend(report, network.Language);
        byte[] attendance = ReportCharts.Attendance(report, network.Language);
        await store.WriteReportChartAsync(network.Id, ReportCharts.SurveyTrendName, trend, cancellationToken);
        await store.WriteReportChartAsync(network.Id, ReportCharts.AttendanceName, attendance, cancellationToken);

        var context = new ReportContext(network.Name, network.Organisation, network.Language, network.Zone, network.Id);
        (string html, string text) = YearReportPage.Render(renderer, report, context, Charts(trend, attendance, png => "data:image/png;base64," + Convert.ToBase64String(png)));
        string body = TemplateRenderer.BodyOf(YearReportPage.Render(renderer, report, context, Charts(trend, attendance, _ => null)).Html);
        await store.WriteReportDocumentAsync(network.Id, ReportDocument.Text, text, cancellationToken);
        await store.WriteReportDocumentAsync(network.Id, ReportDocument.Body, body, cancellationToken);
        await store.WriteReportDocumentAsync(network.Id, ReportDocument.Page, html, cancellationToken);
    }

    /// <summary>The report's charts as attachments for <c>cid:</c> images, by name; those not stored are left out.</summary>
    public async Task<IReadOnlyList<(string Name, byte[] Png)>> ReadChartsAsync(string networkId, CancellationToken cancellationToken = default)
    {
        var charts = new List<(string, byte[])>();
        foreach (string chart in new[] { ReportCharts.SurveyTrendName, ReportCharts.AttendanceName })
        {
            if (await store.ReadReportChartAsync(networkId, chart, cancellationToken) is { } png)
            {
                charts.Add((chart, png));
            }
        }

        return charts;
    }

    /// <summary>The image source of each chart: a data URI for the page, or (null) a <c>cid:</c> reference for the email.</summary>
    static Dictionary<string, string> Charts(byte[] trend, byte[] attendance, Func<byte[], string?> source) => new()
    {
        [ReportCharts.SurveyTrendName] = source(trend) ?? "cid:" + ReportCharts.SurveyTrendName,
        [ReportCharts.AttendanceName] = source(attendance) ?? "cid:" + ReportCharts.AttendanceName,
    };
}
