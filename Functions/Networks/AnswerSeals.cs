namespace NetworkFunctions.Networks;

/// <summary>
/// The rule that no answer is acknowledged and then left out. The step that builds a document from answers (the
/// agenda, the survey summary) seals them, waits until the seal's time plus <see cref="Settle"/>, then reads. An
/// answer whose write completed before the seal's time plus the settle, less a margin for clocks, is read; one that
/// completed later is refused (410) and taken back. This holds for any seal time no later than the moment the seal is
/// written, so the seal records when the answers closed (<see cref="SealAt"/>): a step that runs a few seconds after
/// the close, as it does, reads at once instead of holding an activity slot for the whole settle. Pure.
/// </summary>
public static class AnswerSeals
{
    /// <summary>How long the step waits between sealing and reading.</summary>
    public static readonly TimeSpan Settle = TimeSpan.FromSeconds(3);

    /// <summary>How far two instances' clocks may differ.</summary>
    public static readonly TimeSpan ClockMargin = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The time a seal records: when the answers closed, or now when the step runs before that (a meeting moved later
    /// after its step was due). Never later than now, which is what keeps <see cref="IsRead"/> safe.
    /// </summary>
    public static DateTimeOffset SealAt(DateTimeOffset closedAt, DateTimeOffset now) => closedAt < now ? closedAt : now;

    /// <summary>Whether an answer stored at <paramref name="storedAt"/> is read by the step that sealed at <paramref name="sealedAt"/> (none: not sealed).</summary>
    public static bool IsRead(DateTimeOffset storedAt, DateTimeOffset? sealedAt) =>
        sealedAt is not { } seal || storedAt < seal + Settle - ClockMargin;

    /// <summary>How long the sealing step still waits before it reads.</summary>
    public static TimeSpan WaitBeforeReading(DateTimeOffset sealedAt, DateTimeOffset now) =>
        sealedAt + Settle - now is { } left && left > TimeSpan.Zero ? left : TimeSpan.Zero;
}
