namespace NetworkFunctions.Durable;

/// <summary>What a meeting orchestration returns: its number and the phase it ended in.</summary>
public sealed record MeetingOutcome(int Number, string Phase);

/// <summary>What a step's activity returns: how many mails it sent now.</summary>
public sealed record StepResult(int Sent)
{
    /// <summary>A step that had nothing to do (everyone had it already, or the meeting was cancelled meanwhile).</summary>
    public static StepResult Nothing { get; } = new(0);
}
