using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using NetworkFunctions.Durable;
using NetworkFunctions.Networks;

namespace NetworkFunctions.Cycle;

/// <summary>
/// Runs one step of an orchestration with patience: quick retries, then durable timers with a doubling wait while the
/// step is still useful; past its limit it is recorded as missed and the orchestration goes on. While it waits, an
/// attention is open for the network (best effort: with storage down, the log is where it shows).
/// </summary>
internal static class PatientSteps
{
    /// <summary>The shortest wait: a shorter timer can come due before the provider has written it.</summary>
    static readonly TimeSpan MinimumWait = TimeSpan.FromSeconds(2);

    static readonly TaskOptions AttentionRetry = TaskOptions.FromRetryPolicy(new RetryPolicy(3, TimeSpan.FromSeconds(2), 2, TimeSpan.FromSeconds(10)));

    /// <summary>The activity options of a step's quick tries. For <see cref="Patience.Legacy"/>, exactly <see cref="DurableRetry.Default"/>.</summary>
    public static TaskOptions Quick(Patience patience) => TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: patience.QuickAttempts,
        firstRetryInterval: patience.QuickFirstRetry,
        backoffCoefficient: 2,
        maxRetryInterval: TimeSpan.FromMinutes(5)));

    /// <summary>Runs <paramref name="step"/> until it succeeds (true) or its limit passes (false: recorded as missed).</summary>
    public static async Task<bool> RunAsync(
        TaskOrchestrationContext context,
        ILogger log,
        string networkId,
        int? meeting,
        string name,
        DateTimeOffset limit,
        Patience patience,
        Func<TaskOptions, Task> step)
    {
        TaskOptions quick = Quick(patience);
        for (int wait = 0; ; wait++)
        {
            try
            {
                await step(quick);
                if (wait > 0)
                {
                    log.LogInformation(LogEvents.StepRecovered, "{NetworkId} meeting {Meeting}: {Step} went through after {Waits} waits", networkId, meeting, name, wait);
                    await AttentionAsync(context, nameof(AttentionActivities.ClearAttention), new AttentionRef(networkId, meeting, AttentionKinds.StepWaiting, name, context.CurrentUtcDateTime));
                }

                return true;
            }
            catch (TaskFailedException e)
            {
                DateTimeOffset now = context.CurrentUtcDateTime;
                if (now >= limit)
                {
                    log.LogError(LogEvents.StepMissed, "{NetworkId} meeting {Meeting}: {Step} missed; it was useful until {Limit:u} ({Error})", networkId, meeting, name, limit, e.FailureDetails?.ErrorMessage);
                    await AttentionAsync(context, nameof(AttentionActivities.RaiseAttention), new AttentionRef(networkId, meeting, AttentionKinds.StepMissed, name, now));
                    await AttentionAsync(context, nameof(AttentionActivities.ClearAttention), new AttentionRef(networkId, meeting, AttentionKinds.StepWaiting, name, now));
                    return false;
                }

                if (wait == 0)
                {
                    log.LogWarning(LogEvents.StepWaiting, "{NetworkId} meeting {Meeting}: {Step} waits for a fault to pass ({Error}); it is useful until {Limit:u}", networkId, meeting, name, e.FailureDetails?.ErrorMessage, limit);
                    await AttentionAsync(context, nameof(AttentionActivities.RaiseAttention), new AttentionRef(networkId, meeting, AttentionKinds.StepWaiting, name, now));
                }

                TimeSpan delay = patience.WaitBefore(wait, now, limit);
                await context.CreateTimer(context.CurrentUtcDateTime + (delay < MinimumWait ? MinimumWait : delay), CancellationToken.None);
            }
        }
    }

    /// <summary>Raises or clears an attention; a failure (storage down) is logged by the activity's host and does not stop the step.</summary>
    static async Task AttentionAsync(TaskOrchestrationContext context, string activity, AttentionRef attention)
    {
        try
        {
            await context.CallActivityAsync<bool>(activity, attention, AttentionRetry);
        }
        catch (TaskFailedException)
        {
            // The step's own log event says what waits; the attention document follows once storage is back.
        }
    }
}
