using System.Text;

namespace NetworkFunctions.Calendar;

/// <summary>
/// Line folding of iCalendar text (RFC 5545 3.1): content lines end in CRLF and are folded so that no line is longer
/// than 75 octets of UTF-8, continuation lines starting with one space, never inside a character.
/// </summary>
/// <remarks>
/// Ical.Net 5.2.4 folds by UTF-16 code unit, so a character outside the BMP (an emoji in a title) can be cut between
/// its two surrogates, which turns it into two U+FFFD once the text is encoded. Unfolding that output joins the
/// surrogates again; folding it here by <see cref="Rune"/> keeps every character whole.
/// </remarks>
static class ContentLines
{
    public const int MaxOctets = 75;
    const string LineBreak = "\r\n";

    public static string Refold(string text)
    {
        string unfolded = text.Replace(LineBreak + " ", string.Empty, StringComparison.Ordinal)
            .Replace(LineBreak + "\t", string.Empty, StringComparison.Ordinal);
        var result = new StringBuilder(text.Length + 64);
        foreach (string line in unfolded.Split(LineBreak))
        {
            if (line.Length > 0)
            {
                Fold(result, line);
            }
        }

        return result.ToString();
    }

    static void Fold(StringBuilder result, string line)
    {
        int octets = 0;
        foreach (Rune rune in line.EnumerateRunes())
        {
            if (octets + rune.Utf8SequenceLength > MaxOctets)
            {
                result.Append(LineBreak).Append(' ');
                octets = 1;
            }

            result.Append(rune.ToString());
            octets += rune.Utf8SequenceLength;
        }

        result.Append(LineBreak);
    }
}
