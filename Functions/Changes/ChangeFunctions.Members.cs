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
        return await AddMemberAsync(client, networkId, document.RootElement, $"{request.Scheme}://{request.Host}/api/networks/{networkId}/members", cancellationToken);
    }

    /// <summary>Adds the member <paramref name="body"/> (the POST's JSON) describes; <paramref name="membersUrl"/> is where the new member's address starts.</summary>
    public async Task<IResult> AddMemberAsync(DurableTaskClient client, string networkId, JsonElement body, string membersUrl, CancellationToken cancellationToken) =>
        await EditNetworkAsync(networkId, "The network changed while the member was added; try again.", network =>
        {
            (NewMember? added, FieldErrors errors) = ChangeRequests.ReadMember(body, network);
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

                return Results.Created($"{membersUrl}/{member.Id}", new MemberAdded(member.Id, member.Name, member.Email, member.Department));
            });
        }, cancellationToken);

    /// <summary>Every member with their opaque id, so the member routes can be called without an address in the URL.</summary>
    [Function(nameof(ListMembers))]
    public async Task<IResult> ListMembers(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "networks/{networkId}/members")] HttpRequest request,
        string networkId,
        CancellationToken cancellationToken) =>
        await store.LoadNetworkAsync(networkId, cancellationToken) is var (network, _)
            ? Results.Json(new MemberList(network.Id, network.Members), DocumentJson.Options)
            : Problems.NotFound("The network");

    /// <summary>Corrects a member's name, address or department; what they answered stays, and the steps still to come use the new values.</summary>
    [Function(nameof(EditMember))]
    public async Task<IResult> EditMember(
        [HttpTrigger(AuthorizationLevel.Function, "patch", Route = "networks/{networkId}/members/{memberId}")] HttpRequest request,
        string networkId,
        string memberId,
        CancellationToken cancellationToken)
    {
        if (NotAMemberId(memberId) is { } refused)
        {
            return refused;
        }

        RequestBodies.Read<JsonDocument> body = await RequestBodies.ReadJsonAsync(request, 16 * 1024, cancellationToken);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        using JsonDocument document = body.Value!;
        return await EditMemberAsync(networkId, memberId, document.RootElement, cancellationToken);
    }

    /// <summary>Corrects the member as <paramref name="body"/> (the PATCH's JSON) says.</summary>
    public async Task<IResult> EditMemberAsync(string networkId, string memberId, JsonElement body, CancellationToken cancellationToken) =>
        NotAMemberId(memberId) ?? await EditNetworkAsync(networkId, "The network changed while the member was corrected; try again.", network =>
        {
            if (network.FindMember(memberId) is not { } member)
            {
                return NetworkEdit.Refuse(Problems.NotFound("The member"));
            }

            (MemberEdit? edit, FieldErrors errors) = ChangeRequests.ReadMemberEdit(body, network, member);
            if (edit is null)
            {
                return NetworkEdit.Refuse(Problems.Validation(errors, "The correction is not valid."));
            }

            Member corrected = edit.ApplyTo(member);
            return NetworkEdit.Save(network with { Members = [.. network.Members.Select(m => m.Id == memberId ? corrected : m)] }, async _ =>
            {
                logger.LogInformation("Member {MemberId} of network {NetworkId} corrected", memberId, networkId);
                if (!string.Equals(corrected.Email, member.Email, StringComparison.OrdinalIgnoreCase))
                {
                    // A new address: what SendGrid reported about the old one no longer applies.
                    await store.ClearAttentionAsync(networkId, AttentionKinds.MailUndeliverable, null, memberId, cancellationToken);
                }

                return Results.Json(corrected, DocumentJson.Options);
            });
        }, cancellationToken);

    [Function(nameof(RemoveMember))]
    public async Task<IResult> RemoveMember(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = "networks/{networkId}/members/{memberId}")] HttpRequest request,
        string networkId,
        string memberId,
        CancellationToken cancellationToken) =>
        await RemoveMemberAsync(networkId, memberId);

    /// <summary>Removes the member and erases what they gave: 204 when done, 202 when the erasure goes on by itself.</summary>
    public async Task<IResult> RemoveMemberAsync(string networkId, string memberId) =>
        NotAMemberId(memberId) ?? await erasure.EraseAsync(networkId, memberId) switch
        {
            // The erasure does not take the request's cancellation: once journaled, it finishes even if the caller goes.
            ErasureOutcome.NoNetwork => Problems.NotFound("The network"),
            ErasureOutcome.NoMember => Problems.NotFound("The member"),
            ErasureOutcome.Erased => Results.NoContent(),
            _ => Results.Accepted(),
        };

    [Function(nameof(ExportMember))]
    public async Task<IResult> ExportMember(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "networks/{networkId}/members/{memberId}")] HttpRequest request,
        string networkId,
        string memberId,
        CancellationToken cancellationToken) =>
        await ExportMemberAsync(networkId, memberId, cancellationToken);

    /// <summary>Everything held about the member (right of access), as JSON.</summary>
    public async Task<IResult> ExportMemberAsync(string networkId, string memberId, CancellationToken cancellationToken)
    {
        if (NotAMemberId(memberId) is { } refused)
        {
            return refused;
        }

        if (await store.LoadNetworkAsync(networkId, cancellationToken) is not var (network, _))
        {
            return Problems.NotFound("The network");
        }

        return network.FindMember(memberId) is { } member
            ? Results.Json(await memberData.ExportAsync(network, member, cancellationToken), DocumentJson.Options)
            : Problems.NotFound("The member");
    }

    /// <summary>
    /// Members are addressed by their opaque id: an address in a URL ends up in request logs and telemetry, where no
    /// erasure reaches it. A route value that looks like one is refused with the way to find the id.
    /// </summary>
    static IResult? NotAMemberId(string memberId)
    {
        if (!memberId.Contains('@', StringComparison.Ordinal))
        {
            return null;
        }

        var errors = new FieldErrors();
        errors.Add("memberId", "Members are addressed by their id, not their email address: GET /api/networks/{networkId}/members lists every member's id.");
        return Problems.Validation(errors, "The member is addressed by an email address.");
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
