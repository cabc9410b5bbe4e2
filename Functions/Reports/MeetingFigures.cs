namespace NetworkFunctions.Reports;

/// <summary>
/// One meeting of the year in figures. A cancelled meeting keeps its place (number, date, title) but has no figures:
/// its answers are left out of every count, average, trend and highlight.
/// </summary>
/// <param name="YesByDepartment">Members who said yes, per department of <see cref="YearReport.Departments"/> (every department present, zeros included).</param>
/// <param name="YesOther">Yes answers from people who are not (or no longer) members, e.g. the director at the first meeting.</param>
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
    MeetingHighlights Highlights)
{
    /// <summary>How many departments had at least one member saying yes.</summary>
    public int DepartmentsPresent => YesByDepartment.Values.Count(n => n > 0);
}
