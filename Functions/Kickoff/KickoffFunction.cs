using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using NetworkFunctions.Http;
using NetworkFunctions.Meetings;
using NetworkFunctions.Networks;
using NetworkFunctions.Storage;
using NetworkFunctions.Validation;

namespace NetworkFunctions.Kickoff;

public sealed record KickoffAccepted(string NetworkId, string StatusUrl, IReadOnlyList<string> MissingDepartments);

/// <summary><c>POST /api/networks</c>: the director starts a network-year (SPEC sections 3 and 4).</summary>
public sealed class KickoffFunction(NetworkStore store, TimeProvider clock, ILogger<KickoffFunction> logger)
{
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
        (Network? parsed, FieldErrors errors) = KickoffParser.Parse(document.RootElement, clock.GetUtcNow(), NewMemberId, NewSuffix);
        if (parsed is not { } network)
        {
            return Problems.Validation(errors, "The kickoff document is not valid.");
        }

        if (await client.GetInstanceAsync(network.Id, cancellationToken) is { } existing)
        {
            return existing.IsRunning || existing.RuntimeStatus == OrchestrationRuntimeStatus.Pending
                ? Problems.Conflict($"The network '{network.Id}' is already running.", "Change or remove networkId to start another network.")
                : Problems.Conflict($"The network '{network.Id}' already exists ({existing.RuntimeStatus}).", "Network ids are not reused; choose another networkId.");
        }

        // No instance exists, so a document left under this id can only be from a kickoff that stopped half-way.
        await store.SaveNetworkAsync(network, null, cancellationToken);
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(
                nameof(NetworkOrchestrator), new NetworkYear(network.Id, network.Meetings.Select(m => m.Number).ToArray()), new StartOrchestrationOptions(network.Id), cancellationToken);
        }
        catch (Exception e) when (e is InvalidOperationException or Grpc.Core.RpcException)
        {
            logger.LogWarning(e, "Network {NetworkId} could not be scheduled", network.Id);
            return Problems.Conflict($"The network '{network.Id}' is already running.", "Another request started it at the same moment.");
        }
        logger.LogInformation("Network {NetworkId} kicked off with {Members} members and {Meetings} meetings", network.Id, network.Members.Count, network.Meetings.Count);

        string statusUrl = $"{request.Scheme}://{request.Host}/api/networks/{network.Id}";
        return Results.Accepted(statusUrl, new KickoffAccepted(network.Id, statusUrl, network.MissingDepartments));
    }

    /// <summary>An opaque member id: 12 random base-32 characters, no personal data in it.</summary>
    internal static string NewMemberId() => "m" + RandomText(12);

    static string NewSuffix() => RandomText(6);

    static string RandomText(int length) =>
        RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz234567", length);
}
