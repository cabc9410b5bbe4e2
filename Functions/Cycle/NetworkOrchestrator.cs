using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using NetworkFunctions.Durable;
using NetworkFunctions.Networks;

namespace NetworkFunctions.Cycle;

/// <summary>
/// One network-year (instance id = network id): the kickoff confirmation and every meeting as its own
/// sub-orchestration, all started at once, then the year-end report once all of them have finished.
/// </summary>
public static class NetworkOrchestrator
{
    static readonly TaskOptions Retry = DurableRetry.Default;

    [Function(nameof(NetworkOrchestrator))]
    public static async Task<string> Run([OrchestrationTrigger] TaskOrchestrationContext context, NetworkYear year)
    {
        var network = new NetworkRef(year.NetworkId);
        Task<StepResult> confirmation = context.CallActivityAsync<StepResult>(nameof(NetworkActivities.SendKickoffConfirmation), network, Retry);
        Task<MeetingOutcome[]> meetings = Task.WhenAll(year.Meetings.Select(number =>
        {
            var meeting = new MeetingRef(network.NetworkId, number);
            return context.CallSubOrchestratorAsync<MeetingOutcome>(
                nameof(MeetingOrchestrator),
                meeting,
                new SubOrchestrationOptions(Retry.Retry, meeting.InstanceId));
        }));

        await confirmation;
        MeetingOutcome[] outcomes = await meetings;
        await context.CallActivityAsync<StepResult>(nameof(NetworkActivities.BuildYearReport), network, Retry);
        await context.CallActivityAsync<StepResult>(nameof(NetworkActivities.SendYearReport), network, Retry);
        return $"{outcomes.Count(o => o.Phase == MeetingSteps.Closed)} meetings held, {outcomes.Count(o => o.Phase == MeetingSteps.Cancelled)} cancelled";
    }
}
