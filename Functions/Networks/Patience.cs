namespace NetworkFunctions.Networks;

/// <summary>
/// How a step waits out a fault: <see cref="QuickAttempts"/> tries seconds apart, then durable timers from
/// <see cref="FirstWait"/> doubling up to <see cref="LongestWait"/>, until the step stops being useful
/// (<see cref="StepLimits"/>). It travels with the orchestration's input and plan, so a replay sees the values the
/// instance started with.
/// </summary>
public sealed record Patience(int QuickAttempts, TimeSpan QuickFirstRetry, TimeSpan FirstWait, TimeSpan LongestWait, TimeSpan NetworkWideFor)
{
    /// <summary>What instances started before patience existed get: the quick retries they had (8 tries from 2 s), then the defaults.</summary>
    public static Patience Legacy { get; } = new(8, TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(1), TimeSpan.FromHours(1), TimeSpan.FromDays(3));

    /// <summary>The wait before try <paramref name="wait"/> (0-based) after the quick tries: doubling, capped, never past <paramref name="limit"/>.</summary>
    public TimeSpan WaitBefore(int wait, DateTimeOffset now, DateTimeOffset limit)
    {
        double seconds = FirstWait.TotalSeconds * Math.Pow(2, Math.Min(wait, 30));
        TimeSpan capped = TimeSpan.FromSeconds(Math.Min(seconds, LongestWait.TotalSeconds));
        TimeSpan left = limit - now;
        return left < capped ? (left > TimeSpan.Zero ? left : TimeSpan.Zero) : capped;
    }
}
