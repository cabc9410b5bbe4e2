using System.Text;
using System.Text.Unicode;

namespace NetworkFunctions.Kickoff;

/// <summary>
/// CSV as Excel saves it, read into rows of cells, one row per record as Excel would show it. Written here rather than
/// through MiniExcel's CSV reader, which splits on tab as well as on the separator and throws on a row shorter than
/// the first (an empty line).
/// <list type="bullet">
/// <item>Text: UTF-8 with or without a byte order mark; UTF-16 with one; otherwise Windows-1252, what Danish Excel's
/// "CSV (semikolonsepareret)" writes (bytes that are not valid UTF-8 are taken as Windows-1252).</item>
/// <item>Separator: the one of <c>;</c> <c>,</c> and tab that the first line holds most of outside quotes (<c>;</c> when
/// it holds none), or what an Excel <c>sep=</c> first line names; that line is then not a row, as in Excel.</item>
/// <item>Quotes per RFC 4180: a quoted field may hold the separator, <c>""</c> and line breaks; lines end in CRLF, LF or CR.</item>
/// </list>
/// </summary>
internal static class RosterCsv
{
    static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)
        ?? throw new InvalidOperationException("The Windows-1252 code page is not available.");

    /// <summary>The file's text, by its byte order mark, else UTF-8 when the bytes are valid UTF-8, else Windows-1252.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith("\uFEFF"u8))
        {
            return Encoding.UTF8.GetString(bytes[3..]);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Encoding.Unicode.GetString(bytes[2..]);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Encoding.BigEndianUnicode.GetString(bytes[2..]);
        }

        return Utf8.IsValid(bytes) ? Encoding.UTF8.GetString(bytes) : Windows1252.GetString(bytes);
    }

    /// <summary>The rows of <paramref name="text"/>, at most <paramref name="maxRows"/>; cells as written, untrimmed.</summary>
    public static List<string[]> Rows(string text, int maxRows)
    {
        ArgumentNullException.ThrowIfNull(text);
        int start = 0;
        char separator = Separator(text, ref start);
        var rows = new List<string[]>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        bool quoted = false;
        bool cellStarted = false;
        for (int i = start; i < text.Length && rows.Count < maxRows; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c != '"')
                {
                    cell.Append(c);
                }
                else if (i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }
            }
            else if (c == '"' && !cellStarted)
            {
                quoted = cellStarted = true;
            }
            else if (c == separator)
            {
                cells.Add(cell.ToString());
                cell.Clear();
                cellStarted = false;
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                cells.Add(cell.ToString());
                rows.Add([.. cells]);
                cells.Clear();
                cell.Clear();
                cellStarted = false;
            }
            else
            {
                cell.Append(c);
                cellStarted = true;
            }
        }

        if ((cellStarted || cells.Count > 0) && rows.Count < maxRows)
        {
            cells.Add(cell.ToString());
            rows.Add([.. cells]);
        }

        return rows;
    }

    /// <summary>The separator of the file, judged by its first line that is not empty, moving <paramref name="start"/> past an Excel <c>sep=</c> line.</summary>
    static char Separator(string text, ref int start)
    {
        int end = text.IndexOfAny(['\r', '\n']);
        string first = end < 0 ? text : text[..end];
        if (first.Length == 5 && first.StartsWith("sep=", StringComparison.OrdinalIgnoreCase))
        {
            start = end < 0 ? text.Length : end + (end + 1 < text.Length && text[end] == '\r' && text[end + 1] == '\n' ? 2 : 1);
            return first[4];
        }

        string line = text.TrimStart('\r', '\n');
        int lineEnd = line.IndexOfAny(['\r', '\n']);
        int semicolons = 0, commas = 0, tabs = 0;
        bool quoted = false;
        foreach (char c in lineEnd < 0 ? line : line[..lineEnd])
        {
            quoted ^= c == '"';
            if (!quoted)
            {
                semicolons += c == ';' ? 1 : 0;
                commas += c == ',' ? 1 : 0;
                tabs += c == '\t' ? 1 : 0;
            }
        }

        return commas > semicolons && commas >= tabs ? ',' : tabs > semicolons && tabs > commas ? '\t' : ';';
    }
}
