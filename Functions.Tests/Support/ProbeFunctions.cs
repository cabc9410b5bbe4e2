using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace NetworkFunctions.Tests.Support;

public sealed record ProbeInput(string Word);

public sealed record ProbeSignal(string Word);

/// <summary>
/// Functions that exist only to exercise the local host: a parent orchestration that calls a sub-orchestration and then
/// waits for an external event, HTTP routes at each authorization level, and a timer. Hosted by passing this assembly
/// to Functions.Local (<c>--functions-assembly</c>); they are not part of the Functions app.
/// </summary>
public static class ProbeFunctions
{
    public const string ProceedEvent = "Proceed";

    [Function(nameof(ProbeParent))]
    public static async Task<string> ProbeParent([OrchestrationTrigger] TaskOrchestrationContext context, ProbeInput input)
    {
        string child = await context.CallSubOrchestratorAsync<string>(nameof(ProbeChild), input);
        context.SetCustomStatus("waiting");
        ProbeSignal signal = await context.WaitForExternalEvent<ProbeSignal>(ProceedEvent);
        return $"{child}|{signal.Word}";
    }

    [Function(nameof(ProbeChild))]
    public static Task<string> ProbeChild([OrchestrationTrigger] TaskOrchestrationContext context, ProbeInput input) =>
        context.CallActivityAsync<string>(nameof(ProbeShout), input.Word);

    [Function(nameof(ProbeShout))]
    public static string ProbeShout([ActivityTrigger] string word) => word.ToUpperInvariant();

    [Function(nameof(ProbeStart))]
    public static async Task<IResult> ProbeStart(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "probe/orchestrations/{instanceId}")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string instanceId)
    {
        string word = request.Query["word"].FirstOrDefault() ?? "hello";
        await client.ScheduleNewOrchestrationInstanceAsync(nameof(ProbeParent), new ProbeInput(word), new StartOrchestrationOptions(instanceId));
        return Results.Accepted();
    }

    [Function(nameof(ProbeProceed))]
    public static async Task<IResult> ProbeProceed(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "probe/orchestrations/{instanceId}/proceed")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string instanceId)
    {
        await client.RaiseEventAsync(instanceId, ProceedEvent, new ProbeSignal(request.Query["word"].FirstOrDefault() ?? "go"));
        return Results.Accepted();
    }

    [Function(nameof(ProbeStatus))]
    public static async Task<IResult> ProbeStatus(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "probe/orchestrations/{instanceId}")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string instanceId,
        CancellationToken cancellationToken)
    {
        OrchestrationMetadata? instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
        return instance is null
            ? Results.NotFound()
            : Results.Ok(new { status = instance.RuntimeStatus.ToString(), customStatus = instance.SerializedCustomStatus, output = instance.SerializedOutput });
    }

    [Function(nameof(ProbeAdmin))]
    public static IResult ProbeAdmin([HttpTrigger(AuthorizationLevel.Admin, "get", Route = "probe/admin")] HttpRequest request) =>
        Results.Ok("admin");
}

/// <summary>Counts the probe timer's runs in the hosts whose services hold one.</summary>
public sealed class TickCounter
{
    int count;

    public int Count => Volatile.Read(ref count);

    public void Tick() => Interlocked.Increment(ref count);
}

public sealed class ProbeTimer(IServiceProvider services)
{
    [Function(nameof(ProbeTick))]
    public void ProbeTick([TimerTrigger("*/1 * * * * *")] TimerInfo timer) =>
        (services.GetService(typeof(TickCounter)) as TickCounter)?.Tick();
}

/// <summary>What the on-demand probe timers were given, in the hosts whose services hold one.</summary>
public sealed class OnDemandRuns
{
    readonly ConcurrentQueue<TimerInfo> runs = new();

    public IReadOnlyList<TimerInfo> Runs => runs.ToArray();

    public void Record(TimerInfo timer) => runs.Enqueue(timer);
}

/// <summary>Timers due once a year (midnight, 1 January UTC): in a test they run only when the admin API asks.</summary>
public sealed class ProbeOnDemandTimers(IServiceProvider services)
{
    public const string Yearly = "0 0 0 1 1 *";

    [Function(nameof(ProbeYearly))]
    public void ProbeYearly([TimerTrigger(Yearly)] TimerInfo timer) =>
        (services.GetService(typeof(OnDemandRuns)) as OnDemandRuns)?.Record(timer);

    [Function(nameof(ProbeFailing))]
    public void ProbeFailing([TimerTrigger(Yearly)] TimerInfo timer) =>
        throw new InvalidOperationException("The failing probe timer failed, as it is meant to.");
}
