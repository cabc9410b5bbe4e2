using System.Diagnostics;

namespace NetworkFunctions.Benchmarks;

/// <summary>What a closed-loop run measured: operations that succeeded per second and their latencies.</summary>
public sealed record LoopResult(int Succeeded, int Errors, TimeSpan Elapsed, double[] LatenciesMs, string? FirstError)
{
    public double PerSecond => Succeeded / Elapsed.TotalSeconds;

    public double Percentile(double p)
    {
        if (LatenciesMs.Length == 0)
        {
            return double.NaN;
        }

        double[] sorted = [.. LatenciesMs.Order()];
        int index = (int)Math.Ceiling(p / 100 * sorted.Length) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Length - 1)];
    }
}

/// <summary>
/// A closed loop: <c>clients</c> workers, each starting its next operation when the previous one ended, for a fixed
/// time (bounded: it stops by itself). An operation that throws or answers false is an error.
/// </summary>
public static class ClosedLoop
{
    public static async Task<LoopResult> RunAsync(int clients, TimeSpan duration, Func<int, long, CancellationToken, Task<bool>> operation, CancellationToken cancellationToken)
    {
        var latencies = new List<double>[clients];
        int succeeded = 0, errors = 0;
        string? firstError = null;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            var mine = latencies[client] = [];
            for (long i = 0; clock.Elapsed < duration && !cancellationToken.IsCancellationRequested; i++)
            {
                long started = Stopwatch.GetTimestamp();
                bool ok;
                try
                {
                    ok = await operation(client, i, cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    Interlocked.CompareExchange(ref firstError, $"{e.GetType().Name}: {e.Message}", null);
                    ok = false;
                }

                if (ok)
                {
                    mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    Interlocked.Increment(ref succeeded);
                }
                else
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }, cancellationToken)));
        clock.Stop();
        return new LoopResult(succeeded, errors, clock.Elapsed, [.. latencies.SelectMany(l => l)], firstError);
    }
}
