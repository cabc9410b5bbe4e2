using System.Globalization;
using NetworkFunctions.Networks;
using NetworkFunctions.Rendering;
using NetworkFunctions.Reports;
using ScottPlot;

namespace NetworkFunctions.Dashboard;

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

        List<DepartmentCounts> stacks = attendance.Departments.Where(d => d.Total > 0).ToList();
        IPalette palette = stacks.Count <= 10 ? new ScottPlot.Palettes.Category10() : new ScottPlot.Palettes.Category20();
        double[] top = new double[count];
        foreach ((DepartmentCounts department, int s) in stacks.Select((d, s) => (d, s)))
        {
            Color color = palette.GetColor(s);
            var bars = new List<Bar>();
            for (int i = 0; i < count; i++)
            {
                int yes = attendance.Cancelled[i] ? 0 : department.Yes[i];
                bars.Add(new Bar { Position = i + 1, ValueBase = top[i], Value = top[i] + yes, FillColor = color, LineWidth = 0, Size = 0.7 });
                top[i] += yes;
            }

            plot.Add.Bars(bars).LegendText = department.Department;
        }

        double max = top.DefaultIfEmpty(0).Max();
        plot.Axes.SetLimitsY(0, Math.Max(4, max * 1.08));
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            IntegerTicksOnly = true,
            LabelFormatter = v => v.ToString("0", CultureInfo.InvariantCulture),
        };
        plot.YLabel(Text(language, "dashboard_chart_axis"), 13);
        if (stacks.Count > 0)
        {
            plot.ShowLegend(Edge.Bottom);
            plot.Legend.Orientation = Orientation.Horizontal;
            plot.Legend.FontSize = stacks.Count > 8 ? 9 : 11;
        }
        else
        {
            var text = plot.Add.Text(Text(language, "dashboard_chart_no_data"), (count + 1) / 2.0, 2);
            text.LabelFontSize = 16;
            text.LabelFontColor = Colors.Gray;
            text.LabelAlignment = Alignment.MiddleCenter;
        }

        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    static string Text(Language language, string key, params (string Name, string Value)[] values) =>
        Texts.Text(language, key, values.ToDictionary(v => v.Name, v => v.Value));
}
