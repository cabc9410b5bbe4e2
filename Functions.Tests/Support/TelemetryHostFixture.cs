using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NetworkFunctions.Local.Durable;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace NetworkFunctions.Tests.Support;

/// <summary>A local host whose OpenTelemetry providers also export to memory: every span it ended and its metrics.</summary>
public sealed class TelemetryHostFixture() : LocalHostFixture(DurableBackend.InMemory)
{
    readonly List<Activity> spans = [];
    readonly List<MetricSnapshot> metrics = [];

    /// <summary>The spans exported so far (a copy: the exporter adds while the host runs).</summary>
    public IReadOnlyList<Activity> Spans
    {
        get
        {
            lock (spans)
            {
                return [.. spans];
            }
        }
    }

    /// <summary>The last value of each metric, collected now.</summary>
    public IReadOnlyDictionary<string, MetricSnapshot> CollectMetrics()
    {
        Host.Services.GetRequiredService<MeterProvider>().ForceFlush();
        lock (metrics)
        {
            return metrics.GroupBy(m => m.Name).ToDictionary(g => g.Key, g => g.Last());
        }
    }

    protected override void Configure(IServiceCollection services)
    {
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddProcessor(
            new SimpleActivityExportProcessor(new ListExporter<Activity, Activity>(spans, span => span))));

        // Collected only when a test asks (ForceFlush), so nothing is added while it reads.
        services.ConfigureOpenTelemetryMeterProvider(meters => meters.AddReader(
            new BaseExportingMetricReader(new ListExporter<Metric, MetricSnapshot>(metrics, metric => new MetricSnapshot(metric)))));
    }

    /// <summary>Exports into a list under its lock, so a test can copy it while the host adds to it.</summary>
    sealed class ListExporter<T, TKept>(List<TKept> kept, Func<T, TKept> keep) : BaseExporter<T>
        where T : class
    {
        public override ExportResult Export(in Batch<T> batch)
        {
            lock (kept)
            {
                foreach (T item in batch)
                {
                    kept.Add(keep(item));
                }
            }

            return ExportResult.Success;
        }
    }
}
