namespace NetworkFunctions.Overview;

// The dashboard as the template sees it: numbers formatted and sentences filled in, in the network's language.
// Member names and departments stay plain text here and are HTML-encoded by the template (never `raw`).

public sealed record DashboardView(
    string Title,
    string NetworkName,
    string Organisation,
    string Lead,
    string RuntimeStatus,
    string? StatusUrl,
    string? KeyNote,
    IReadOnlyList<string> MissingDepartments,
    string MissingNote,
    DashboardLink Report,
    IReadOnlyList<MeetingPanel> Meetings,
    AttendanceTable Attendance,
    DashboardChart? AttendanceChart,
    IReadOnlyList<AttentionRow>? Attention = null,
    IReadOnlyList<string>? Absences = null,
    IReadOnlyList<LedgerRow>? Ledger = null)
{
    /// <summary>The page layout's wide main column: the year at a glance and the attendance grid need the room.</summary>
    public bool Wide => true;
}

/// <summary>One contribution in the theme ledger: the meeting it was raised for, what it is, who raised it, and where it went.</summary>
public sealed record LedgerRow(string Meeting, string Contribution, string Member, string Path);

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
    string? AttendanceLine = null,
    MeetingGlance? Glance = null,
    DashboardLink? Minutes = null);

/// <summary>
/// A meeting on one row of the year at a glance: a short label and date, its agenda's state, and four figures with
/// small bars — said yes, came, contributions and survey answers, in that order.
/// </summary>
public sealed record MeetingGlance(string Label, string Date, string? AgendaState, IReadOnlyList<Gauge> Gauges);

/// <summary>
/// A figure with a small bar. <see cref="Text"/> is what is read (the bar only repeats it and is hidden from screen
/// readers); <see cref="Percent"/> is the bar's length, 0–100; no bar when <see cref="Bar"/> is false (nothing to
/// measure yet); <see cref="Note"/> is a muted remark, e.g. that "came" is from the replies as no register was kept.
/// </summary>
public sealed record Gauge(string Text, int Percent, bool Bar, string? Note = null)
{
    /// <summary>"–" and no bar: the figure does not exist yet (a meeting not held, a survey not sent).</summary>
    public static readonly Gauge None = new("–", 0, Bar: false);

    /// <summary>The bar of <paramref name="value"/> of <paramref name="whole"/>, as a whole percent between 0 and 100.</summary>
    public static int PercentOf(int value, int whole) => whole <= 0 ? 0 : Math.Clamp((int)Math.Round(100.0 * value / whole), 0, 100);
}

/// <summary>One step of a meeting's timeline. <see cref="State"/> is <c>done</c>, <c>current</c> or <c>later</c>.</summary>
public sealed record TimelineStep(string Label, string When, string State, string StateLabel);

public sealed record AnsweredMember(string Name, string Department, string Attendance, string AttendanceKey, int Contributions);

public sealed record WaitingMember(string Name, string Department);

public sealed record AttendanceTable(string Caption, IReadOnlyList<string> MeetingHeaders, IReadOnlyList<AttendanceRow> Rows, AttendanceRow Total);

/// <summary>A department's row of the attendance grid; <see cref="Absent"/> marks each held meeting nobody from it came to.</summary>
public sealed record AttendanceRow(string Department, IReadOnlyList<string> Counts, string Total, bool Missing, IReadOnlyList<bool>? Absent = null)
{
    /// <summary>The cells as the template shows them: the count, and whether it marks an absence.</summary>
    public IReadOnlyList<AttendanceCell> Cells => [.. Counts.Select((c, i) => new AttendanceCell(c, Absent is { } absent && i < absent.Count && absent[i]))];
}

public sealed record AttendanceCell(string Text, bool Absent);

/// <summary>A chart as a <c>data:image/png;base64,…</c> URI (built here from PNG bytes, so it holds base64 only).</summary>
public sealed record DashboardChart(string Src, string Alt);
