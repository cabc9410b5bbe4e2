using System.Collections;
using System.Reflection;
using DurableTask.Core;
using DurableTask.Core.History;

namespace NetworkFunctions.Local.Durable;

/// <summary>
/// Forwards every call to the real storage provider after normalising two things the gRPC sidecar
/// (Microsoft.DurableTask.InProcessTestHost 0.2.3-preview.1) hands over that the AzureStorage provider cannot persist:
/// <list type="number">
/// <item>its own subclass of <see cref="SubOrchestrationInstanceCreatedEvent"/>, which AzureStorage writes without an
/// <c>EventType</c> column, so the parent orchestration can never be loaded again;</item>
/// <item><c>Tags</c> dictionaries of Google.Protobuf's <c>MapField</c> type, whose type name AzureStorage writes into queue
/// messages and cannot resolve when reading them back.</item>
/// </list>
/// Both are replaced by their plain DurableTask.Core equivalents with the same values.
/// A third defect: the sidecar stops the provider from an <c>async void</c> handler when the host stops; AzureStorage
/// throws there if it was never started (a stop soon after start), which ends the process before it can clean up.
/// A stop without a start is skipped, and a failing stop is swallowed: the host is going away either way.
/// </summary>
public class SidecarCompatibilityProxy : DispatchProxy
{
    object target = null!;
    int started;

    public static IOrchestrationBackend Wrap<T>(T backend)
        where T : IOrchestrationService, IOrchestrationServiceClient, DurableTask.Core.Query.IOrchestrationServiceQueryClient, IOrchestrationServicePurgeClient
    {
        IOrchestrationBackend proxy = Create<IOrchestrationBackend, SidecarCompatibilityProxy>();
        ((SidecarCompatibilityProxy)(object)proxy).target = backend;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (args is not null)
        {
            foreach (object? argument in args)
            {
                Normalise(argument);
            }
        }

        bool stopping = targetMethod.Name == nameof(IOrchestrationService.StopAsync) && targetMethod.DeclaringType == typeof(IOrchestrationService);
        if (targetMethod.Name == nameof(IOrchestrationService.StartAsync) && targetMethod.DeclaringType == typeof(IOrchestrationService))
        {
            Interlocked.Exchange(ref started, 1);
        }
        else if (stopping && Volatile.Read(ref started) == 0)
        {
            return Task.CompletedTask;
        }

        try
        {
            object? result = targetMethod.Invoke(target, args);
            return stopping && result is Task stop ? StopQuietlyAsync(stop) : result;
        }
        catch (TargetInvocationException) when (stopping)
        {
            return Task.CompletedTask;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
    }

    static async Task StopQuietlyAsync(Task stop)
    {
        try
        {
            await stop;
        }
        catch (Exception e) when (e is NullReferenceException or InvalidOperationException or OperationCanceledException or ObjectDisposedException)
        {
            // The provider was still starting; there is nothing of it to stop.
        }
    }

    /// <summary>Fixes, in place, any history event or task message reachable from a call argument.</summary>
    internal static void Normalise(object? value)
    {
        switch (value)
        {
            case null or string:
                return;
            case OrchestrationRuntimeState state:
                NormaliseEvents(state.Events);
                NormaliseEvents(state.NewEvents);
                NormaliseEvents(state.PastEvents);
                return;
            case TaskOrchestrationWorkItem workItem:
                Normalise(workItem.OrchestrationRuntimeState);
                Normalise(workItem.NewMessages);
                return;
            case TaskMessage message:
                message.Event = NormaliseEvent(message.Event);
                return;
            case HistoryEvent historyEvent:
                NormaliseEvent(historyEvent);
                return;
            case IEnumerable sequence:
                foreach (object? item in sequence)
                {
                    if (item is TaskMessage or OrchestrationRuntimeState)
                    {
                        Normalise(item);
                    }
                }

                return;
        }
    }

    static void NormaliseEvents(IList<HistoryEvent>? events)
    {
        if (events is null || events.IsReadOnly)
        {
            return;
        }

        for (int i = 0; i < events.Count; i++)
        {
            HistoryEvent normalised = NormaliseEvent(events[i]);
            if (!ReferenceEquals(normalised, events[i]))
            {
                events[i] = normalised;
            }
        }
    }

    internal static HistoryEvent NormaliseEvent(HistoryEvent historyEvent)
    {
        switch (historyEvent)
        {
            case SubOrchestrationInstanceCreatedEvent created when created.GetType() != typeof(SubOrchestrationInstanceCreatedEvent):
                return new SubOrchestrationInstanceCreatedEvent(created.EventId)
                {
                    Name = created.Name,
                    Version = created.Version,
                    InstanceId = created.InstanceId,
                    Input = created.Input,
                    ClientSpanId = created.ClientSpanId,
                    Tags = PlainTags(created.Tags),
                    Timestamp = created.Timestamp,
                    IsPlayed = created.IsPlayed,
                };
            case SubOrchestrationInstanceCreatedEvent created:
                created.Tags = PlainTags(created.Tags);
                return created;
            case ExecutionStartedEvent started:
                started.Tags = PlainTags(started.Tags);
                return started;
            default:
                return historyEvent;
        }
    }

    static IDictionary<string, string>? PlainTags(IDictionary<string, string>? tags) =>
        tags is null or Dictionary<string, string> ? tags : new Dictionary<string, string>(tags);
}
