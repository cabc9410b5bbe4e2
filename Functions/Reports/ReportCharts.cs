using NetworkFunctions.Networks;
using NetworkFunctions.Rendering;
using NetworkFunctions.Surveys;
using ScottPlot;

namespace NetworkFunctions.Reports;

/// <summary>
/// The year-end report's charts, drawn with ScottPlot and returned as PNG bytes: the survey averages per meeting
/// (one line per question, 1–5) and the attendance per meeting stacked by department. Cancelled meetings keep their
/// place on the x axis, marked as cancelled, without values.
/// </summary>
public static class ReportCharts
{
    public const int Width = 720;
    public const int Height = 360;

    /// <summary>The chart names the report page looks up in its chart URIs.</summary>
    public const string SurveyTrendName = "survey-trend";
    public const string AttendanceName = "attendance";

    static readonly TemplateRenderer Texts = new();

    static readonly Color[] QuestionColors = [new("#2b6f6a"), new("#d9822b"), new("#4a6fa5")];

    /// <summary>Survey averages per meeting: usefulness, relations across departments and courage to experiment, y axis 1–5.</summary>
    public static byte[] SurveyTrend(YearReport report, Language language)
    {
        ArgumentNullException.ThrowIfNull(report);
        Plot plot = NewPlot(report, language, "report_chart_survey_title");
        bool any = false;
        foreach ((SurveyQuestion question, int i) in SurveyQuestions.All.Select((q, i) => (q, i)))
        {
            List<MeetingFigures> answered = report.Meetings.Where(m => !m.Cancelled && m.Survey.Of(question).HasValue).ToList();
            if (answered.Count == 0)
            {
                continue;
            }

            any = true;
            var scatter = plot.Add.Scatter(
                answered.Select(m => (double)m.Number).ToArray(),
                answered.Select(m => m.Survey.Of(question)!.Value).ToArray(),
                QuestionColors[i]);
            scatter.LineWidth = 2.5f;
            scatter.MarkerSize = 8;
            scatter.LegendText = Texts.Text(language, question.TextKey());
        }

        plot.Axes.SetLimitsY(0.7, 5.3);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [1, 2, 3, 4, 5], ["1", "2", "3", "4", "5"]);
        plot.YLabel(Texts.Text(language, "report_chart_average_axis"), 13);
        if (any)
        {
            plot.ShowLegend(Edge.Bottom);
            plot.Legend.Orientation = Orientation.Horizontal;
            plot.Legend.FontSize = 12;
        }
        else
        {
            NoData(plot, language, 3);
        }

        return Png(plot);
    }

    /// <summary>Members saying yes per meeting, stacked by department (departments never present are left out).</summary>
    public static byte[] Attendance(YearReport report, Language language)
    {
        ArgumentNullException.ThrowIfNull(report);
        Plot plot = NewPlot(report, language, "report_chart_attendance_title");
        List<AttendanceStack> stacks = report.Departments
            .Where(d => report.Meetings.Any(m => m.YesByDepartment.GetValueOrDefault(d) > 0))
            .Select(d => new AttendanceStack(d, [.. report.Meetings.Select(m => m.YesByDepartment.GetValueOrDefault(d))]))
            .ToList();
        if (report.Meetings.Any(m => m.YesOther > 0))
        {
            stacks.Add(new AttendanceStack(Texts.Text(language, "report_department_other"), [.. report.Meetings.Select(m => m.YesOther)]));
        }

        AttendanceBars.Add(
            plot,
            [.. report.Meetings.Select(m => (double)m.Number)],
            [.. report.Meetings.Select(m => m.Cancelled)],
            stacks,
            Texts.Text(language, "report_chart_yes_axis"));
        if (stacks.Count > 0)
        {
            plot.ShowLegend(Edge.Right);
            plot.Legend.FontSize = stacks.Count > 12 ? 9 : 11;
        }
        else
        {
            NoData(plot, language, 2);
        }

        return Png(plot);
    }

    static Plot NewPlot(YearReport report, Language language, string titleKey)
    {
        var plot = new Plot();
        if (ChartFonts.Family is string family)
        {
            plot.Font.Set(family);
        }

        plot.Title(Texts.Text(language, titleKey), 15);
        int first = report.Meetings.Count > 0 ? report.Meetings.Min(m => m.Number) : 1;
        int last = report.Meetings.Count > 0 ? report.Meetings.Max(m => m.Number) : 1;
        plot.Axes.SetLimitsX(first - 0.6, last + 0.6);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            report.Meetings.Select(m => (double)m.Number).ToArray(),
            report.Meetings.Select(m => MeetingLabel(m, language)).ToArray());
        plot.HideGrid();
        plot.Grid.YAxisStyle.IsVisible = true;
        return plot;
    }

    static string MeetingLabel(MeetingFigures meeting, Language language) =>
        Texts.Text(
            language,
            meeting.Cancelled ? "report_chart_meeting_cancelled" : "report_chart_meeting",
            new Dictionary<string, string> { ["number"] = meeting.Number.ToString(FigureFormat.Culture(language)) });

    static void NoData(Plot plot, Language language, double y) =>
        AttendanceBars.NoData(plot, Texts.Text(language, "report_chart_no_data"), (plot.Axes.Bottom.Min + plot.Axes.Bottom.Max) / 2, y);

    static byte[] Png(Plot plot) => plot.GetImageBytes(Width, Height, ImageFormat.Png);
}
