using System.Diagnostics;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging.Abstractions;
using NetworkFunctions.Local;
using NetworkFunctions.Local.Azurite;

namespace NetworkFunctions.Benchmarks.Fleet;

/// <summary>
/// <c>--fleet</c>: K networks of 20 members and six meetings on one local host with the AzureStorage engine on an Azurite
/// of its own, every storage call counted by <see cref="StorageCountingProxy"/> between the two.
/// <list type="bullet">
/// <item><c>memory-per-network</c>: the slope of the process's working set (after a full collection) against K sleeping
/// networks at three sizes; baseline the idle process (K = 0).</item>
/// <item><c>idle-storage-calls-per-minute</c> at each K: the calls while every network sleeps on its timers (the engine's
/// queue polling and lease renewals); baseline K = 0, the same host with no network.</item>
/// <item><c>storage-calls-per-network-year</c>: compressed one-meeting years run to their report, the calls above the idle
/// rate per year; floor: the documents and mail records such a year leaves (each written once and read once).</item>
/// <item><c>agenda-latency</c>, <c>answer-burst</c>, <c>storage-calls-per-network-round</c> at each K: K networks whose
/// agendas fall due in the same instant after all K × 20 members answered in a burst (<see cref="DueTogetherRound"/>);
/// baseline one network alone (K = 1), in the same run.</item>
/// <item><c>storage-calls-per-timer-wake</c>, <c>timer-wakes-per-network-year</c>: a real calendar's timer wakes
/// (<see cref="TimerWakes"/>), on a second host after the first is stopped.</item>
/// </list>
/// Each figure has a written target (docs/performance.md says why each is what it is).
/// </summary>
public static class FleetBenchmark
{
    public static async Task<IReadOnlyList<Figure>> RunAsync(FleetSizes sizes, Action<string> say, CancellationToken cancellationToken)
    {
        string data = Path.Combine(Path.GetTempPath(), $"networkfunctions-fleet-{Guid.NewGuid():N}");
        Directory.CreateDirectory(data);
        try
        {
            return await RunAsync(sizes, data, say, cancellationToken);
        }
        finally
        {
            try
            {
                Directory.Delete(data, recursive: true);
            }
            catch (IOException)
            {
                // Azurite may still hold a file for a moment; the folder is in the temporary directory.
            }
        }
    }

    static async Task<IReadOnlyList<Figure>> RunAsync(FleetSizes sizes, string data, Action<string> say, CancellationToken cancellationToken)
    {
        int azuritePort = FreePorts.Pick(3);
        int proxyPort = FreePorts.Pick(3);
        await using AzuriteServer azurite = await AzuriteServer.EnsureRunningAsync(AzuriteSettings.FromBasePort(data, azuritePort), NullLogger.Instance, cancellationToken);
        await using StorageCountingProxy proxy = await StorageCountingProxy.StartAsync(proxyPort, azuritePort, cancellationToken);
        var figures = new List<Figure>();
        Figure years;
        await using (LocalSystem system = await LocalSystem.StartAsync(proxyPort, cancellationToken, ownsAzurite: true))
        {
            say($"  host {system.Host.BaseAddress}, Azurite on {azuritePort}, counting proxy on {proxyPort}");

            // The benchmark's own look at storage goes to Azurite directly: only the host's calls are counted.
            DirectStorage direct = DirectStorage.For(azurite.ConnectionString, system);

            // The compressed years first: they warm the host (JIT, tables and queues) before anything is measured at rest.
            years = await CompressedYearsAsync(system, proxy, direct, sizes, say, cancellationToken);
            double backgroundCalls = await SleepingFleetAsync(system, proxy, direct, sizes, figures, say, cancellationToken);

            var mailbox = new DirectMailbox(new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(system.Mailbox.Name));
            var rounds = new List<RoundResult>();
            foreach (int k in (int[])[1, .. sizes.Networks])
            {
                RoundResult round = await DueTogetherRound.RunAsync(system, proxy, mailbox, backgroundCalls, k, sizes, cancellationToken);
                rounds.Add(round);
                say(FormattableString.Invariant($"  round K={k}: agenda p50 {round.AgendaP50Seconds:0.0} s, p99 {round.AgendaP99Seconds:0.0} s; {round.AnswerLatenciesMs.Length} answers in {round.BurstSeconds:0} s, p99 {round.AnswerP99Ms:0} ms, {round.AnswerErrors} errors; {round.StorageCallsPerNetwork:0} storage calls per network ({round.Calls.Top(4)})"));
            }

            figures.AddRange(RoundFigures.From(rounds, sizes));
        }

        figures.Add(years with { MeetsTarget = years.Value <= 2 * years.Baseline, Target = "<= 2x floor" });
        figures.AddRange(await TimerWakes.RunAsync(proxyPort, azurite.ConnectionString, proxy, sizes, years.Value, say, cancellationToken));
        foreach (Figure scaled in figures.Where(f => f.Extra.ContainsKey("scaling")))
        {
            say($"  scaling of {scaled.Name}: {scaled.Extra["scaling"]}");
        }

        return figures;
    }

