using NetworkFunctions.Networks;
using NetworkFunctions.Rendering;
using NetworkFunctions.Surveys;

namespace NetworkFunctions.Reports;

/// <summary>
/// The year-end report for the director, facilitator and consultant, as HTML (email and page) and plain text: the
/// year in figures, the development of relations, courage and usefulness in words and as a chart, attendance per
/// meeting and department, contributions by type, survey averages, and anonymous highlights (always HTML-encoded).
/// </summary>
public static class YearReportPage
{
    public const string Template = "report";

    /// <summary>Renders the report. <paramref name="chartUris"/> maps <see cref="ReportCharts.SurveyTrendName"/> and
    /// <see cref="ReportCharts.AttendanceName"/> to an image URL, a <c>cid:</c> reference or a <c>data:image/png;base64,…</c>
    /// URI; a chart without a usable URI is left out (its figures are in the tables).</summary>
    public static (string Html, string Text) Render(
        TemplateRenderer renderer,
        YearReport report,
        ReportContext context,
        IReadOnlyDictionary<string, string> chartUris)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(context);
        YearReportView view = new ReportViewBuilder(renderer, report, context).Build(chartUris);
        return (renderer.RenderHtml(Template, view, context.Language), renderer.RenderText(Template, view, context.Language));
    }

    /// <summary>The subject line / page title: "Årsrapport: {network name}".</summary>
    public static string Title(TemplateRenderer renderer, ReportContext context)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        ArgumentNullException.ThrowIfNull(context);
        return renderer.Text(context.Language, "report_title", new Dictionary<string, string> { ["name"] = context.NetworkName });
    }
}
