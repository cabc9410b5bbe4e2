using System.Diagnostics;
using Microsoft.DurableTask;
using NetworkFunctions.Cycle;
using NetworkFunctions.Durable;
using NetworkFunctions.Networks;

namespace NetworkFunctions.Benchmarks;

/// <summary>
/// <c>history-events-per-meeting</c> and <c>history-events-per-network</c>: a network-year of one meeting compressed into
/// about 45 seconds, run to its year-end report; then its rows in the AzureStorage task hub's History table
/// (PartitionKey = instance id; the sentinel row left out). Baseline: an orchestration with the same activities and
/// sub-orchestrations and one timer per step (what the work needs if every timer fired on time) and nothing else, run
/// on the same engine and counted the same way.
/// </summary>
public static class HistoryBenchmark
{
    public const int MeetingTarget = 400;

    public static async Task<Figure[]> RunAsync(LocalSystem system, CancellationToken cancellationToken)
    {
        string tag = $"{system.RunId.ToLowerInvariant()}h";
        string networkId = $"{tag}-history";
        string meetingId = InstanceIds.Meeting(networkId, 1);
        var clock = Stopwatch.StartNew();
        await system.KickoffAsync(Kickoffs.CompressedMeeting(networkId, tag, DateTimeOffset.UtcNow), cancellationToken);
        await system.WaitForCompletionAsync(networkId, TimeSpan.FromMinutes(4), TimeSpan.FromMilliseconds(500), cancellationToken);
        TimeSpan year = clock.Elapsed;

        IReadOnlyDictionary<string, int> meeting = await system.HistoryAsync(meetingId, cancellationToken);
        IReadOnlyDictionary<string, int> network = await system.HistoryAsync(networkId, cancellationToken);

        // The floor waits once per step: one timer for each of the meeting's steps, however often the real one re-armed.
        FloorPlan meetingPlan = PlanOf(meeting) with { Timers = Math.Min(meeting.GetValueOrDefault("TimerCreated"), Kickoffs.CompressedMeetingSteps) };
        FloorPlan networkPlan = PlanOf(network);
        string meetingFloorId = $"{system.RunId}-floor-meeting";
        string networkFloorId = $"{system.RunId}-floor-network";
        await system.Durable.ScheduleNewOrchestrationInstanceAsync(nameof(FloorFunctions.FloorOrchestration), meetingPlan, new StartOrchestrationOptions(meetingFloorId), cancellationToken);
        await system.Durable.ScheduleNewOrchestrationInstanceAsync(nameof(FloorFunctions.FloorOrchestration), networkPlan, new StartOrchestrationOptions(networkFloorId), cancellationToken);
        await system.WaitForCompletionAsync(meetingFloorId, TimeSpan.FromMinutes(3), TimeSpan.FromMilliseconds(250), cancellationToken);
        await system.WaitForCompletionAsync(networkFloorId, TimeSpan.FromMinutes(3), TimeSpan.FromMilliseconds(250), cancellationToken);
        int meetingFloor = (await system.HistoryAsync(meetingFloorId, cancellationToken)).Values.Sum();
        int networkFloor = (await system.HistoryAsync(networkFloorId, cancellationToken)).Values.Sum();

        int meetingEvents = meeting.Values.Sum();
        int networkEvents = network.Values.Sum();
        string baseline = "same activities and sub-orchestrations, one timer per step, nothing else; same engine";
        return
        [
            new Figure("history-events-per-meeting", meetingEvents, "events", meetingFloor, baseline, "lower", $"<= {MeetingTarget}")
            {
                MeetsTarget = meetingEvents <= MeetingTarget,
                Extra =
                {
                    ["activities"] = meetingPlan.Activities,
                    ["timers"] = meeting.GetValueOrDefault("TimerCreated"),
                    ["steps"] = Kickoffs.CompressedMeetingSteps,
                    ["byType"] = meeting,
                    ["yearSeconds"] = Math.Round(year.TotalSeconds, 1),
                },
            },
            new Figure("history-events-per-network", networkEvents, "events", networkFloor, baseline, "lower")
            {
                Extra =
                {
                    ["meetings"] = 1,
                    ["activities"] = networkPlan.Activities,
                    ["subOrchestrations"] = networkPlan.SubOrchestrations,
                    ["byType"] = network,
                },
            },
        ];
    }

    static FloorPlan PlanOf(IReadOnlyDictionary<string, int> history) =>
        new(history.GetValueOrDefault("TaskScheduled"), history.GetValueOrDefault("TimerCreated"), history.GetValueOrDefault("SubOrchestrationInstanceCreated"));
}
