using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace NetworkFunctions.Health;

/// <summary>Liveness: answers as long as the worker runs.</summary>
public sealed class HealthFunction(TimeProvider clock)
{
    [Function(nameof(Health))]
    public IResult Health([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request) =>
        Results.Ok(new HealthReport("ok", clock.GetUtcNow()));
}

public sealed record HealthReport(string Status, DateTimeOffset Time);
