namespace NetworkFunctions.Durable;

/// <summary>What a meeting orchestration returns: its number and the phase it ended in.</summary>
public sealed record MeetingOutcome(int Number, string Phase);

/// <summary>What a step's activity returns: how many mails it sent now.</summary>
public sealed record StepResult(int Sent);
