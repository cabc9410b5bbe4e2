using NetworkFunctions.Networks;

namespace NetworkFunctions.Tests.Unit.Surveys;

internal static class SurveyAnswers
{
    public static readonly DateTimeOffset Closed = new(2027, 2, 10, 12, 0, 0, TimeSpan.FromHours(1));

    public static SurveyAnswer Answer(
        string member,
        int usefulness,
        int relations,
        int courage,
        string worked = "",
        string improve = "",
        string nextThemes = "",
        int meeting = 2,
        int minutesBeforeClose = 60) =>
        new(member, meeting, usefulness, relations, courage, worked, improve, nextThemes, Closed.AddMinutes(-minutesBeforeClose));
}
