using NetworkFunctions.Agenda;
using NetworkFunctions.Networks;

namespace NetworkFunctions.Overview;

/// <summary>
/// Everything the status and the dashboard show, read before either is built (<see cref="SnapshotReader"/>): the network
/// document, what each meeting's orchestration reports, the answers and who was invited, and which documents exist.
/// No I/O happens after this. <see cref="LinkKey"/> is the function key to put on the dashboard's links, if any;
/// <see cref="BasePath"/> where its links lead (the console's own routes; by default the keyed API's).
/// </summary>
public sealed record DashboardInput(
    Network Network,
    DateTimeOffset Now,
    string RuntimeStatus,
    IReadOnlyList<MeetingSnapshot> Meetings,
    bool ReportExists,
    string? LinkKey = null,
    IReadOnlyList<Attention>? Attention = null,
    string? BasePath = null);

/// <summary>
/// One meeting as read from its orchestration and Blob Storage. <see cref="OrchestrationPhase"/> is the phase of the
/// orchestration's custom status (null when it has none yet); <see cref="Completed"/> when the orchestration finished.
/// <see cref="Came"/> is the minutes' register, null until the preparers keep one; <see cref="Agenda"/> the stored agenda.
/// </summary>
public sealed record MeetingSnapshot(
    int Number,
    string? OrchestrationPhase,
    bool Completed,
    DateTimeOffset? NextStepAt,
    IReadOnlySet<string> InvitedMemberIds,
    IReadOnlyList<InvitationAnswer> Answers,
    bool SurveySummaryExists,
    int SurveyAnswers,
    IReadOnlyList<string>? Came = null,
    MeetingAgenda? Agenda = null)
{
    /// <summary>Whether the meeting's agenda has been assembled.</summary>
    public bool AgendaExists => Agenda is not null;

    /// <summary>Whether a preparer approved the agenda and nobody changed it since.</summary>
    public bool AgendaApproved => Agenda?.Approved is not null;

    /// <summary>Whether <see cref="Attended"/> comes from the minutes' register (else from the yes answers).</summary>
    public bool RegisterKept => Came is not null;

    /// <summary>Who came: the minutes' register once the preparers kept one, else the members who said yes.</summary>
    public IReadOnlyList<string> Attended =>
        Came ?? [.. Answers.Where(a => a.Attendance == Attendance.Yes).Select(a => a.MemberId).Distinct(StringComparer.Ordinal)];
}
