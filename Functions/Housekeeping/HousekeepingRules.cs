using NetworkFunctions.Durable;

namespace NetworkFunctions.Housekeeping;

public enum InstanceState
{
    Missing,
    Pending,
    Running,
    Completed,
    Failed,
    Terminated,
}

/// <summary>What housekeeping knows of one orchestration instance.</summary>
public sealed record InstanceFacts(string InstanceId, InstanceState State, DateTimeOffset LastUpdated, MeetingStatus? Status);

public sealed record InstanceProblem(string InstanceId, string Problem);

/// <summary>The daily housekeeping's decisions, pure: what to purge and which instances to report.</summary>
public static class HousekeepingRules
{
    /// <summary>How late a step may be before its instance counts as stuck.</summary>
    public static readonly TimeSpan StuckAfter = TimeSpan.FromHours(1);

    /// <summary>A network's personal data goes once it has finished and its last meeting lies the retention period back.</summary>
    public static bool ShouldPurge(InstanceState network, DateTimeOffset endsAt, int retentionDays, DateTimeOffset now) =>
        network is InstanceState.Completed or InstanceState.Failed or InstanceState.Terminated or InstanceState.Missing
        && endsAt.AddDays(retentionDays) < now;

    /// <summary>Failed instances, instances that never started, and instances whose next step is overdue.</summary>
    public static IReadOnlyList<InstanceProblem> Problems(IEnumerable<InstanceFacts> instances, DateTimeOffset now) =>
        instances.Select(i => i switch
            {
                { State: InstanceState.Failed } => new InstanceProblem(i.InstanceId, "failed"),
                { State: InstanceState.Pending } when now - i.LastUpdated > StuckAfter => new InstanceProblem(i.InstanceId, "pending since " + i.LastUpdated.ToString("u")),
                { State: InstanceState.Running, Status.NextStepAt: { } due } when now - due > StuckAfter => new InstanceProblem(i.InstanceId, "step due " + due.ToString("u") + " has not run"),
                _ => null,
            })
            .OfType<InstanceProblem>()
            .ToList();
}
