using System.Diagnostics;
using NetworkFunctions.Cycle;
using NetworkFunctions.Durable;
using NetworkFunctions.Networks;

namespace NetworkFunctions.Benchmarks;

/// <summary>
/// <c>invitations</c> and <c>peak-memory-mb</c>: K networks of 20 members kicked off at once, invitation emails per second
/// until every one is in the mail sink; against no-op activities per second on the same engine (K orchestrations
/// fanning out as many activities as there are invitations), measured before and after and averaged. The working set
/// of this process (the host runs in it) is sampled meanwhile.
/// </summary>
public static class InvitationsBenchmark
{
    /// <summary>20 members and the director (invited to meeting 1).</summary>
    public const int InvitationsPerNetwork = Sizes.MembersPerNetwork + 1;

    public static async Task<Figure[]> RunAsync(LocalSystem system, Sizes sizes, CancellationToken cancellationToken)
    {
        int k = sizes.InvitationNetworks;
        int total = k * InvitationsPerNetwork;

        // Warm-up: the first orchestration on a new task hub creates its tables and queues.
        await NoopRateAsync(system, 1, 1, "warmup", cancellationToken);
        await NoopRateAsync(system, 1, InvitationsPerNetwork, "warmup2", cancellationToken);

        double before = await NoopRateAsync(system, k, InvitationsPerNetwork, "before", cancellationToken);

        long idle = WorkingSet();
        using var sampling = new CancellationTokenSource();
        long peak = idle;
        Task sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, WorkingSet());
                try
                {
                    await Task.Delay(50, sampling.Token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }, CancellationToken.None);

        string tag = system.RunId.ToLowerInvariant();
        string[] ids = [.. Enumerable.Range(1, k).Select(i => $"{tag}-inv{i}")];
        DateTimeOffset now = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(ids.Select((id, i) => system.KickoffAsync(Kickoffs.InvitedNow(id, $"{tag}i{i + 1}", Sizes.MembersPerNetwork, now), cancellationToken)));
        TimeSpan kickedOff = clock.Elapsed;
        await system.WaitForInvitationsAsync(ids, InvitationsPerNetwork, TimeSpan.FromMinutes(sizes.Quick ? 5 : 15), TimeSpan.FromMilliseconds(100), cancellationToken);
        TimeSpan elapsed = clock.Elapsed;
        await sampling.CancelAsync();
        await sampler;
        peak = Math.Max(peak, WorkingSet());

        double after = await NoopRateAsync(system, k, InvitationsPerNetwork, "after", cancellationToken);
        double baseline = (before + after) / 2;
        double rate = total / elapsed.TotalSeconds;

        var invitations = new Figure("invitations", Math.Round(rate, 2), "emails/s", Math.Round(baseline, 2),
            $"no-op activities/s on the same engine ({k} orchestrations x {InvitationsPerNetwork} activities, mean of before and after)", "higher", "ratio >= 1.0")
        {
            MeetsTarget = rate / baseline >= 1.0,
            Extra =
            {
                ["networks"] = k,
                ["emails"] = total,
                ["seconds"] = Math.Round(elapsed.TotalSeconds, 2),
                ["kickoffSeconds"] = Math.Round(kickedOff.TotalSeconds, 2),
                ["baselineBefore"] = Math.Round(before, 2),
                ["baselineAfter"] = Math.Round(after, 2),
            },
        };

        double peakMb = peak / 1024.0 / 1024.0, idleMb = idle / 1024.0 / 1024.0;
        var memory = new Figure("peak-memory-mb", Math.Round(peakMb, 1), "MB", Math.Round(idleMb, 1),
            "working set of the same process with the host idle, just before the kickoffs", "lower")
        {
            Extra =
            {
                ["sampledEveryMs"] = 50,
                ["vmHwmMb"] = VmHwmMb() is { } hwm ? Math.Round(hwm, 1) : "n/a",
                ["gcHeapMb"] = Math.Round(GC.GetTotalMemory(false) / 1024.0 / 1024.0, 1),
                ["note"] = "the host runs in the benchmark process; the figure includes the benchmark's own clients",
            },
        };
        return [invitations, memory];
    }

    /// <summary>No-op activities per second: <paramref name="instances"/> fan-outs of <paramref name="activities"/> each, started at once.</summary>
    static async Task<double> NoopRateAsync(LocalSystem system, int instances, int activities, string label, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        string[] ids = await Task.WhenAll(Enumerable.Range(1, instances).Select(i => system.Durable.ScheduleNewOrchestrationInstanceAsync(
            nameof(FloorFunctions.NoopFanOut), new FanOut(activities),
            new Microsoft.DurableTask.StartOrchestrationOptions($"{system.RunId}-noop-{label}-{i}"), cancellationToken)));
        await Task.WhenAll(ids.Select(id => system.WaitForCompletionAsync(id, TimeSpan.FromMinutes(5), TimeSpan.FromMilliseconds(100), cancellationToken)));
        return instances * activities / clock.Elapsed.TotalSeconds;
    }

    static long WorkingSet()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }

    /// <summary>The process's peak resident set (Linux <c>/proc/self/status</c> VmHWM), or null elsewhere.</summary>
    static double? VmHwmMb()
    {
        const string status = "/proc/self/status";
        if (!File.Exists(status))
        {
            return null;
        }

        string? line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is not null && long.TryParse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], out long kb) ? kb / 1024.0 : null;
    }
}
