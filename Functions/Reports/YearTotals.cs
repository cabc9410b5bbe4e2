namespace NetworkFunctions.Reports;

/// <summary>The year at a glance, over the meetings that were held (cancelled ones are left out).</summary>
/// <param name="AverageYes">The average number of yes answers per held meeting, null when none was held.</param>
/// <param name="DepartmentsNeverPresent">Departments with no yes at any held meeting, in the report's department order.</param>
public sealed record YearTotals(
    int MeetingsHeld,
    int MeetingsCancelled,
    double? AverageYes,
    ContributionCounts Contributions,
    SurveyAverages Survey,
    IReadOnlyList<string> DepartmentsNeverPresent);