    /// <summary>
    /// Memory and idle storage calls with 0 and then K networks sleeping on their timers, at each K; returns the idle
    /// calls per minute at the largest K (the background of what follows).
    /// </summary>
    static async Task<double> SleepingFleetAsync(LocalSystem system, StorageCountingProxy proxy, DirectStorage direct, FleetSizes sizes, List<Figure> figures,
        Action<string> say, CancellationToken cancellationToken)
    {
        await SettleAsync(TimeSpan.FromSeconds(10), cancellationToken);
        (double idleMemory, double idleCalls, StorageCount idleCount) = await SleepingAsync(proxy, sizes, cancellationToken);
        say($"  K=0: {idleMemory:0} MB, {idleCalls:0} storage calls/min ({idleCount.Top(4)})");

        var memory = new List<(int K, double Mb)> { (0, idleMemory) };
        var idle = new List<(int K, double Calls)>();
        int started = 0;
        double calls = idleCalls;
        string tag = system.RunId.ToLowerInvariant();
        DateTimeOffset now = DateTimeOffset.UtcNow;
        int at = figures.Count;
        foreach (int k in sizes.Networks)
        {
            string[] ids = [.. Enumerable.Range(started + 1, k - started).Select(i => $"{tag}-f{i}")];
            await Task.WhenAll(ids.Select((id, i) => system.KickoffAsync(Kickoffs.SleepingYear(id, $"{tag}f{started + i + 1}", now), cancellationToken)));
            started = k;

            // Each network-year is one orchestration and one per meeting.
            await direct.WaitUntilRunningAsync(k * 7, cancellationToken);
            TimeSpan settled = await QuietAsync(proxy, cancellationToken);
            (double mb, calls, StorageCount count) = await SleepingAsync(proxy, sizes, cancellationToken);
            memory.Add((k, mb));
            idle.Add((k, calls));
            say($"  K={k}: {mb:0} MB, {calls:0} storage calls/min ({count.Top(4)}; quiet after {settled.TotalSeconds:0} s)");
            figures.Add(new Figure($"idle-storage-calls-per-minute-k{k}", Math.Round(calls, 1), "calls/min", Math.Round(idleCalls, 1),
                "the same host with no network, counted over the same window", "lower",
                "<= 1.1x K = 0: a sleeping network adds no polling", calls <= 1.1 * idleCalls)
            {
                Extra =
                {
                    ["networks"] = k,
                    ["usdPerYear"] = Math.Round(count.Usd * (TimeSpan.FromDays(365) / sizes.IdleWindow), 2),
                    ["byService"] = ByService(count, 1),
                },
            });
        }

        figures[^1].Extra["scaling"] = Scaling.Of(idle).Describe("calls/min");
        (double slope, double r2) = Fit(memory);
        figures.Insert(at, new Figure("memory-per-network", Math.Round(slope, 3), "MB", Math.Round(idleMemory, 1),
            "the idle process (K = 0): working set after a full collection", "lower", "<= 2 MB per sleeping network", slope <= 2)
        {
            Extra =
            {
                ["points"] = string.Join(" ", memory.Select(p => FormattableString.Invariant($"K{p.K}:{p.Mb:0}MB"))),
                ["linearR2"] = Math.Round(r2, 3),
                ["scaling"] = Scaling.Of(memory).Describe("MB"),
            },
        });
        return calls;
    }

    /// <summary>
    /// Waits until the new networks have finished starting: a 10 s window in which the host put no queue message (a
    /// sleeping network schedules nothing until its timers are due). Running is not enough: at K = 50 and 100 the
    /// orchestrations were running while their first activities still went on, and the idle window counted them.
    /// At most <see cref="QuietLimit"/>; returns how long it took.
    /// </summary>
    static async Task<TimeSpan> QuietAsync(StorageCountingProxy proxy, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < QuietLimit)
        {
            StorageCount before = proxy.Snapshot();
            await Task.Delay(TimeSpan.FromSeconds(10), cancellationToken);
            if (!proxy.Snapshot().Minus(before).Calls.Any(c => c.Key is (StorageService.Queue, "PutMessage") && c.Value > 0))
            {
                break;
            }
        }

