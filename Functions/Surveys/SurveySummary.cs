using NetworkFunctions.Networks;

namespace NetworkFunctions.Surveys;

/// <summary>
/// What the members said in the survey after one meeting (SPEC section 2, step 6): response count and rate, the
/// average and distribution of each rated question, and the free-text answers. The summary is anonymous: it holds no
/// member ids or names, and the free texts of each question are sorted alphabetically, apart from the answer they came from.
/// </summary>
public sealed record SurveySummary(
    int Meeting,
    int Invited,
    int Responses,
    double? ResponseRate,
    RatingSummary Usefulness,
    RatingSummary Relations,
    RatingSummary Courage,
    IReadOnlyList<string> Worked,
    IReadOnlyList<string> Improve,
    IReadOnlyList<string> NextThemes)
{
    /// <summary>
    /// The summary of <paramref name="meeting"/>'s answers (answers to other meetings are ignored; a member's latest
    /// answer counts). <paramref name="invited"/> is how many members got the survey; the rate is null when none did.
    /// </summary>
    public static SurveySummary From(int meeting, IReadOnlyList<SurveyAnswer> answers, int invited)
    {
        ArgumentNullException.ThrowIfNull(answers);
        IReadOnlyList<SurveyAnswer> latest = answers.LatestPerMember(meeting);
        int responses = latest.Count;
        return new SurveySummary(
            meeting,
            Math.Max(invited, 0),
            responses,
            invited > 0 ? Math.Min(1.0, (double)responses / invited) : null,
            RatingSummary.Of(latest.Select(a => a.Usefulness)),
            RatingSummary.Of(latest.Select(a => a.Relations)),
            RatingSummary.Of(latest.Select(a => a.Courage)),
            FreeTexts(latest.Select(a => a.Worked)),
            FreeTexts(latest.Select(a => a.Improve)),
            FreeTexts(latest.Select(a => a.NextThemes)));
    }

    /// <summary>The summary of one rated question.</summary>
    public RatingSummary Rating(SurveyQuestion question) => question switch
    {
        SurveyQuestion.Usefulness => Usefulness,
        SurveyQuestion.Relations => Relations,
        SurveyQuestion.Courage => Courage,
        _ => throw new ArgumentOutOfRangeException(nameof(question), question, null),
    };

    /// <summary>The non-empty texts, trimmed, in alphabetical order (so the order tells nothing about who wrote what).</summary>
    internal static IReadOnlyList<string> FreeTexts(IEnumerable<string?> texts) =>
        texts
            .Select(t => t?.Trim() ?? "")
            .Where(t => t.Length > 0)
            .Order(FreeTextOrder)
            .ToList();

    internal static IComparer<string> FreeTextOrder { get; } = Comparer<string>.Create((a, b) =>
    {
        int byText = StringComparer.InvariantCultureIgnoreCase.Compare(a, b);
        return byText != 0 ? byText : StringComparer.Ordinal.Compare(a, b);
    });
}
