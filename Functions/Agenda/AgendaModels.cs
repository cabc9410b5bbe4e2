using NetworkFunctions.Networks;

namespace NetworkFunctions.Agenda;

/// <summary>
/// One contribution that may go on a meeting's agenda, with who raised it. <see cref="FromMeeting"/> is the meeting it
/// was first submitted for: below the agenda's meeting number means it was carried over from an earlier meeting, and
/// <see cref="LastYear"/> (0) from last year (the kickoff document's <c>carriedOver</c>).
/// </summary>
public sealed record AgendaCandidate(
    string MemberId,
    string MemberName,
    string Department,
    Contribution Contribution,
    DateTimeOffset SubmittedAt,
    int FromMeeting)
{
    /// <summary>The <see cref="FromMeeting"/> of a contribution carried over from last year: before this year's first meeting.</summary>
    public const int LastYear = 0;
}

/// <summary>One current member's answer to the invitation, by department only; <see cref="Answer"/> null = not answered.</summary>
public sealed record AttendanceEntry(string Department, Attendance? Answer);

/// <summary>What the agenda of one meeting is assembled from (one <see cref="AttendanceEntry"/> per current member).</summary>
public sealed record AgendaInput(
    int MeetingNumber,
    DateTimeOffset Start,
    DateTimeOffset End,
    bool DirectorWelcome,
    IReadOnlyList<AgendaCandidate> Candidates,
    IReadOnlyList<AttendanceEntry> Attendance);

public enum AgendaItemKind
{
    DirectorWelcome,
    CheckIn,
    ExpertInput,
    Themes,
    Break,
    CaseSparring,
    Challenges,
    NextSteps,
}

/// <summary>
/// One time box. <see cref="GroupTitle"/> is the theme group's title (Themes) or the case's title (CaseSparring), null
/// otherwise; <see cref="Contributions"/> are the contributions discussed in the box.
/// </summary>
public sealed record AgendaItem(
    DateTimeOffset Start,
    DateTimeOffset End,
    AgendaItemKind Kind,
    string? GroupTitle,
    IReadOnlyList<AgendaCandidate> Contributions,
    string? Description = null);

/// <summary>How one department's members answered the invitation.</summary>
public sealed record DepartmentAttendance(string Department, int Yes, int Maybe, int No, int NotAnswered)
{
    public int Total => Yes + Maybe + No + NotAnswered;
}

/// <summary>A contribution the preparers took off the agenda, with the reason the member can read later.</summary>
public sealed record DroppedContribution(AgendaCandidate Candidate, string Reason, string By, DateTimeOffset At);

/// <summary>Who approved the agenda (a preparer's recipient key), when, and which revision.</summary>
public sealed record AgendaApproval(string By, DateTimeOffset At, int Revision);

/// <summary>One save in the preparers' workspace: who, when, the revision it made, and what kinds of change it held.</summary>
public sealed record AgendaChange(string By, DateTimeOffset At, int Revision, IReadOnlyList<string> Changes);

/// <summary>
/// A meeting's agenda: time boxes tiling the meeting from <see cref="Start"/> to <see cref="End"/>, attendance by
/// department, and the contributions that did not fit (candidates for the next meeting), in priority order. The
/// assembler makes revision 0; each save in the preparers' workspace makes the next, with its <see cref="History"/>
/// entry; <see cref="Approved"/> holds while nobody changed it since; <see cref="Note"/> is the facilitator's note to
/// the members.
/// </summary>
public sealed record MeetingAgenda(
    int MeetingNumber,
    DateTimeOffset Start,
    DateTimeOffset End,
    IReadOnlyList<AgendaItem> Items,
    IReadOnlyList<DepartmentAttendance> AttendanceByDepartment,
    IReadOnlyList<AgendaCandidate> NotFitted,
    int Revision = 0,
    string? Note = null,
    IReadOnlyList<DroppedContribution>? Dropped = null,
    AgendaApproval? Approved = null,
    IReadOnlyList<AgendaChange>? History = null);
