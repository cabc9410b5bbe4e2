using System.Diagnostics;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NetworkFunctions.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace NetworkFunctions.Hosting;

/// <summary>
/// OpenTelemetry for traces, metrics and logs: the app's own source and meter (<see cref="NetworkTelemetry"/>), the
/// Durable Task SDK's spans (which carry a kickoff's trace through the orchestrations and activities), and incoming
/// requests with their paths redacted. Exported to Azure Monitor when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is
/// set (with the app's managed identity when <c>AZURE_CLIENT_ID</c> is), over OTLP when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is, and nowhere otherwise.
/// </summary>
public static class TelemetrySetup
{
    public const string AzureMonitorConnectionString = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    public const string OtlpEndpoint = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string ManagedIdentityClientId = "AZURE_CLIENT_ID";

    /// <summary>The Durable Task SDK's activity source: create_orchestration, orchestration and activity spans.</summary>
    public const string DurableTaskSource = "Microsoft.DurableTask";

    public static IServiceCollection AddNetworkTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        IOpenTelemetryBuilder telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(NetworkTelemetry.Name))
            .WithTracing(tracing => tracing
                .AddSource(NetworkTelemetry.Name, DurableTaskSource)
                .AddAspNetCoreInstrumentation(o =>
                {
                    // The functions' routes only: not the local host's development pages, nor the engine's gRPC calls.
                    o.Filter = context => context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
                    o.EnrichWithHttpRequest = RedactRequest;
                }))
            .WithMetrics(metrics => metrics.AddMeter(NetworkTelemetry.Name))
            .WithLogging();

        if (configuration[AzureMonitorConnectionString] is { Length: > 0 } connectionString)
        {
            string? clientId = configuration[ManagedIdentityClientId];
            telemetry.UseAzureMonitorExporter(o =>
            {
                o.ConnectionString = connectionString;
                if (!string.IsNullOrWhiteSpace(clientId))
                {
                    // Application Insights takes telemetry from Entra identities only (infra/app/monitoring.bicep).
                    o.Credential = new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
                }
            });
        }

        if (!string.IsNullOrWhiteSpace(configuration[OtlpEndpoint]))
        {
            telemetry.UseOtlpExporter();
        }

        return services;
    }

    /// <summary>The routes whose last segment is a bearer token: a member's form, a preparer's agenda workspace and minutes.</summary>
    static readonly string[] TokenRoutes = ["/api/forms", "/api/agenda", "/api/minutes"];

    /// <summary>
    /// A request's span keeps no bearer token and no query: a token route's path becomes its template (the token in it
    /// opens a member's form or a preparer's workspace), and the query (which may hold a function key as <c>code</c>) is dropped.
    /// </summary>
    public static void RedactRequest(Activity activity, HttpRequest request)
    {
        if (TokenRoutes.FirstOrDefault(route => request.Path.StartsWithSegments(route, StringComparison.OrdinalIgnoreCase)) is { } tokenRoute)
        {
            activity.SetTag("url.path", tokenRoute + "/{token}");
            activity.DisplayName = $"{request.Method} {tokenRoute}/{{token}}";
        }

        activity.SetTag("url.query", null);
    }
}
