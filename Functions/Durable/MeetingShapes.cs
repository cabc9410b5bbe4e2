namespace NetworkFunctions.Durable;

/// <summary>
/// The shapes of the meeting orchestration: which sequence of durable calls an instance makes. The shape is fixed in
/// the instance's input when it starts, so a running instance replays the shape it started with (docs/versioning.md);
/// inputs recorded before shapes existed read as <see cref="Original"/>.
/// </summary>
public static class MeetingShapes
{
    /// <summary>Reads its plan at the start and when a change event arrives.</summary>
    public const int Original = 0;

    /// <summary>Also reads its plan whenever a step's timer fires, so a change whose event was lost is still seen.</summary>
    public const int RereadsPlanOnTimers = 1;

    /// <summary>The shape new instances start with.</summary>
    public const int Current = RereadsPlanOnTimers;
}
