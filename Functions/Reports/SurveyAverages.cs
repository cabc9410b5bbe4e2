using NetworkFunctions.Networks;
using NetworkFunctions.Surveys;

namespace NetworkFunctions.Reports;

/// <summary>The survey after one meeting (or over the year) in figures: responses, rate and the average of each question (null without answers).</summary>
public sealed record SurveyAverages(int Responses, int Invited, double? ResponseRate, double? Usefulness, double? Relations, double? Courage)
{
    public static SurveyAverages None { get; } = new(0, 0, null, null, null, null);

    public double? Of(SurveyQuestion question) => question switch
    {
        SurveyQuestion.Usefulness => Usefulness,
        SurveyQuestion.Relations => Relations,
        SurveyQuestion.Courage => Courage,
        _ => throw new ArgumentOutOfRangeException(nameof(question), question, null),
    };

    public static SurveyAverages From(SurveySummary summary) =>
        new(summary.Responses, summary.Invited, summary.ResponseRate, summary.Usefulness.Average, summary.Relations.Average, summary.Courage.Average);

    /// <summary>The averages over several meetings' answers (each already the latest per member and meeting).</summary>
    public static SurveyAverages Over(IReadOnlyList<SurveyAnswer> answers, int invited) =>
        new(
            answers.Count,
            invited,
            invited > 0 ? Math.Min(1.0, (double)answers.Count / invited) : null,
            RatingSummary.Of(answers.Select(a => a.Usefulness)).Average,
            RatingSummary.Of(answers.Select(a => a.Relations)).Average,
            RatingSummary.Of(answers.Select(a => a.Courage)).Average);
}
