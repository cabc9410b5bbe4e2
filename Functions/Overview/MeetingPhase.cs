using NetworkFunctions.Networks;

namespace NetworkFunctions.Overview;

/// <summary>The one rule for the phase people read, for the status JSON and the dashboard alike.</summary>
public static class MeetingPhase
{
    /// <summary>Cancelled; closed once the orchestration completed; held once the meeting ended after its agenda; else the orchestration's phase.</summary>
    public static string Of(Meeting meeting, MeetingSnapshot? snapshot, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        if (meeting.Cancelled)
        {
            return MeetingSteps.Cancelled;
        }

        if (snapshot?.Completed == true)
        {
            return MeetingSteps.Closed;
        }

        return MeetingSteps.PhaseAt(snapshot?.OrchestrationPhase ?? MeetingSteps.Scheduled, meeting.End, now);
    }
}
