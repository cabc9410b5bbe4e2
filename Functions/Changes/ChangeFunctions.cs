using System.Text.Json;
using Azure;
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

public sealed record MemberAdded(string MemberId, string Name, string Email, string Department);

/// <summary>
/// Changes during the year (SPEC section 3): members join and leave, meetings move or are cancelled. The network
/// document is updated with an ETag check (a concurrent change is retried), then the meeting's orchestration is told.
/// </summary>
public sealed class ChangeFunctions(NetworkStore store, MemberData memberData, MemberErasure erasure, TimeProvider clock, ILogger<ChangeFunctions> logger)
{
    const int Attempts = 5;

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

    [Function(nameof(ChangeMeeting))]
    public async Task<IResult> ChangeMeeting(
        [HttpTrigger(AuthorizationLevel.Function, "patch", Route = "networks/{networkId}/meetings/{n:int}")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string networkId,
        int n,
        CancellationToken cancellationToken)
    {
        RequestBodies.Read<JsonDocument> body = await RequestBodies.ReadJsonAsync(request, 16 * 1024, cancellationToken);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        // A meeting whose process has ended can no longer take a change: say why instead of saving one nobody acts on.
        string instanceId = InstanceIds.Meeting(networkId, n);
        if (NetworkIds.IsValid(networkId) && await client.GetInstanceAsync(instanceId, cancellationToken) is { IsRunning: false, RuntimeStatus: not OrchestrationRuntimeStatus.Pending } ended)
        {
            return ended.RuntimeStatus == OrchestrationRuntimeStatus.Completed
                ? Problems.Conflict($"Meeting {n} has finished.", "Only meetings that lie ahead can be changed.")
                : Problems.Conflict($"Meeting {n} has stopped ({ended.RuntimeStatus}).", $"Resume the network (POST /api/networks/{networkId}/resume), then change the meeting.");
        }

        using JsonDocument document = body.Value!;
        return await EditNetworkAsync(networkId, "The network changed while the meeting was changed; try again.", network =>
        {
            if (network.FindMeeting(n) is not { } meeting)
            {
                return NetworkEdit.Refuse(Problems.NotFound($"Meeting {n}"));
            }

            DateTimeOffset now = clock.GetUtcNow();
            if (meeting.Cancelled)
            {
                return NetworkEdit.Refuse(Problems.Conflict($"Meeting {n} is cancelled.", "A cancelled meeting cannot be changed."));
            }

            if (meeting.Start <= now)
            {
                return NetworkEdit.Refuse(Problems.Conflict($"Meeting {n} has started or been held.", "Only meetings that lie ahead can be changed."));
            }

            (MeetingChange? change, FieldErrors errors) = ChangeRequests.ReadMeetingChange(document.RootElement, network, n, now);
            if (change is null)
            {
                return NetworkEdit.Refuse(Problems.Validation(errors, "The meeting change is not valid."));
            }

            Meeting changed = change.Cancel
                ? meeting with { Cancelled = true, Revision = meeting.Revision + 1 }
                : meeting with { Start = change.Start!.Value, End = change.End!.Value, Location = change.Location ?? meeting.Location, Revision = meeting.Revision + 1 };
            return NetworkEdit.Save(network with { Meetings = network.Meetings.Select(m => m.Number == n ? changed : m).ToList() }, async _ =>
            {
                if (!await TellMeetingAsync(client, instanceId, changed.Revision, cancellationToken))
                {
                    return Problems.Unavailable(
                        $"Meeting {n} was changed (revision {changed.Revision}), but its process could not be told just now.",
                        "Send the change again in a minute; the meeting acts on the latest change it is told of.");
                }

                logger.LogInformation("Meeting {Meeting} of {NetworkId} {Change} (revision {Revision})", n, networkId, change.Cancel ? "cancelled" : "moved", changed.Revision);
                return Results.Ok(changed);
            });
        }, cancellationToken);
    }

    /// <summary>
    /// Starts the invitations of a member who joined while a meeting's form is open. The member is saved whatever
    /// happens here; if the engine cannot be reached, the operator's alert says so (the meeting's next steps reach
    /// only those invited).
    /// </summary>
    async Task InviteAtOnceAsync(DurableTaskClient client, MemberJoined joined, CancellationToken cancellationToken)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                await client.ScheduleNewOrchestrationInstanceAsync(Orchestrations.MemberJoined, joined, new StartOrchestrationOptions(joined.InstanceId), cancellationToken);
                return;
            }
            catch (Exception e) when (attempt < 3 && e is not OperationCanceledException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250 * attempt), cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(LogEvents.StepMissed, e, "Member {MemberId} of {NetworkId} joined but could not be invited to the meetings still open", joined.MemberId, joined.NetworkId);
                return;
            }
        }
    }

    /// <summary>Raises the change to the meeting's process, with a few tries; false when the engine could not be reached.</summary>
    async Task<bool> TellMeetingAsync(DurableTaskClient client, string instanceId, int revision, CancellationToken cancellationToken)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                if (await client.GetInstanceAsync(instanceId, cancellationToken) is { IsRunning: true } or { RuntimeStatus: OrchestrationRuntimeStatus.Pending })
                {
                    await client.RaiseEventAsync(instanceId, MeetingChanged.EventName, new MeetingChanged(revision), cancellationToken);
                }

                return true;
            }
            catch (Exception e) when (attempt < 3 && e is not OperationCanceledException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250 * attempt), cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Meeting {InstanceId} could not be told of revision {Revision}", instanceId, revision);
                return false;
            }
        }
    }

    /// <summary>
    /// The optimistic update every change shares: load the network (404 if there is none), let <paramref name="edit"/>
    /// refuse or produce the updated network, save it only if nobody changed it meanwhile (ETag), and start again from
    /// a fresh load when somebody did; after <see cref="Attempts"/> lost races, 409. What follows a save runs once.
    /// </summary>
    async Task<IResult> EditNetworkAsync(string networkId, string conflict, Func<Network, NetworkEdit> edit, CancellationToken cancellationToken)
    {
        for (int attempt = 0; attempt < Attempts; attempt++)
        {
            if (await store.LoadNetworkAsync(networkId, cancellationToken) is not var (network, etag))
            {
                return Problems.NotFound("The network");
            }

            NetworkEdit result = edit(network);
            if (result.Refusal is not null)
            {
                return result.Refusal;
            }

            if (await store.SaveNetworkAsync(result.Updated!, etag, cancellationToken))
            {
                return await result.AfterSave!(result.Updated!);
            }
        }

        return Problems.Conflict(conflict);
    }

    /// <summary>What a change makes of the current network: a refusal, or the network to save and what follows the save.</summary>
    sealed record NetworkEdit(IResult? Refusal, Network? Updated, Func<Network, Task<IResult>>? AfterSave)
    {
        public static NetworkEdit Refuse(IResult problem) => new(problem, null, null);

        public static NetworkEdit Save(Network updated, Func<Network, Task<IResult>> afterSave) => new(null, updated, afterSave);
    }
}
