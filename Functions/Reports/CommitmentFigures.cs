using NetworkFunctions.Networks;
using NetworkFunctions.Surveys;

namespace NetworkFunctions.Reports;

/// <summary>
/// The year's commitments: how many times a member wrote in a survey what they would try before the next meeting,
/// how many of those were answered on the next invitation, how many were tried (fully or partly), and a few of the
/// answers about how it went — anonymous, as the survey quotes are. Held meetings only; a member's latest answers.
/// </summary>
public sealed record CommitmentFigures(int Made, int Answered, int Tried, IReadOnlyList<string> Quotes)
{
    public static CommitmentFigures None { get; } = new(0, 0, 0, []);

    public static CommitmentFigures Of(YearReportInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        HashSet<int> held = [.. input.Network.Meetings.Where(m => !m.Cancelled).Select(m => m.Number)];
        int made = held.Sum(n => input.SurveyAnswers.LatestPerMember(n).Count(a => !string.IsNullOrWhiteSpace(a.Commitment)));
        List<CommitmentFollowUp> followUps = [.. held
            .SelectMany(n => input.InvitationAnswers.LatestPerMember(n))
            .Select(a => a.FollowUp)
            .OfType<CommitmentFollowUp>()];
        List<CommitmentFollowUp> tried = [.. followUps.Where(f => f.Tried is Networks.Tried.Yes or Networks.Tried.Partly)];
        return new CommitmentFigures(made, followUps.Count, tried.Count, MeetingHighlights.Pick(tried.Select(f => f.Note)));
    }
}
