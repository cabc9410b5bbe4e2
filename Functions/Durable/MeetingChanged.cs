namespace NetworkFunctions.Durable;

/// <summary>The event raised to a meeting orchestration when the meeting is moved or cancelled.</summary>
public sealed record MeetingChanged(int Revision)
{
    /// <summary>The event's name.</summary>
    public const string EventName = "MeetingChanged";
}
