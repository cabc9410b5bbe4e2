using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using NetworkFunctions.Http;
using NetworkFunctions.Networks;
using NetworkFunctions.Validation;

namespace NetworkFunctions.Kickoff;

public sealed record KickoffAccepted(string NetworkId, string StatusUrl, IReadOnlyList<string> MissingDepartments);

/// <summary><c>POST /api/networks</c>: the director starts a network-year (SPEC sections 3 and 4).</summary>
public sealed class KickoffFunction(NetworkStarter starter, TimeProvider clock)
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
        (Network? parsed, FieldErrors errors) = KickoffParser.Parse(document.RootElement, clock.GetUtcNow(), MemberIds.New, MemberIds.NewSuffix);
        if (parsed is not { } network)
        {
            return Problems.Validation(errors, "The kickoff document is not valid.");
        }

        (StartOutcome outcome, OrchestrationRuntimeStatus? status) = await starter.StartAsync(client, network, cancellationToken);
        switch (outcome)
        {
            case StartOutcome.Running:
                return Problems.Conflict($"The network '{network.Id}' is already running.", "Change or remove networkId to start another network.");
            case StartOutcome.Ended:
                return Problems.Conflict($"The network '{network.Id}' already exists ({status}).", "Network ids are not reused; choose another networkId.");
            case StartOutcome.BeingStarted:
                return Problems.Conflict($"The network '{network.Id}' is being started.", "Another request started it a moment ago.");
            case StartOutcome.Unavailable:
                return Problems.Unavailable("The network could not be started just now.", "Nothing was started; send the same kickoff again in a minute.");
        }

        string statusUrl = $"{request.Scheme}://{request.Host}/api/networks/{network.Id}";
        return Results.Accepted(statusUrl, new KickoffAccepted(network.Id, statusUrl, network.MissingDepartments));
    }
}
