namespace NetworkFunctions.Durable;

/// <summary>The custom status of a meeting orchestration: its phase (<see cref="Networks.MeetingSteps"/>) and when it next acts.</summary>
public sealed record MeetingStatus(string Phase, DateTimeOffset? NextStepAt, int Revision);
