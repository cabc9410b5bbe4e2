using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using NetworkFunctions.Http;
using NetworkFunctions.Durable;
using NetworkFunctions.Networks;
using NetworkFunctions.Storage;
using NetworkFunctions.Validation;

namespace NetworkFunctions.Changes;

public sealed partial class ChangeFunctions
{
    [Function(nameof(AddMember))]
    public async Task<IResult> AddMember(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "networks/{networkId}/members")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string networkId,
        CancellationToken cancellationToken)
    {
        RequestBodies.Read<JsonDocument> body = await RequestBodies.ReadJsonAsync(request, 16 * 1024, cancellationToken);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        using JsonDocument document = body.Value!;
        return await EditNetworkAsync(networkId, "The network changed while the member was added; try again.", network =>
        {
            (NewMember? added, FieldErrors errors) = ChangeRequests.ReadMember(document.RootElement, network);
            if (added is null)
            {
                return NetworkEdit.Refuse(Problems.Validation(errors, "The member is not valid."));
            }

            var member = new Member(MemberIds.New(), added.Name, added.Email, added.Department, clock.GetUtcNow());
            return NetworkEdit.Save(network with { Members = [.. network.Members, member] }, async joined =>
            {
                logger.LogInformation("Member {MemberId} joined network {NetworkId}", member.Id, networkId);
                if (LateInvitations.Open(joined, clock.GetUtcNow()).Count > 0)
                {
                    await InviteAtOnceAsync(client, new MemberJoined(networkId, member.Id), cancellationToken);
                }

                return Results.Created(
                    $"{request.Scheme}://{request.Host}/api/networks/{networkId}/members/{Uri.EscapeDataString(member.Email)}",
                    new MemberAdded(member.Id, member.Name, member.Email, member.Department));
            });
        }, cancellationToken);
    }

    [Function(nameof(RemoveMember))]
    public async Task<IResult> RemoveMember(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = "networks/{networkId}/members/{email}")] HttpRequest request,
        string networkId,
        string email,
        CancellationToken cancellationToken) =>
        // The erasure does not take the request's cancellation: once journaled, it finishes even if the caller goes.
        await erasure.EraseAsync(networkId, email) switch
        {
            ErasureOutcome.NoNetwork => Problems.NotFound("The network"),
            ErasureOutcome.NoMember => Problems.NotFound("The member"),
            ErasureOutcome.Erased => Results.NoContent(),
            _ => Results.Accepted(),
        };

    [Function(nameof(ExportMember))]
    public async Task<IResult> ExportMember(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "networks/{networkId}/members/{email}")] HttpRequest request,
        string networkId,
        string email,
        CancellationToken cancellationToken)
    {
        if (await store.LoadNetworkAsync(networkId, cancellationToken) is not var (network, _))
        {
            return Problems.NotFound("The network");
        }

        return network.FindMemberByEmail(email) is { } member
            ? Results.Json(await memberData.ExportAsync(network, member, cancellationToken), DocumentJson.Options)
            : Problems.NotFound("The member");
    }
    /// <summary>
    /// Starts the invitations of a member who joined while a meeting's form is open. The member is saved whatever
    /// happens here; if the engine cannot be reached, the operator's alert says so (the meeting's next steps reach
    /// only those invited).
    /// </summary>
    async Task InviteAtOnceAsync(DurableTaskClient client, MemberJoined joined, CancellationToken cancellationToken)
    {
        if (await WithRetriesAsync(() => client.ScheduleNewOrchestrationInstanceAsync(
                Orchestrations.MemberJoined, joined, new StartOrchestrationOptions(joined.InstanceId), cancellationToken), cancellationToken) is { } failure)
        {
            logger.LogError(LogEvents.StepMissed, failure, "Member {MemberId} of {NetworkId} joined but could not be invited to the meetings still open", joined.MemberId, joined.NetworkId);
        }
    }
}
