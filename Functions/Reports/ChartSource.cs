using System.Text.RegularExpressions;

namespace NetworkFunctions.Reports;

/// <summary>
/// Decides how a chart URI given by the caller goes into the page: a PNG data URI made of base64 characters only is
/// written as it is (encoding it would bloat every '+'); http(s), <c>cid:</c> (an inline email attachment) and
/// relative URLs are HTML-encoded; anything else (<c>javascript:</c>, other data URIs) is not shown at all.
/// </summary>
internal static partial class ChartSource
{
    public static ChartView? Of(IReadOnlyDictionary<string, string>? uris, string name, string alt)
    {
        if (uris is null || !uris.TryGetValue(name, out string? uri) || string.IsNullOrWhiteSpace(uri))
        {
            return null;
        }

        uri = uri.Trim();
        if (PngDataUri().IsMatch(uri))
        {
            return new ChartView(uri, Inline: true, alt);
        }

        if (uri.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        bool allowed = IsRelative(uri)
            || (Uri.TryCreate(uri, UriKind.Absolute, out Uri? parsed) && parsed.Scheme is "https" or "http" or "cid");
        return allowed ? new ChartView(uri, Inline: false, alt) : null;
    }

    /// <summary>A URL without a scheme: no colon, or the first colon after a path, query or fragment delimiter.</summary>
    static bool IsRelative(string uri)
    {
        int colon = uri.IndexOf(':', StringComparison.Ordinal);
        int delimiter = uri.IndexOfAny(['/', '?', '#']);
        return colon < 0 || (delimiter >= 0 && delimiter < colon);
    }

    [GeneratedRegex(@"^data:image/png;base64,[A-Za-z0-9+/]+={0,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex PngDataUri();
}
