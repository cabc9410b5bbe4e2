using Microsoft.DurableTask;

namespace NetworkFunctions.Cycle;

/// <summary>How activities are retried: SendGrid throttling, storage hiccups and restarts are waited out with backoff.</summary>
public static class DurableRetry
{
    public static TaskOptions Default { get; } = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 8,
        firstRetryInterval: TimeSpan.FromSeconds(2),
        backoffCoefficient: 2,
        maxRetryInterval: TimeSpan.FromMinutes(5)));
}