        return clock.Elapsed;
    }

    static readonly TimeSpan QuietLimit = TimeSpan.FromMinutes(3);

    /// <summary>Working set after a full collection (MB), and the storage calls per minute over the idle window.</summary>
    static async Task<(double Mb, double CallsPerMinute, StorageCount Count)> SleepingAsync(StorageCountingProxy proxy, FleetSizes sizes, CancellationToken cancellationToken)
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        double mb = Process.GetCurrentProcess().WorkingSet64 / (1024.0 * 1024.0);
        StorageCount before = proxy.Snapshot();
        await Task.Delay(sizes.IdleWindow, cancellationToken);
        StorageCount window = proxy.Snapshot().Minus(before);
        return (mb, window.Total / sizes.IdleWindow.TotalMinutes, window);
    }

    /// <summary>
    /// Compressed one-meeting years run to their report; the storage calls above the idle rate, per year, against the
    /// floor: each document and mail record the year leaves written once and read once.
    /// </summary>
    static async Task<Figure> CompressedYearsAsync(LocalSystem system, StorageCountingProxy proxy, DirectStorage direct, FleetSizes sizes, Action<string> say, CancellationToken cancellationToken)
    {
        string tag = $"{system.RunId.ToLowerInvariant()}y";
        string[] ids = [.. Enumerable.Range(1, sizes.CompressedYears).Select(i => $"{tag}-year{i}")];
        await SettleAsync(TimeSpan.FromSeconds(5), cancellationToken);
        StorageCount rest = proxy.Snapshot();
        await Task.Delay(sizes.IdleWindow, cancellationToken);
        double idleCallsPerMinute = proxy.Snapshot().Minus(rest).Total / sizes.IdleWindow.TotalMinutes;
        StorageCount before = proxy.Snapshot();
        var clock = Stopwatch.StartNew();
        DateTimeOffset now = DateTimeOffset.UtcNow;
        await Task.WhenAll(ids.Select((id, i) => system.KickoffAsync(Kickoffs.CompressedMeeting(id, $"{tag}{i + 1}", now), cancellationToken)));
        foreach (string id in ids)
        {
            await direct.WaitForCompletionAsync(id, TimeSpan.FromMinutes(6), cancellationToken);
        }

        TimeSpan elapsed = clock.Elapsed;
        StorageCount years = proxy.Snapshot().Minus(before);
        double idle = idleCallsPerMinute * elapsed.TotalMinutes;
        double perYear = Math.Max(0, years.Total - idle) / ids.Length;

        int documents = 0;
        foreach (string id in ids)
        {
            await foreach (var blob in direct.Documents.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, $"networks/{id}/", cancellationToken))
            {
                documents++;
            }
        }

        double floor = 2.0 * documents / ids.Length;
        say($"  {ids.Length} compressed years in {elapsed.TotalSeconds:0} s: {years.Total} calls ({years.Top(6)})");
        return new Figure("storage-calls-per-network-year", Math.Round(perYear), "calls", Math.Round(floor),
            "each document and mail record the year leaves (the documents container), written once and read once", "lower")
        {
            Extra =
            {
                ["years"] = ids.Length,
                ["meetingsPerYear"] = 1,
                ["idleCallsSubtracted"] = Math.Round(idle),
                ["idleCallsPerMinute"] = Math.Round(idleCallsPerMinute),
                ["documentsPerYear"] = documents / ids.Length,
                ["usdPerYear"] = Math.Round(years.Usd / ids.Length, 4),
                ["byService"] = ByService(years, ids.Length),
            },
        };
    }

    /// <summary>"blob 360, queue 300, table 120": the calls of each service, divided by <paramref name="per"/>.</summary>
    static string ByService(StorageCount count, int per) =>
        string.Join(", ", Enum.GetValues<StorageService>().Select(s => FormattableString.Invariant($"{s.ToString().ToLowerInvariant()} {count.Of(s) / per}")));

    /// <summary>Least squares: the slope of MB against K, and R² (1: perfectly linear).</summary>
    static (double Slope, double R2) Fit(IReadOnlyList<(int K, double Mb)> points)
    {
        double meanK = points.Average(p => p.K);
        double meanMb = points.Average(p => p.Mb);
        double sxx = points.Sum(p => (p.K - meanK) * (p.K - meanK));
        double sxy = points.Sum(p => (p.K - meanK) * (p.Mb - meanMb));
        double slope = sxx == 0 ? 0 : sxy / sxx;
        double total = points.Sum(p => (p.Mb - meanMb) * (p.Mb - meanMb));
        double residual = points.Sum(p => Math.Pow(p.Mb - (meanMb + (slope * (p.K - meanK))), 2));
        return (slope, total == 0 ? 1 : 1 - (residual / total));
    }

    static Task SettleAsync(TimeSpan time, CancellationToken cancellationToken) => Task.Delay(time, cancellationToken);
}
