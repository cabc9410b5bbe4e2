using System.Globalization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NetworkFunctions.Changes;
using NetworkFunctions.Email;
using NetworkFunctions.Durable;
using NetworkFunctions.Networks;
using NetworkFunctions.Storage;
using NetworkFunctions.Telemetry;

namespace NetworkFunctions.Housekeeping;

/// <summary>
/// Daily at 03:00 UTC: purges the personal data of networks that ended longer ago than the retention period (blobs
/// and orchestration history), and mails the consultant about failed or stuck orchestration instances.
/// </summary>
public sealed class HousekeepingFunction(
    NetworkStore store,
    MemberErasure erasure,
    Mailer mailer,
    EmailComposer composer,
    IOptions<NetworkOptions> options,
    TimeProvider clock,
    ILogger<HousekeepingFunction> logger)
{
    [Function(nameof(Housekeeping))]
    public async Task Housekeeping(
        [TimerTrigger("0 0 3 * * *")] TimerInfo timer,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        DateTimeOffset now = clock.GetUtcNow();
        var open = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (string networkId in await store.ListNetworkIdsAsync(cancellationToken))
        {
            try
            {
                await TendAsync(client, networkId, now, cancellationToken);
                foreach (Attention item in await store.LoadAttentionAsync(networkId, cancellationToken))
                {
                    open[item.Kind] = open.GetValueOrDefault(item.Kind) + 1;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Housekeeping of network {NetworkId} failed", networkId);
            }
        }

        // Every kind, so one that was open yesterday and is not today reads 0 rather than its last value.
        foreach (string kind in AttentionKinds.All)
        {
            NetworkTelemetry.AttentionOpen(kind, open.GetValueOrDefault(kind));
        }
    }

    async Task TendAsync(DurableTaskClient client, string networkId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await store.LoadNetworkAsync(networkId, cancellationToken) is not var (network, _))
        {
            return;
        }

        // An erasure whose request died half-way is finished first.
        if (await erasure.CompleteAllAsync(networkId) is > 0 and var finished)
        {
            logger.LogInformation("Housekeeping finished {Count} erasures of network {NetworkId}", finished, networkId);
            network = await store.RequireNetworkAsync(networkId, cancellationToken);
        }

        InstanceFacts networkFacts = await FactsAsync(client, networkId, cancellationToken);
        if (HousekeepingRules.ShouldPurge(networkFacts.State, network.EndsAt, options.Value.RetentionDays, now))
        {
            await PurgeAsync(client, network, cancellationToken);
            return;
        }

        var facts = new List<InstanceFacts> { networkFacts };
        foreach (Meeting meeting in network.Meetings)
        {
            facts.Add(await FactsAsync(client, InstanceIds.Meeting(networkId, meeting.Number), cancellationToken));
        }

        IReadOnlyList<InstanceProblem> problems = HousekeepingRules.Problems(facts, now);
        if (problems.Count == 0)
        {
            return;
        }

        logger.LogWarning("Network {NetworkId} has {Count} failed or stuck instances", networkId, problems.Count);
        DetailRow[] rows = [.. problems.Select(p => new DetailRow(p.InstanceId, p.Problem))];
        int day = int.Parse(now.ToString("yyyyMMdd", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        await mailer.SendOnceAsync(composer.ConsultantNotice(network, "housekeeping", rows,
            new MailKey(networkId, MailKinds.NetworkWide, "housekeeping", MailKinds.Consultant, day)), cancellationToken);
    }

    /// <summary>
    /// The personal data first, then the orchestration history, and last the network document: housekeeping finds a
    /// network by that document, so a purge cut short by a storage error is found and finished by the next run. An
    /// instance that cannot be purged is logged and does not hold the documents back.
    /// </summary>
    async Task PurgeAsync(DurableTaskClient client, Network network, CancellationToken cancellationToken)
    {
        int documents = await store.DeleteNetworkDocumentsAsync(network.Id, cancellationToken);
        int instances = 0;
        foreach (string instanceId in InstanceIds.All(network.Id, network.Meetings.Select(m => m.Number)))
        {
            try
            {
                instances += (await client.PurgeInstanceAsync(instanceId, cancellation: cancellationToken)).PurgedInstanceCount;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Retention: instance {InstanceId} could not be purged", instanceId);
            }
        }

        await store.DeleteNetworkAsync(network.Id, cancellationToken);
        logger.LogInformation("Retention: purged network {NetworkId} ({Documents} documents, {Instances} instances)", network.Id, documents + 1, instances);
    }

    static async Task<InstanceFacts> FactsAsync(DurableTaskClient client, string instanceId, CancellationToken cancellationToken)
    {
        (OrchestrationMetadata? instance, MeetingStatus? status) = await InstanceReader.ReadAsync(client, instanceId, cancellationToken);
        if (instance is null)
        {
            return new InstanceFacts(instanceId, InstanceState.Missing, DateTimeOffset.MinValue, null);
        }

        InstanceState state = instance.RuntimeStatus switch
        {
            OrchestrationRuntimeStatus.Pending => InstanceState.Pending,
            OrchestrationRuntimeStatus.Completed => InstanceState.Completed,
            OrchestrationRuntimeStatus.Failed => InstanceState.Failed,
            OrchestrationRuntimeStatus.Terminated => InstanceState.Terminated,
            _ => InstanceState.Running,
        };
        return new InstanceFacts(instanceId, state, instance.LastUpdatedAt, status);
    }
}
