using SkiaSharp;

namespace NetworkFunctions.Reports;

/// <summary>
/// The font the charts write with: the first installed of a few plain sans fonts (DejaVu Sans on a bare Debian), else
/// any installed family. On a machine with no fonts at all there is none, and the charts are drawn without text rather
/// than failing (the report's tables carry the same figures).
/// </summary>
internal static class ChartFonts
{
    static readonly string[] Preferred = ["DejaVu Sans", "Liberation Sans", "Noto Sans", "Open Sans", "Arial", "Helvetica", "Segoe UI"];

    static readonly Lazy<string?> Installed = new(Find);

    public static string? Family => Installed.Value;

    internal static string? Choose(IReadOnlyCollection<string> installed)
    {
        var families = new HashSet<string>(installed.Where(f => !string.IsNullOrWhiteSpace(f)), StringComparer.OrdinalIgnoreCase);
        return Preferred.FirstOrDefault(families.Contains)
            ?? families.Where(f => f.Contains("sans", StringComparison.OrdinalIgnoreCase) && !f.Contains("mono", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).FirstOrDefault()
            ?? families.Order(StringComparer.Ordinal).FirstOrDefault();
    }

    static string? Find() => Choose(SKFontManager.Default.GetFontFamilies());
}
