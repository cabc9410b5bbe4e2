using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace NetworkFunctions.Health;

/// <summary>
/// <c>GET /api/health</c>: storage, the durable engine and email, each checked within a few seconds.
/// <c>Degraded</c> (200, so the platform does not recycle an instance that serves) while mail is refused for a
/// configuration reason or a dependency does not answer; <c>Unhealthy</c> (503) only when a check says this instance
/// cannot serve at all.
/// </summary>
public sealed class HealthFunction(HealthCheckService checks, TimeProvider clock)
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    [Function(nameof(Health))]
    public async Task<IResult> Health(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        HealthReport report = await checks.CheckHealthAsync(cancellationToken);
        var entries = new Dictionary<string, HealthReportEntry>(report.Entries, StringComparer.Ordinal)
        {
            [HealthChecks.Durable] = await DurableAsync(client, cancellationToken),
        };
        var combined = new HealthReport(entries, report.TotalDuration);
        DateTimeOffset now = clock.GetUtcNow();
        var body = new HealthAnswer(
            combined.Status.ToString(),
            now,
            entries.ToDictionary(e => e.Key, e => new HealthCheckAnswer(
                e.Value.Status.ToString(),
                e.Value.Description ?? "",
                e.Value.Data.TryGetValue(HealthChecks.Since, out object? since) ? since as DateTimeOffset? : null)));
        return Results.Json(body, statusCode: combined.Status == HealthStatus.Unhealthy ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK);
    }

    static async Task<HealthReportEntry> DurableAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await client.GetInstanceAsync("health-probe", getInputsAndOutputs: false, timeout.Token);
            return new HealthReportEntry(HealthStatus.Healthy, "The durable engine answers.", started.Elapsed, null, null);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new HealthReportEntry(HealthStatus.Degraded, $"The durable engine did not answer ({e.GetType().Name}); steps wait until it does.", started.Elapsed, null, null);
        }
    }
}

public sealed record HealthAnswer(string Status, DateTimeOffset Time, IReadOnlyDictionary<string, HealthCheckAnswer> Checks);

public sealed record HealthCheckAnswer(string Status, string Description, DateTimeOffset? Since);
