using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using NetworkFunctions.Durable;
using NetworkFunctions.Networks;

namespace NetworkFunctions.Cycle;

/// <summary>
/// One network-year (instance id = network id): the kickoff confirmation and every meeting as its own
/// sub-orchestration, all started at once, then the year-end report once all of them have finished. A fault waits
/// (<see cref="PatientSteps"/>); a meeting that fails or a step that is missed never stops the year: the report
/// always comes.
/// </summary>
public static class NetworkOrchestrator
{
    static readonly TaskOptions Retry = DurableRetry.Default;

    [Function(nameof(NetworkOrchestrator))]
    public static async Task<string> Run([OrchestrationTrigger] TaskOrchestrationContext context, NetworkYear year)
    {
        ILogger log = context.CreateReplaySafeLogger(nameof(NetworkOrchestrator));
        Patience patience = year.Patience ?? Patience.Legacy;
        var network = new NetworkRef(year.NetworkId);
        DateTimeOffset kickedOff = context.CurrentUtcDateTime;
        Task<bool> confirmation = PatientSteps.RunAsync(context, log, year.NetworkId, null, MailKinds.Kickoff, StepLimits.ForNetworkWide(kickedOff, patience), patience,
            quick => context.CallActivityAsync<StepResult>(nameof(NetworkActivities.SendKickoffConfirmation), network, quick));
        Task<MeetingOutcome[]> meetings = Task.WhenAll(year.Meetings.Select(number => MeetingAsync(context, log, new MeetingRef(network.NetworkId, number, year.MeetingShape))));

        await confirmation;
        MeetingOutcome[] outcomes = await meetings;
        DateTimeOffset due = context.CurrentUtcDateTime;
        await PatientSteps.RunAsync(context, log, year.NetworkId, null, MailKinds.Report, StepLimits.ForNetworkWide(due, patience), patience, async quick =>
        {
            await context.CallActivityAsync<StepResult>(nameof(NetworkActivities.BuildYearReport), network, quick);
            await context.CallActivityAsync<StepResult>(nameof(NetworkActivities.SendYearReport), network, quick);
        });
        return $"{outcomes.Count(o => o.Phase == MeetingSteps.Closed)} meetings held, {outcomes.Count(o => o.Phase == MeetingSteps.Cancelled)} cancelled, {outcomes.Count(o => o.Phase == Failed)} failed";
    }

    /// <summary>The outcome of a meeting whose orchestration failed (it can be resumed through the API).</summary>
    const string Failed = "failed";

    /// <summary>A meeting's sub-orchestration; when it fails for good, the year goes on without it.</summary>
    static async Task<MeetingOutcome> MeetingAsync(TaskOrchestrationContext context, ILogger log, MeetingRef meeting)
    {
        try
        {
            return await context.CallSubOrchestratorAsync<MeetingOutcome>(
                nameof(MeetingOrchestrator),
                meeting,
                new SubOrchestrationOptions(Retry.Retry, meeting.InstanceId));
        }
        catch (TaskFailedException e)
        {
            log.LogError(LogEvents.StepMissed, "{NetworkId} meeting {Meeting} failed ({Error}); the year goes on and the meeting can be resumed", meeting.NetworkId, meeting.Number, e.FailureDetails?.ErrorMessage);
            return new MeetingOutcome(meeting.Number, Failed);
        }
    }
}
