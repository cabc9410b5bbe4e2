namespace NetworkFunctions.Reports;

/// <summary>
/// One meeting of the year in figures. A cancelled meeting keeps its place (number, date, title) but has no figures:
/// its answers are left out of every count, average, trend and highlight.
/// </summary>
/// <param name="YesByDepartment">Members who said yes, per department of <see cref="YearReport.Departments"/> (every department present, zeros included).</param>
/// <param name="YesOther">Yes answers from people who are not (or no longer) members, e.g. the director at the first meeting.</param>
/// <param name="Came">Current members on the register of the minutes sent; null without sent minutes.</param>
/// <param name="Decisions">"Heading: decision" for each block of the sent minutes that records one.</param>
/// <param name="FollowUps">"Heading: follow-up" likewise.</param>
/// <param name="Themes">The themes and cases the meeting's agenda gave a time box (as the members last received it); null without an agenda.</param>
/// <param name="AgendaApproved">Whether the preparers approved that agenda.</param>
public sealed record MeetingFigures(
    int Number,
    DateTimeOffset Start,
    string? Title,
    bool Cancelled,
    AttendanceCounts Attendance,
    IReadOnlyDictionary<string, int> YesByDepartment,
    int YesOther,
    ContributionCounts Contributions,
    SurveyAverages Survey,
    MeetingHighlights Highlights,
    int? Came = null,
    IReadOnlyList<string>? Decisions = null,
    IReadOnlyList<string>? FollowUps = null,
    IReadOnlyList<string>? Themes = null,
    bool AgendaApproved = false)
{
    /// <summary>How many departments had at least one member saying yes.</summary>
    public int DepartmentsPresent => YesByDepartment.Values.Count(n => n > 0);
}
