using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace NetworkFunctions.Meetings;

/// <summary>
/// One network-year (instance id = network id): the kickoff confirmation, every meeting as its own concurrent
/// sub-orchestration, then the year-end report once all of them have finished.
/// </summary>
public static class NetworkOrchestrator
{
    static readonly TaskOptions Retry = DurableRetry.Default;

    [Function(nameof(NetworkOrchestrator))]
    public static async Task<string> Run([OrchestrationTrigger] TaskOrchestrationContext context, NetworkRef network)
    {
        await context.CallActivityAsync<StepResult>(nameof(NetworkActivities.SendKickoffConfirmation), network, Retry);
        int[] meetings = await context.CallActivityAsync<int[]>(nameof(NetworkActivities.ListMeetings), network, Retry);

        MeetingOutcome[] outcomes = await Task.WhenAll(meetings.Select(number =>
        {
            var meeting = new MeetingRef(network.NetworkId, number);
            return context.CallSubOrchestratorAsync<MeetingOutcome>(
                nameof(MeetingOrchestrator),
                meeting,
                new SubOrchestrationOptions(Retry.Retry, meeting.InstanceId));
        }));

        await context.CallActivityAsync<StepResult>(nameof(NetworkActivities.BuildYearReport), network, Retry);
        await context.CallActivityAsync<StepResult>(nameof(NetworkActivities.SendYearReport), network, Retry);
        return $"{outcomes.Count(o => o.Phase == MeetingSteps.Closed)} meetings held, {outcomes.Count(o => o.Phase == MeetingSteps.Cancelled)} cancelled";
    }
}
