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

/// <summary>A member's answer to a meeting invitation; the latest submission replaces the earlier one.</summary>
public sealed record InvitationAnswer(
    string MemberId,
    int Meeting,
    Attendance Attendance,
    IReadOnlyList<Contribution> Contributions,
    DateTimeOffset SubmittedAt);

/// <summary>A member's answer to the survey after a meeting. Ratings are 1–5.</summary>
public sealed record SurveyAnswer(
    string MemberId,
    int Meeting,
    int Usefulness,
    int Relations,
    int Courage,
    string Worked,
    string Improve,
    string NextThemes,
    DateTimeOffset SubmittedAt);
