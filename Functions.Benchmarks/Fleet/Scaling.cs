using System.Globalization;

namespace NetworkFunctions.Benchmarks.Fleet;

/// <summary>
/// Whether a figure grows linearly with K: the slope between the first two sizes and between the last two, and their
/// ratio (1: a straight line; above 2: faster than linear; flat when the whole change is within 10% of the first value).
/// </summary>
public sealed record Scaling(double FirstSlope, double LastSlope, double SlopeRatio, string Verdict)
{
    public static Scaling Of(IReadOnlyList<(int K, double Value)> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count < 3)
        {
            return new(double.NaN, double.NaN, double.NaN, "too few sizes");
        }

        (int k1, double v1) = points[^3];
        (int k2, double v2) = points[^2];
        (int k3, double v3) = points[^1];
        double first = (v2 - v1) / (k2 - k1), last = (v3 - v2) / (k3 - k2);
        double ratio = first == 0 ? double.NaN : last / first;
        string verdict = Math.Abs(v3 - v1) <= 0.1 * Math.Abs(v1) ? "flat: does not grow with K"
            : first <= 0 && last <= 0 ? "falls with K"
            : double.IsNaN(ratio) || ratio < 0 ? "irregular: within the noise of this machine"
            : ratio > 2 ? "faster than linear"
            : ratio < 0.5 ? "slower than linear"
            : "about linear";
        return new(Math.Round(first, 4), Math.Round(last, 4), Math.Round(ratio, 2), verdict);
    }

    public string Describe(string unit) => string.Create(CultureInfo.InvariantCulture,
        $"{FirstSlope:0.####} then {LastSlope:0.####} {unit} per network (ratio of slopes {SlopeRatio:0.##}): {Verdict}");
}
