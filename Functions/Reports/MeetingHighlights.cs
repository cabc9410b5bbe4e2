using NetworkFunctions.Networks;

namespace NetworkFunctions.Reports;

/// <summary>A few anonymous free-text answers from one meeting's survey: what worked, and themes wished for next.</summary>
public sealed record MeetingHighlights(IReadOnlyList<string> Worked, IReadOnlyList<string> NextThemes)
{
    public const int PerQuestion = 3;

    /// <summary>The longest answers shown in full up to this length; longer ones are cut at a word and end with "…".</summary>
    public const int MaxLength = 280;

    public static MeetingHighlights None { get; } = new([], []);

    public bool IsEmpty => Worked.Count == 0 && NextThemes.Count == 0;

    /// <summary>Up to <see cref="PerQuestion"/> answers per question, longest first (ties alphabetically), duplicates once.</summary>
    public static MeetingHighlights From(IReadOnlyList<SurveyAnswer> answers) =>
        new(Pick(answers.Select(a => a.Worked)), Pick(answers.Select(a => a.NextThemes)));

    /// <summary>Up to <see cref="PerQuestion"/> of <paramref name="texts"/>, longest first (ties alphabetically), duplicates once, long ones shortened.</summary>
    internal static IReadOnlyList<string> Pick(IEnumerable<string?> texts) =>
        texts
            .Select(t => t?.Trim() ?? "")
            .Where(t => t.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(t => t.Length)
            .ThenBy(t => t, Surveys.SurveySummary.FreeTextOrder)
            .Take(PerQuestion)
            .Select(Shorten)
            .ToList();

    internal static string Shorten(string text)
    {
        if (text.Length <= MaxLength)
        {
            return text;
        }

        int cut = text.LastIndexOf(' ', MaxLength - 1);
        return text[..(cut > MaxLength / 2 ? cut : MaxLength - 1)].TrimEnd() + "…";
    }
}
