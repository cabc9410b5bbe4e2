using NetworkFunctions.Networks;

namespace NetworkFunctions.Durable;

/// <summary>An attention to raise or clear, from an orchestration: ids, a kind and the step's name only.</summary>
public sealed record AttentionRef(string NetworkId, int? Meeting, string Kind, string Step, DateTimeOffset At);
