using System.Text.Json;
using Grpc.Core;
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
using NetworkFunctions.Validation;

namespace NetworkFunctions.Kickoff;

public sealed record KickoffAccepted(string NetworkId, string StatusUrl, IReadOnlyList<string> MissingDepartments);

/// <summary><c>POST /api/networks</c>: the director starts a network-year (SPEC sections 3 and 4).</summary>
public sealed class KickoffFunction(NetworkStore store, IOptions<PatienceOptions> patience, TimeProvider clock, ILogger<KickoffFunction> logger)
{
    /// <summary>A network document with no orchestration this long after its kickoff is left from a kickoff that stopped half-way.</summary>
    static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(1);

    [Function(nameof(KickOff))]
    public async Task<IResult> KickOff(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "networks")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        RequestBodies.Read<JsonDocument> body = await RequestBodies.ReadJsonAsync(request, RequestBodies.MaxJsonBytes, cancellationToken);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        using JsonDocument document = body.Value!;
        (Network? parsed, FieldErrors errors) = KickoffParser.Parse(document.RootElement, clock.GetUtcNow(), MemberIds.New, MemberIds.NewSuffix);
        if (parsed is not { } network)
        {
            return Problems.Validation(errors, "The kickoff document is not valid.");
        }

        try
        {
            if (await client.GetInstanceAsync(network.Id, cancellationToken) is { } existing)
            {
                return Exists(network.Id, existing.RuntimeStatus);
            }

            if (!await store.CreateNetworkAsync(network, cancellationToken) && !await TakeOverAbandonedAsync(network, cancellationToken))
            {
                return Problems.Conflict($"The network '{network.Id}' is being started.", "Another request started it a moment ago.");
            }

            await client.ScheduleNewOrchestrationInstanceAsync(
                Orchestrations.NetworkYear, new NetworkYear(network.Id, [.. network.Meetings.Select(m => m.Number)], patience.Value.ToPatience(), MeetingShapes.Current), new StartOrchestrationOptions(network.Id), cancellationToken);
        }
        catch (Exception e) when (e is InvalidOperationException or RpcException { StatusCode: StatusCode.AlreadyExists })
        {
            return Problems.Conflict($"The network '{network.Id}' is already running.", "Another request started it at the same moment.");
        }
        catch (Exception e) when (e is RpcException or Azure.RequestFailedException or HttpRequestException or TimeoutException)
        {
            logger.LogWarning(e, "Network {NetworkId} could not be kicked off now", network.Id);
            return Problems.Unavailable("The network could not be started just now.", "Nothing was started; send the same kickoff again in a minute.");
        }

        logger.LogInformation("Network {NetworkId} kicked off with {Members} members and {Meetings} meetings", network.Id, network.Members.Count, network.Meetings.Count);
        string statusUrl = $"{request.Scheme}://{request.Host}/api/networks/{network.Id}";
        return Results.Accepted(statusUrl, new KickoffAccepted(network.Id, statusUrl, network.MissingDepartments));
    }

    static IResult Exists(string networkId, OrchestrationRuntimeStatus status) =>
        status is OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Suspended
            ? Problems.Conflict($"The network '{networkId}' is already running.", "Change or remove networkId to start another network.")
            : Problems.Conflict($"The network '{networkId}' already exists ({status}).", "Network ids are not reused; choose another networkId.");

    /// <summary>
    /// A document exists but no orchestration: either another request is between its write and its start (leave it),
    /// or a kickoff stopped half-way a while ago (replace its document, on its ETag, and start).
    /// </summary>
    async Task<bool> TakeOverAbandonedAsync(Network network, CancellationToken cancellationToken) =>
        await store.LoadNetworkAsync(network.Id, cancellationToken) is var (stored, etag)
        && clock.GetUtcNow() - stored.KickedOffAt > AbandonedAfter
        && await store.SaveNetworkAsync(network, etag, cancellationToken);
}
