namespace NetworkFunctions.Overview;

// The dashboard as the template sees it: numbers formatted and sentences filled in, in the network's language.
// Member names and departments stay plain text here and are HTML-encoded by the template (never `raw`).

public sealed record DashboardView(
    string Title,
    string NetworkName,
    string Organisation,
    string Lead,
    string RuntimeStatus,
    string StatusUrl,
    string KeyNote,
    IReadOnlyList<string> MissingDepartments,
    string MissingNote,
    DashboardLink Report,
    IReadOnlyList<MeetingPanel> Meetings,
    AttendanceTable Attendance,
    DashboardChart? AttendanceChart,
    IReadOnlyList<AttentionRow>? Attention = null,
    IReadOnlyList<string>? Absences = null);

/// <summary>One thing that waits on a fault or was missed, as the dashboard shows it at the top.</summary>
public sealed record AttentionRow(string Kind, string Label, string Since, string Detail);

/// <summary>A link to a document of the network; <see cref="Url"/> is null while the document does not exist yet.</summary>
public sealed record DashboardLink(string Label, string? Url, string Pending);

public sealed record MeetingPanel(
    int Number,
    string Anchor,
    string Heading,
    string When,
    string Location,
    string Phase,
    string PhaseLabel,
    bool Cancelled,
    IReadOnlyList<TimelineStep> Steps,
    string? NextStep,
    bool InvitationsSent,
    string AnswerSummary,
    IReadOnlyList<AnsweredMember> Answered,
    IReadOnlyList<WaitingMember> NotAnswered,
    string AnsweredCaption,
    string NotAnsweredCaption,
    DashboardLink Agenda,
    DashboardLink SurveySummary,
    string SurveyLine,
    string? AttendanceLine = null);

/// <summary>One step of a meeting's timeline. <see cref="State"/> is <c>done</c>, <c>current</c> or <c>later</c>.</summary>
public sealed record TimelineStep(string Label, string When, string State, string StateLabel);

public sealed record AnsweredMember(string Name, string Department, string Attendance, string AttendanceKey, int Contributions);

public sealed record WaitingMember(string Name, string Department);

public sealed record AttendanceTable(string Caption, IReadOnlyList<string> MeetingHeaders, IReadOnlyList<AttendanceRow> Rows, AttendanceRow Total);

public sealed record AttendanceRow(string Department, IReadOnlyList<string> Counts, string Total, bool Missing);

/// <summary>A chart as a <c>data:image/png;base64,…</c> URI (built here from PNG bytes, so it holds base64 only).</summary>
public sealed record DashboardChart(string Src, string Alt);
