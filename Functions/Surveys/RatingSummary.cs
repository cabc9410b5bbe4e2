namespace NetworkFunctions.Surveys;

/// <summary>
/// The answers to one rated question: how many rated it, the average (null when nobody did) and the distribution,
/// <see cref="Distribution"/>[0] being the number of 1s and [4] the number of 5s.
/// </summary>
public sealed record RatingSummary(int Count, double? Average, IReadOnlyList<int> Distribution)
{
    public static RatingSummary Empty { get; } = new(0, null, [0, 0, 0, 0, 0]);

    /// <summary>The summary of the ratings; values outside 1–5 are not counted.</summary>
    public static RatingSummary Of(IEnumerable<int> ratings)
    {
        int[] distribution = new int[SurveyQuestions.MaxRating];
        foreach (int rating in ratings)
        {
            if (rating is >= SurveyQuestions.MinRating and <= SurveyQuestions.MaxRating)
            {
                distribution[rating - 1]++;
            }
        }

        int count = distribution.Sum();
        double? average = count == 0 ? null : distribution.Select((n, i) => n * (i + 1.0)).Sum() / count;
        return new RatingSummary(count, average, distribution);
    }
}
