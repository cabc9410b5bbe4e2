using NetworkFunctions.Networks;

namespace NetworkFunctions.Overview;

/// <summary>
/// Where a meeting's agenda stands, as the status (<c>agenda</c>) and the dashboard show it: <c>draft</c> once it is
/// assembled, <c>approved</c> once a preparer approved it in the workspace (until the next change), <c>sent</c> once the
/// final agenda time has passed; null while there is none (or the meeting was cancelled).
/// </summary>
public static class AgendaStates
{
    public const string Draft = "draft";
    public const string Approved = "approved";
    public const string Sent = "sent";

    public static string? Of(Meeting meeting, MeetingTimeline timeline, MeetingSnapshot? snapshot, DateTimeOffset now) =>
        meeting.Cancelled || snapshot is not { AgendaExists: true } ? null
        : now >= timeline.FinalAgendaAt ? Sent
        : snapshot.AgendaApproved ? Approved
        : Draft;
}
