using NetworkFunctions.Networks;

namespace NetworkFunctions.Durable;

/// <summary>The meeting's current schedule as the orchestration needs it, and the patience its steps have (null in plans recorded before it existed).</summary>
public sealed record MeetingPlan(int Revision, bool Cancelled, MeetingTimeline Timeline, Patience? Patience = null);
