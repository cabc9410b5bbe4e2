using Grpc.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NetworkFunctions.Durable;
using NetworkFunctions.Networks;
using NetworkFunctions.Storage;

namespace NetworkFunctions.Kickoff;

/// <summary>How a start of a network went.</summary>
public enum StartOutcome
{
    Started,

    /// <summary>A network with the id is running (or about to).</summary>
    Running,

    /// <summary>A network with the id ran and ended; ids are not reused.</summary>
    Ended,

    /// <summary>Another request is between writing the document and starting the orchestration.</summary>
    BeingStarted,

    /// <summary>Storage or the durable engine did not answer; nothing was started.</summary>
    Unavailable,
}

/// <summary>
/// Starts a validated network: writes its document (once: a second start of the same id is told apart from a kickoff
/// that stopped half-way, whose document is taken over) and schedules its year. Shared by the JSON kickoff and the
/// console, so both start a network the same way.
/// </summary>
public sealed class NetworkStarter(NetworkStore store, IOptions<PatienceOptions> patience, TimeProvider clock, ILogger<NetworkStarter> logger)
{
    /// <summary>A network document with no orchestration this long after its kickoff is left from a kickoff that stopped half-way.</summary>
    static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(1);

    public async Task<(StartOutcome Outcome, OrchestrationRuntimeStatus? Status)> StartAsync(DurableTaskClient client, Network network, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(network);
        try
        {
            if (await client.GetInstanceAsync(network.Id, cancellationToken) is { } existing)
            {
                return existing.RuntimeStatus is OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Suspended
                    ? (StartOutcome.Running, existing.RuntimeStatus)
                    : (StartOutcome.Ended, existing.RuntimeStatus);
            }

            if (!await store.CreateNetworkAsync(network, cancellationToken) && !await TakeOverAbandonedAsync(network, cancellationToken))
            {
                return (StartOutcome.BeingStarted, null);
            }

            await client.ScheduleNewOrchestrationInstanceAsync(
                Orchestrations.NetworkYear,
                new NetworkYear(network.Id, [.. network.Meetings.Select(m => m.Number)], patience.Value.ToPatience(), MeetingShapes.Current),
                new StartOrchestrationOptions(network.Id),
                cancellationToken);
        }
        catch (Exception e) when (e is InvalidOperationException or RpcException { StatusCode: StatusCode.AlreadyExists })
        {
            return (StartOutcome.Running, null);
        }
        catch (Exception e) when (e is RpcException or Azure.RequestFailedException or HttpRequestException or TimeoutException)
        {
            logger.LogWarning(e, "Network {NetworkId} could not be kicked off now", network.Id);
            return (StartOutcome.Unavailable, null);
        }

        logger.LogInformation("Network {NetworkId} kicked off with {Members} members and {Meetings} meetings", network.Id, network.Members.Count, network.Meetings.Count);
        return (StartOutcome.Started, null);
    }

    /// <summary>
    /// A document exists but no orchestration: either another request is between its write and its start (leave it),
    /// or a kickoff stopped half-way a while ago (replace its document, on its ETag, and start).
    /// </summary>
    async Task<bool> TakeOverAbandonedAsync(Network network, CancellationToken cancellationToken) =>
        await store.LoadNetworkAsync(network.Id, cancellationToken) is var (stored, etag)
        && clock.GetUtcNow() - stored.KickedOffAt > AbandonedAfter
        && await store.SaveNetworkAsync(network, etag, cancellationToken);
}
