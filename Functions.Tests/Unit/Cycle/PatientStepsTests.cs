using Microsoft.DurableTask;
using NetworkFunctions.Cycle;
using NetworkFunctions.Networks;

namespace NetworkFunctions.Tests.Unit.Cycle;

public sealed class PatientStepsTests
{
    [Fact]
    public void Instances_started_before_patience_keep_exactly_the_quick_retries_they_had_so_their_history_replays()
    {
        RetryPolicy legacy = PatientSteps.Quick(Patience.Legacy).Retry!.Policy!;
        RetryPolicy before = DurableRetry.Default.Retry!.Policy!;

        Assert.Equal(
            (before.MaxNumberOfAttempts, before.FirstRetryInterval, before.BackoffCoefficient, before.MaxRetryInterval),
            (legacy.MaxNumberOfAttempts, legacy.FirstRetryInterval, legacy.BackoffCoefficient, legacy.MaxRetryInterval));
    }
}
