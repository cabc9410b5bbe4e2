using NetworkFunctions.Networks;

namespace NetworkFunctions.Durable;

/// <summary>The meeting's current schedule as the orchestration needs it.</summary>
public sealed record MeetingPlan(int Revision, bool Cancelled, MeetingTimeline Timeline);
