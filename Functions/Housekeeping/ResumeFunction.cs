using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NetworkFunctions.Durable;
using NetworkFunctions.Http;
using NetworkFunctions.Networks;
using NetworkFunctions.Storage;

namespace NetworkFunctions.Housekeeping;

/// <summary>What a resume started again: instance ids only.</summary>
public sealed record ResumeAccepted(string NetworkId, IReadOnlyList<string> Resumed);

/// <summary>
/// <c>POST /api/networks/{networkId}/resume</c>: starts again the processes of a network that failed or were
/// terminated, including on earlier builds, without sending anything twice (every mail is keyed by its sent record).
/// A failed meeting starts again on its own; a failed network-year starts again with only its failed meetings, so
/// the year ends with its report. 409 with the reason where there is nothing to resume or it must wait.
/// </summary>
public sealed class ResumeFunction(NetworkStore store, IOptions<PatienceOptions> patience, ILogger<ResumeFunction> logger)
{
    [Function(nameof(ResumeNetwork))]
    public async Task<IResult> ResumeNetwork(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "networks/{networkId}/resume")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string networkId,
        CancellationToken cancellationToken) =>
        await ResumeAsync(client, networkId, $"{request.Scheme}://{request.Host}/api/networks/{networkId}", cancellationToken);

    /// <summary>Resumes what stopped of the network: the API's and the console's one way to do it.</summary>
    public async Task<IResult> ResumeAsync(DurableTaskClient client, string networkId, string statusUrl, CancellationToken cancellationToken)
    {
        if (await store.LoadNetworkAsync(networkId, cancellationToken) is not { Network: var network })
        {
            return Problems.NotFound("The network");
        }

        InstanceSnapshot year = await InstanceReader.ReadAsync(client, InstanceIds.Network(networkId), cancellationToken);
        var meetings = new Dictionary<int, InstanceSnapshot>();
        foreach (Meeting meeting in network.Meetings)
        {
            meetings[meeting.Number] = await InstanceReader.ReadAsync(client, InstanceIds.Meeting(networkId, meeting.Number), cancellationToken);
        }

        int[] stopped = [.. meetings.Where(m => Stopped(m.Value)).Select(m => m.Key)];
        bool yearStopped = Stopped(year) || year.Instance is null;
        if (!yearStopped && stopped.Length == 0)
        {
            return Problems.Conflict("There is nothing to resume.", $"The network-year is {year.Instance?.RuntimeStatus} and no meeting has failed.");
        }

        if (yearStopped && meetings.Values.Any(m => m.Instance is { RuntimeStatus: OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Suspended }))
        {
            return Problems.Conflict("The network-year cannot be resumed while meetings still run.", "Resume it once they have finished; they go on by themselves meanwhile.");
        }

        var resumed = new List<string>();
        try
        {
            if (yearStopped)
            {
                // The year starts again with only the meetings that failed (or never started): they run again, the rest are done,
                // and the report follows.
                int[] again = [.. meetings.Where(m => Stopped(m.Value) || m.Value.Instance is null).Select(m => m.Key)];
                await client.ScheduleNewOrchestrationInstanceAsync(Orchestrations.NetworkYear, new NetworkYear(networkId, again, patience.Value.ToPatience(), MeetingShapes.Current),
                    new StartOrchestrationOptions(InstanceIds.Network(networkId)), cancellationToken);
                resumed.Add(InstanceIds.Network(networkId));
                resumed.AddRange(again.Select(n => InstanceIds.Meeting(networkId, n)));
            }
            else
            {
                foreach (int number in stopped)
                {
                    await client.ScheduleNewOrchestrationInstanceAsync(Orchestrations.Meeting, new MeetingRef(networkId, number, MeetingShapes.Current),
                        new StartOrchestrationOptions(InstanceIds.Meeting(networkId, number)), cancellationToken);
                    resumed.Add(InstanceIds.Meeting(networkId, number));
                }
            }
        }
        catch (Exception e) when (e is Grpc.Core.RpcException or InvalidOperationException)
        {
            logger.LogWarning(e, "Network {NetworkId} could not be resumed now", networkId);
            return Problems.Unavailable("The network could not be resumed just now.", "Send the resume again in a minute.");
        }

        logger.LogInformation(LogEvents.NetworkResumed, "Network {NetworkId} resumed: {Instances}", networkId, string.Join(", ", resumed));
        return Results.Accepted(statusUrl, new ResumeAccepted(networkId, resumed));
    }

    static bool Stopped(InstanceSnapshot snapshot) =>
        snapshot.Instance?.RuntimeStatus is OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated;
}
