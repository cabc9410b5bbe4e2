using System.Globalization;
using NetworkFunctions.Networks;
using NetworkFunctions.Rendering;
using NetworkFunctions.Reports;
using ScottPlot;

namespace NetworkFunctions.Overview;

/// <summary>
/// The dashboard's chart, drawn with ScottPlot as PNG: members saying yes per meeting, stacked by department
/// (departments nobody from has said yes are left out; the table next to it lists every department).
/// </summary>
public static class DashboardCharts
{
    public const int Width = 640;
    public const int Height = 360;

    static readonly TemplateRenderer Texts = new();

    public static byte[] Attendance(DepartmentAttendance attendance, Language language)
    {
        ArgumentNullException.ThrowIfNull(attendance);
        var plot = new Plot();
        if (ChartFonts.Family is string family)
        {
            plot.Font.Set(family);
        }

        plot.Title(Text(language, "dashboard_chart_title"), 15);
        int count = attendance.MeetingNumbers.Count;
        plot.Axes.SetLimitsX(0.4, Math.Max(1, count) + 0.6);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(1, count).Select(i => (double)i).ToArray(),
            attendance.MeetingNumbers.Select((n, i) => Text(
                language,
                attendance.Cancelled[i] ? "dashboard_chart_meeting_cancelled" : "dashboard_chart_meeting",
                ("number", n.ToString(CultureInfo.InvariantCulture)))).ToArray());
        plot.HideGrid();
        plot.Grid.YAxisStyle.IsVisible = true;

        List<AttendanceStack> stacks = attendance.Departments.Where(d => d.Total > 0).Select(d => new AttendanceStack(d.Department, d.Yes)).ToList();
        AttendanceBars.Add(plot, [.. Enumerable.Range(1, count).Select(i => (double)i)], attendance.Cancelled, stacks, Text(language, "dashboard_chart_axis"));
        if (stacks.Count > 0)
        {
            plot.ShowLegend(Edge.Bottom);
            plot.Legend.Orientation = Orientation.Horizontal;
            plot.Legend.FontSize = stacks.Count > 8 ? 9 : 11;
        }
        else
        {
            AttendanceBars.NoData(plot, Text(language, "dashboard_chart_no_data"), (count + 1) / 2.0, 2);
        }

        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    static string Text(Language language, string key, params (string Name, string Value)[] values) =>
        Texts.Text(language, key, values.ToDictionary(v => v.Name, v => v.Value));
}
