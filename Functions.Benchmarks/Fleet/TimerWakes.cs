using System.Diagnostics;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using NetworkFunctions.Networks;

namespace NetworkFunctions.Benchmarks.Fleet;

/// <summary>
/// The timer wakes of a real calendar. A host of its own (same Azurite, same counting proxy, a task hub of its own)
/// runs with the worker's maximum timer interval compressed to seconds, so networks on a real calendar, sleeping weeks
/// from their next step, wake every few seconds exactly as they would every three days: the storage calls per wake are
/// counted (the calls above the same host's idle rate, over the TimerFired rows the window added). The wakes of a real
/// year come from the app's own timeline (<see cref="RealYearWakes"/>) at each interval.
/// </summary>
public static class TimerWakes
{
    /// <summary>The SDK's default maximum timer interval (<see cref="DurableTaskWorkerOptions.MaximumTimerInterval"/>).</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromDays(3);

    /// <summary>The longest interval that keeps a day's margin under Azure Storage's 7-day limit on a queue message's invisibility.</summary>
    public static readonly TimeSpan LongestSafeInterval = TimeSpan.FromDays(6);

    public static async Task<IReadOnlyList<Figure>> RunAsync(int proxyPort, string azuriteConnectionString, StorageCountingProxy proxy, FleetSizes sizes,
        double workCallsPerMeeting, Action<string> say, CancellationToken cancellationToken)
    {
        TimeSpan interval = sizes.CompressedTimerInterval;
        await using LocalSystem system = await LocalSystem.StartAsync(proxyPort, cancellationToken, ownsAzurite: true,
            services => services.ConfigureAll<DurableTaskWorkerOptions>(o => o.MaximumTimerInterval = interval));
        DirectStorage direct = DirectStorage.For(azuriteConnectionString, system);
        await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);

        StorageCount rest = proxy.Snapshot();
        await Task.Delay(sizes.IdleWindow, cancellationToken);
        double idlePerMinute = proxy.Snapshot().Minus(rest).Total / sizes.IdleWindow.TotalMinutes;

        string tag = system.RunId.ToLowerInvariant();
        DateTimeOffset now = DateTimeOffset.UtcNow;
        await Task.WhenAll(Enumerable.Range(1, sizes.WakeNetworks).Select(i => system.KickoffAsync(Kickoffs.RealYear($"{tag}-w{i}", $"{tag}w{i}", now), cancellationToken)));
        await direct.WaitUntilRunningAsync(sizes.WakeNetworks * 7, cancellationToken);

        int firedBefore = await direct.TimersFiredAsync(cancellationToken);
        StorageCount before = proxy.Snapshot();
        var clock = Stopwatch.StartNew();
        await Task.Delay(sizes.WakeWindow, cancellationToken);
        StorageCount window = proxy.Snapshot().Minus(before);
        TimeSpan elapsed = clock.Elapsed;
        int wakes = await direct.TimersFiredAsync(cancellationToken) - firedBefore;
        double callsPerWake = wakes == 0 ? double.NaN : Math.Max(0, window.Total - (idlePerMinute * elapsed.TotalMinutes)) / wakes;
        double expected = sizes.WakeNetworks * 6 * (elapsed / interval);
        say($"  timer wakes: {wakes} in {elapsed.TotalSeconds:0} s with the interval at {interval.TotalSeconds:0} s ({expected:0} if each fired on time), {window.Total} calls, idle {idlePerMinute:0}/min: {callsPerWake:0.0} calls per wake ({window.Top(6)})");

        TimeZoneInfo zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");
        IReadOnlyList<TimeSpan> waits = RealYearWakes.Waits(now, RealYearWakes.RealYear(now), ScheduleSettings.Default, zone);
        int Wakes(double days) => RealYearWakes.ExtraWakes(waits, TimeSpan.FromDays(days));
        int atDefault = Wakes(DefaultInterval.TotalDays), atSafe = Wakes(LongestSafeInterval.TotalDays);
        double workCalls = workCallsPerMeeting * 6;
        double wakeCalls = atDefault * callsPerWake;
        return
        [
            new Figure("storage-calls-per-timer-wake", Math.Round(callsPerWake, 2), "calls", 3,
                "the floor of a wake: take the timer's message, append its history, delete the message", "lower",
                "<= 2x floor (6 calls)", callsPerWake <= 6)
            {
                Extra =
                {
                    ["wakesCounted"] = wakes,
                    ["wakesIfOnTime"] = Math.Round(expected),
                    ["compressedIntervalSeconds"] = interval.TotalSeconds,
                    ["networks"] = sizes.WakeNetworks,
                    ["idleCallsPerMinute"] = Math.Round(idlePerMinute),
                    ["byOperation"] = window.Top(8),
                },
            },
            new Figure("timer-wakes-per-network-year", atDefault, "wakes", atSafe,
                $"the same year with the interval at {LongestSafeInterval.TotalDays:0} days (a day's margin under the queue's 7-day limit)", "lower",
                "wake calls <= the year's own work (6 meetings x storage-calls-per-network-year)", wakeCalls <= workCalls)
            {
                Extra =
                {
                    ["waits"] = waits.Count,
                    ["wakesAt1Day"] = Wakes(1),
                    ["wakesAt3Days"] = atDefault,
                    ["wakesAt5Days"] = Wakes(5),
                    ["wakesAt6Days"] = atSafe,
                    ["storageCallsPerYearAt3Days"] = Math.Round(wakeCalls),
                    ["storageCallsPerYearAt6Days"] = Math.Round(atSafe * callsPerWake),
                    ["workCallsPerYear"] = Math.Round(workCalls),
                    ["calendar"] = "six meetings, 45 days after kickoff and every 60 days; default schedule",
                },
            },
        ];
    }
}
