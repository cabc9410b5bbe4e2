namespace NetworkFunctions.Reports;

// The year-end report as the templates see it: every number already formatted in the network's language, every
// sentence already filled in. Member text (highlights) stays plain text here and is encoded by the template.

internal sealed record YearReportView(
    string Title,
    string NetworkName,
    string Organisation,
    IReadOnlyList<string> KeyFigures,
    string? NeverPresent,
    IReadOnlyList<string> Trends,
    ChartView? SurveyChart,
    ChartView? AttendanceChart,
    IReadOnlyList<AttendanceRow> Attendance,
    IReadOnlyList<string> MeetingHeaders,
    IReadOnlyList<DepartmentRow> Departments,
    IReadOnlyList<ContributionRow> Contributions,
    ContributionRow ContributionTotal,
    IReadOnlyList<SurveyRow> Surveys,
    SurveyRow SurveyTotal,
    IReadOnlyList<HighlightSection> Highlights,
    IReadOnlyList<string> Missed,
    IReadOnlyList<MinutesSection> Minutes,
    IReadOnlyList<ThemesLine> Themes,
    IReadOnlyList<string> Tried,
    IReadOnlyList<string> Waited,
    string? NextYearPath);

/// <summary>The themes one meeting's agenda worked on: "Møde 2 (godkendt dagsorden)" and the titles.</summary>
internal sealed record ThemesLine(string Meeting, IReadOnlyList<string> Themes);

/// <summary>A chart image. <see cref="Inline"/> marks a PNG data URI checked to hold only base64 characters, written unencoded.</summary>
internal sealed record ChartView(string Src, bool Inline, string Alt);

internal sealed record AttendanceRow(string Meeting, string Title, string Date, bool Cancelled, string Yes, string Came, string Maybe, string No, string NoAnswer, string Departments);

/// <summary>What a meeting's sent minutes decided and agreed to follow up.</summary>
internal sealed record MinutesSection(string Meeting, IReadOnlyList<string> Decisions, IReadOnlyList<string> FollowUps);

internal sealed record DepartmentRow(string Department, IReadOnlyList<string> Counts, string Total);

internal sealed record ContributionRow(string Meeting, bool Cancelled, string Theme, string Case, string Experience, string Challenge, string Total);

internal sealed record SurveyRow(string Meeting, bool Cancelled, string Responses, string Usefulness, string Relations, string Courage);

internal sealed record HighlightSection(string Meeting, IReadOnlyList<string> Worked, IReadOnlyList<string> NextThemes);
