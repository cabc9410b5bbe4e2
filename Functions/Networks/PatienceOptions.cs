using System.ComponentModel.DataAnnotations;

namespace NetworkFunctions.Networks;

/// <summary>How long steps wait out faults (configuration section <c>Patience</c>; docs/operations.md).</summary>
public sealed class PatienceOptions
{
    public const string Section = "Patience";

    /// <summary>Tries of an activity seconds apart before the step counts as waiting on a fault.</summary>
    [Range(1, 10)]
    public int QuickAttempts { get; set; } = 4;

    [Range(1, 60)]
    public int QuickFirstRetrySeconds { get; set; } = 2;

    /// <summary>The first wait after the quick tries; it doubles each time.</summary>
    [Range(1, 86400)]
    public int FirstWaitSeconds { get; set; } = 60;

    /// <summary>The longest wait between two tries.</summary>
    [Range(1, 86400)]
    public int LongestWaitSeconds { get; set; } = 3600;

    /// <summary>How long the kickoff confirmation, survey summaries and the year-end report keep trying.</summary>
    [Range(1, 3650 * 86400)]
    public int NetworkWideForSeconds { get; set; } = 3 * 86400;

    public Patience ToPatience() => new(
        QuickAttempts,
        TimeSpan.FromSeconds(QuickFirstRetrySeconds),
        TimeSpan.FromSeconds(FirstWaitSeconds),
        TimeSpan.FromSeconds(LongestWaitSeconds),
        TimeSpan.FromSeconds(NetworkWideForSeconds));
}
