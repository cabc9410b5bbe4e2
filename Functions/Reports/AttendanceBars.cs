using System.Globalization;
using ScottPlot;

namespace NetworkFunctions.Reports;

/// <summary>One department's members saying yes, one count per meeting.</summary>
public sealed record AttendanceStack(string Label, IReadOnlyList<int> Yes);

/// <summary>
/// Members saying yes per meeting, stacked by department: the bars the dashboard and the year-end report both draw.
/// A cancelled meeting keeps its place on the x axis with no bar; the y axis counts whole members.
/// </summary>
public static class AttendanceBars
{
    /// <summary>Adds one bar series per stack at the meetings' x positions, and the y axis with its label.</summary>
    public static void Add(Plot plot, IReadOnlyList<double> positions, IReadOnlyList<bool> cancelled, IReadOnlyList<AttendanceStack> stacks, string axisLabel)
    {
        IPalette palette = stacks.Count <= 10 ? new ScottPlot.Palettes.Category10() : new ScottPlot.Palettes.Category20();
        double[] top = new double[positions.Count];
        foreach ((AttendanceStack stack, int s) in stacks.Select((stack, s) => (stack, s)))
        {
            Color color = palette.GetColor(s);
            var bars = new List<Bar>();
            for (int i = 0; i < positions.Count; i++)
            {
                int yes = cancelled[i] ? 0 : stack.Yes[i];
                bars.Add(new Bar { Position = positions[i], ValueBase = top[i], Value = top[i] + yes, FillColor = color, LineWidth = 0, Size = 0.7 });
                top[i] += yes;
            }

            plot.Add.Bars(bars).LegendText = stack.Label;
        }

        double max = top.DefaultIfEmpty(0).Max();
        plot.Axes.SetLimitsY(0, Math.Max(4, max * 1.08));
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            IntegerTicksOnly = true,
            LabelFormatter = v => v.ToString("0", CultureInfo.InvariantCulture),
        };
        plot.YLabel(axisLabel, 13);
    }

    /// <summary>A grey note in the middle of an empty chart.</summary>
    public static void NoData(Plot plot, string text, double x, double y)
    {
        var label = plot.Add.Text(text, x, y);
        label.LabelFontSize = 16;
        label.LabelFontColor = Colors.Gray;
        label.LabelAlignment = Alignment.MiddleCenter;
    }
}
