using NetworkFunctions.Networks;
using NetworkFunctions.Rendering;

namespace NetworkFunctions.Surveys;

/// <summary>
/// The survey summary email (and page) for the facilitator and the internal consultant: response rate, a table of
/// the three ratings with their distribution, and the anonymous free-text answers. Member text is always HTML-encoded.
/// </summary>
public static class SurveySummaryPage
{
    public const string Template = "survey-summary";

    public static (string Html, string Text) Render(TemplateRenderer renderer, SurveySummary summary, SummaryContext context)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(context);
        SurveySummaryView view = View(renderer, summary, context);
        return (renderer.RenderHtml(Template, view, context.Language), renderer.RenderText(Template, view, context.Language));
    }

    /// <summary>The subject line / page title: "Evaluering af møde 2: …".</summary>
    public static string Title(TemplateRenderer renderer, SummaryContext context)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        ArgumentNullException.ThrowIfNull(context);
        var values = new Dictionary<string, string>
        {
            ["number"] = context.MeetingNumber.ToString(FigureFormat.Culture(context.Language)),
            ["title"] = context.MeetingTitle?.Trim() ?? "",
        };
        return renderer.Text(context.Language, string.IsNullOrWhiteSpace(context.MeetingTitle) ? "survey_summary_title" : "survey_summary_title_named", values);
    }

    static SurveySummaryView View(TemplateRenderer renderer, SurveySummary summary, SummaryContext context)
    {
        Language language = context.Language;
        string responseLine = summary.Responses == 0
            ? renderer.Text(language, "survey_summary_no_responses", new Dictionary<string, string> { ["invited"] = FigureFormat.Count(summary.Invited, language) })
            : renderer.Text(language, "survey_summary_responses", new Dictionary<string, string>
            {
                ["responses"] = FigureFormat.Count(summary.Responses, language),
                ["invited"] = FigureFormat.Count(summary.Invited, language),
                ["rate"] = FigureFormat.Percent(summary.ResponseRate, language),
            });

        return new SurveySummaryView(
            Title(renderer, context),
            context.NetworkName,
            context.Organisation,
            responseLine,
            summary.Responses > 0,
            SurveyQuestions.All
                .Select(q => Row(renderer.Text(language, q.TextKey()), summary.Rating(q), language))
                .ToList(),
            [
                new FreeTextSection(renderer.Text(language, "survey_summary_worked_heading"), summary.Worked),
                new FreeTextSection(renderer.Text(language, "survey_summary_improve_heading"), summary.Improve),
                new FreeTextSection(renderer.Text(language, "survey_summary_next_themes_heading"), summary.NextThemes),
            ]);
    }

    static RatingRow Row(string label, RatingSummary rating, Language language) =>
        new(
            label,
            FigureFormat.Average(rating.Average, language),
            FigureFormat.Count(rating.Count, language),
            rating.Distribution.Select(n => FigureFormat.Count(n, language)).ToList());
}
