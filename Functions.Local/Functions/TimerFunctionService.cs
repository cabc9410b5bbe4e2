using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace NetworkFunctions.Local.Functions;

/// <summary>Runs the timer-triggered functions on their schedules (and once at start for <c>RunOnStartup</c>).</summary>
public sealed class TimerFunctionService(
    FunctionCatalog catalog,
    IConfiguration configuration,
    TimerInvoker invoker,
    TimeProvider clock) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(catalog.OfKind(TriggerKind.Timer).Select(f => RunScheduleAsync(f, stoppingToken)));

    /// <summary>Resolves <c>%Setting%</c> references the way the Functions host does.</summary>
    public static TimerSchedule ScheduleOf(FunctionDescriptor function, IConfiguration configuration)
    {
        string schedule = ((TimerTriggerAttribute)function.TriggerAttribute).Schedule;
        if (schedule.Length > 2 && schedule.StartsWith('%') && schedule.EndsWith('%'))
        {
            string key = schedule[1..^1];
            schedule = configuration[key] ?? throw new FunctionHostingException($"{function.Name}: the schedule setting '{key}' is not configured.");
        }

        return TimerSchedule.Parse(schedule);
    }

    async Task RunScheduleAsync(FunctionDescriptor function, CancellationToken stoppingToken)
    {
        TimerSchedule schedule = ScheduleOf(function, configuration);
        var trigger = (TimerTriggerAttribute)function.TriggerAttribute;
        DateTimeOffset? last = null;
        if (trigger.RunOnStartup)
        {
            last = await invoker.InvokeAsync(function, last, stoppingToken);
        }

        while (!stoppingToken.IsCancellationRequested && schedule.NextAfter(clock.GetUtcNow()) is { } next)
        {
            TimeSpan wait = next - clock.GetUtcNow();
            try
            {
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, clock, stoppingToken);
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }

            last = await invoker.InvokeAsync(function, last, stoppingToken);
        }
    }
}
