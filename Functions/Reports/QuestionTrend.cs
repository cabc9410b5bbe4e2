using NetworkFunctions.Surveys;

namespace NetworkFunctions.Reports;

/// <summary>How one question's average moved from the first to the last meeting with answers to it.</summary>
public sealed record QuestionTrend(SurveyQuestion Question, int FirstMeeting, double First, int LastMeeting, double Last)
{
    public double Change => Last - First;
}
