namespace NetworkFunctions.Networks;

public enum Attendance
{
    Yes,
    No,
    Maybe,
}

public enum ContributionType
{
    Theme,
    Case,
    Experience,
    Challenge,
}

/// <summary>What a member brings to a meeting: a theme, a case, an experience or a challenge.</summary>
public sealed record Contribution(ContributionType Type, string Title, string Description);

/// <summary>Whether a member tried what they meant to try before this meeting.</summary>
public enum Tried
{
    Yes,
    Partly,
    No,
}

/// <summary>
/// How a member's commitment went, answered on the next meeting's invitation: the commitment as the member wrote it in
/// the survey after the previous meeting, whether they tried it (null: not said), and how it went.
/// </summary>
public sealed record CommitmentFollowUp(string Commitment, Tried? Tried, string Note);

/// <summary>
/// A member's answer to a meeting invitation; the latest submission replaces the earlier one. <see cref="FollowUp"/>
/// is how the commitment from the previous meeting's survey went, when the member made one and answered about it.
/// </summary>
public sealed record InvitationAnswer(
    string MemberId,
    int Meeting,
    Attendance Attendance,
    IReadOnlyList<Contribution> Contributions,
    DateTimeOffset SubmittedAt,
    CommitmentFollowUp? FollowUp = null) : IMemberAnswer;

/// <summary>
/// A member's answer to the survey after a meeting. Ratings are 1–5. <see cref="Commitment"/> is what the member means
/// to try before the next meeting (optional; shown back to the member alone, on the next invitation).
/// </summary>
public sealed record SurveyAnswer(
    string MemberId,
    int Meeting,
    int Usefulness,
    int Relations,
    int Courage,
    string Worked,
    string Improve,
    string NextThemes,
    DateTimeOffset SubmittedAt,
    string? Commitment = null) : IMemberAnswer;
