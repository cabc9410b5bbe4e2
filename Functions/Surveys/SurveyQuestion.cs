using NetworkFunctions.Networks;

namespace NetworkFunctions.Surveys;

/// <summary>The three rated questions of the post-meeting survey (1–5 each).</summary>
public enum SurveyQuestion
{
    /// <summary>How useful the meeting was for the member's own work.</summary>
    Usefulness,

    /// <summary>New relations across departments: the network's main outcome.</summary>
    Relations,

    /// <summary>Courage to experiment, to try new ways of working.</summary>
    Courage,
}

public static class SurveyQuestions
{
    public static IReadOnlyList<SurveyQuestion> All { get; } = [SurveyQuestion.Usefulness, SurveyQuestion.Relations, SurveyQuestion.Courage];

    public const int MinRating = 1;

    public const int MaxRating = 5;

    /// <summary>The answer's rating of <paramref name="question"/>.</summary>
    public static int RatingOf(this SurveyAnswer answer, SurveyQuestion question) => question switch
    {
        SurveyQuestion.Usefulness => answer.Usefulness,
        SurveyQuestion.Relations => answer.Relations,
        SurveyQuestion.Courage => answer.Courage,
        _ => throw new ArgumentOutOfRangeException(nameof(question), question, null),
    };

    /// <summary>The key of the question's label in the texts (<c>survey_question_relations</c>, …).</summary>
    public static string TextKey(this SurveyQuestion question) => "survey_question_" + question.ToString().ToLowerInvariant();
}
