using System.Collections.Concurrent;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace NetworkFunctions.Local.Functions;

/// <summary>
/// Runs a timer-triggered function once, as the Functions host does: a new DI scope, a <see cref="TimerInfo"/> with
/// <c>IsPastDue = false</c>, and a failure logged instead of thrown. The schedule loop waits for each run; the admin API
/// starts one in the background and answers at once, as Azure's <c>POST /admin/functions/{name}</c> does.
/// </summary>
public sealed class TimerInvoker(
    IServiceProvider services,
    IConfiguration configuration,
    TimeProvider clock,
    IHostApplicationLifetime lifetime,
    ILogger<TimerInvoker> logger) : IAsyncDisposable
{
    /// <summary>How long stopping the host waits for on-demand runs that are still going (they have been cancelled).</summary>
    static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(5);

    readonly ConcurrentDictionary<Task, bool> running = new();

    /// <summary>Runs the function now and returns when it is done; the time of this run is the next run's <c>Last</c>.</summary>
    public async Task<DateTimeOffset> InvokeAsync(FunctionDescriptor function, DateTimeOffset? last, CancellationToken cancellationToken)
    {
        DateTimeOffset now = clock.GetUtcNow();
        TimerSchedule schedule = TimerFunctionService.ScheduleOf(function, configuration);
        var info = new TimerInfo
        {
            IsPastDue = false,
            ScheduleStatus = new ScheduleStatus
            {
                Last = (last ?? now).UtcDateTime,
                Next = (schedule.NextAfter(now) ?? now).UtcDateTime,
                LastUpdated = now.UtcDateTime,
            },
        };

        try
        {
            await using AsyncServiceScope scope = services.CreateAsyncScope();
            await FunctionInvoker.InvokeAsync(function, new InvocationContext(scope.ServiceProvider, cancellationToken) { Timer = info });
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(e, "Timer function {Function} failed", function.Name);
        }

        return now;
    }

    /// <summary>Starts one run in the background and returns; the run is cancelled when the host stops and never faults.</summary>
    public void StartInBackground(FunctionDescriptor function)
    {
        logger.LogInformation("Timer function {Function} runs on demand (admin API)", function.Name);
        CancellationToken stopping = lifetime.ApplicationStopping;
        Task run = Task.Run(async () =>
        {
            try
            {
                await InvokeAsync(function, last: null, stopping);
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Timer function {Function} was stopped with the host", function.Name);
            }
        }, CancellationToken.None);
        running[run] = true;
        _ = run.ContinueWith(done => running.TryRemove(done, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Lets on-demand runs finish their cancellation before the engine and storage they use go away.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await Task.WhenAll(running.Keys).WaitAsync(DrainTimeout);
        }
        catch (TimeoutException)
        {
            logger.LogWarning("{Count} on-demand timer runs were still going when the host stopped", running.Count);
        }
    }
}
