using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace NetworkFunctions.Benchmarks;

public sealed record FanOut(int Count);

public sealed record NoopInput(int Index);

/// <summary>The shape of an orchestration's work without its content: sequential timers and activities, fanned-out sub-orchestrations.</summary>
public sealed record FloorPlan(int Activities, int Timers, int SubOrchestrations);

/// <summary>
/// The engine's floor, hosted next to the app's functions through <c>LocalHostOptions.ExtraAssemblies</c>: activities
/// that do nothing (what the engine alone costs per activity) and an orchestration with a given number of timers,
/// activities and sub-orchestrations and nothing else (the fewest history events that work can take).
/// </summary>
public static class FloorFunctions
{
    [Function(nameof(NoopFanOut))]
    public static async Task<int> NoopFanOut([OrchestrationTrigger] TaskOrchestrationContext context, FanOut input)
    {
        int[] done = await Task.WhenAll(Enumerable.Range(0, input.Count).Select(i => context.CallActivityAsync<int>(nameof(Noop), new NoopInput(i))));
        return done.Length;
    }

    [Function(nameof(Noop))]
    public static int Noop([ActivityTrigger] NoopInput input) => input.Index;

    [Function(nameof(FloorOrchestration))]
    public static async Task<int> FloorOrchestration([OrchestrationTrigger] TaskOrchestrationContext context, FloorPlan plan)
    {
        for (int i = 0; i < Math.Max(plan.Activities, plan.Timers); i++)
        {
            if (i < plan.Timers)
            {
                await context.CreateTimer(context.CurrentUtcDateTime.AddSeconds(1), CancellationToken.None);
            }

            if (i < plan.Activities)
            {
                await context.CallActivityAsync<int>(nameof(Noop), new NoopInput(i));
            }
        }

        await Task.WhenAll(Enumerable.Range(0, plan.SubOrchestrations).Select(i =>
            context.CallSubOrchestratorAsync<int>(nameof(FloorChild), new NoopInput(i), new SubOrchestrationOptions(instanceId: $"{context.InstanceId}:child:{i}"))));
        return plan.Activities + plan.Timers + plan.SubOrchestrations;
    }

    [Function(nameof(FloorChild))]
    public static Task<int> FloorChild([OrchestrationTrigger] TaskOrchestrationContext context, NoopInput input) => Task.FromResult(input.Index);
}
