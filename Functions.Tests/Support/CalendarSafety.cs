using System.Text;

namespace NetworkFunctions.Tests.Support;

/// <summary>One content line of an .ics (RFC 5545 3.1), unfolded: name, parameters and the raw value.</summary>
public sealed record ContentLine(string Name, IReadOnlyList<(string Name, string Value)> Parameters, string Value);

/// <summary>
/// An .ics read strictly by RFC 5545: CRLF line ends, folding, parameter quoting and TEXT escaping. Member text in a
/// value must not add a line, a property or a component, and must read back as the same text.
/// </summary>
public static class CalendarSafety
{
    /// <summary>Every property MeetingCalendar writes (with the VTIMEZONE Ical.Net adds). Another name came from a payload.</summary>
    static readonly HashSet<string> Properties = new(StringComparer.Ordinal)
    {
        "BEGIN", "END", "VERSION", "PRODID", "METHOD", "CALSCALE", "X-WR-CALNAME", "TZID", "X-LIC-LOCATION", "TZOFFSETFROM", "TZOFFSETTO", "TZNAME",
        "DTSTART", "RRULE", "RDATE", "UID", "SEQUENCE", "DTSTAMP", "DTEND", "SUMMARY", "LOCATION", "DESCRIPTION", "STATUS",
        "ORGANIZER", "ATTENDEE", "ACTION", "TRIGGER",
    };

    static readonly string[] TextProperties = ["SUMMARY", "LOCATION", "DESCRIPTION", "X-WR-CALNAME"];

    /// <summary>Reads the calendar, failing with <paramref name="where"/> named on anything out of shape.</summary>
    public static IReadOnlyList<ContentLine> Read(string ics, string where)
    {
        Assert.True(ics.EndsWith("\r\n", StringComparison.Ordinal), $"{where}: the last line does not end in CRLF.");
        Assert.DoesNotMatch("(?<!\r)\n|\r(?!\n)", ics);
        string unfolded = ics.Replace("\r\n ", "", StringComparison.Ordinal).Replace("\r\n\t", "", StringComparison.Ordinal);
        var lines = new List<ContentLine>();
        var open = new Stack<string>();
        foreach (string raw in unfolded.Split("\r\n")[..^1])
        {
            ContentLine line = Parse(raw) ?? throw new Xunit.Sdk.XunitException($"{where}: not a content line: {HtmlSafety.Quote(raw)}");
            Assert.True(Properties.Contains(line.Name), $"{where}: unexpected property {line.Name} in {HtmlSafety.Quote(raw)}");
            if (TextProperties.Contains(line.Name))
            {
                Assert.True(IsEscapedText(line.Value), $"{where}: {line.Name} has an unescaped ',' ';' or '\\': {HtmlSafety.Quote(line.Value)}");
            }

            if (line.Name == "BEGIN")
            {
                open.Push(line.Value);
            }
            else if (line.Name == "END")
            {
                Assert.True(open.Count > 0 && open.Pop() == line.Value, $"{where}: END:{line.Value} closes nothing open.");
            }

            lines.Add(line);
        }

        Assert.Empty(open);
        return lines;
    }

    /// <summary>A TEXT value unescaped (RFC 5545 3.3.11).</summary>
    public static string Text(ContentLine line)
    {
        var text = new StringBuilder();
        for (int i = 0; i < line.Value.Length; i++)
        {
            char c = line.Value[i];
            text.Append(c == '\\' ? line.Value[++i] switch { 'n' or 'N' => '\n', char escaped => escaped } : c);
        }

        return text.ToString();
    }

    public static string Parameter(ContentLine line, string name) =>
        line.Parameters.Single(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>name *(";" param) ":" value, where a param value is quoted or holds no ; , : or quote.</summary>
    static ContentLine? Parse(string line)
    {
        int i = 0;
        string name = Token(line, ref i);
        if (name.Length == 0)
        {
            return null;
        }

        var parameters = new List<(string, string)>();
        while (i < line.Length && line[i] == ';')
        {
            i++;
            string parameter = Token(line, ref i);
            if (parameter.Length == 0 || i >= line.Length || line[i] != '=')
            {
                return null;
            }

            i++;
            string value;
            if (i < line.Length && line[i] == '"')
            {
                int close = line.IndexOf('"', i + 1);
                if (close < 0)
                {
                    return null;
                }

                value = line[(i + 1)..close];
                i = close + 1;
            }
            else
            {
                int start = i;
                while (i < line.Length && line[i] is not (';' or ':' or ',' or '"') && !char.IsControl(line[i]))
                {
                    i++;
                }

                value = line[start..i];
            }

            parameters.Add((parameter, value));
        }

        return i < line.Length && line[i] == ':' && !line.Any(c => char.IsControl(c) && c != '\t') ? new ContentLine(name, parameters, line[(i + 1)..]) : null;
    }

    static string Token(string line, ref int i)
    {
        int start = i;
        while (i < line.Length && (char.IsAsciiLetterOrDigit(line[i]) || line[i] == '-'))
        {
            i++;
        }

        return line[start..i];
    }

    static bool IsEscapedText(string value)
    {
        for (int i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\')
            {
                if (++i >= value.Length || value[i] is not ('\\' or ';' or ',' or 'n' or 'N'))
                {
                    return false;
                }
            }
            else if (value[i] is ';' or ',')
            {
                return false;
            }
        }

        return true;
    }
}
