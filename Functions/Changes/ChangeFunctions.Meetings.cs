using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using NetworkFunctions.Http;
using NetworkFunctions.Durable;
using NetworkFunctions.Networks;
using NetworkFunctions.Validation;

namespace NetworkFunctions.Changes;

public sealed partial class ChangeFunctions
{
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

        using JsonDocument document = body.Value!;
        return await ChangeMeetingAsync(client, networkId, n, document.RootElement, cancellationToken);
    }

    /// <summary>Moves or cancels a meeting as <paramref name="body"/> (the PATCH's JSON) says: the API's and the console's one way to do it.</summary>
    public async Task<IResult> ChangeMeetingAsync(DurableTaskClient client, string networkId, int n, JsonElement body, CancellationToken cancellationToken)
    {
        // A meeting whose process has ended can no longer take a change: say why instead of saving one nobody acts on.
        string instanceId = InstanceIds.Meeting(networkId, n);
        if (NetworkIds.IsValid(networkId) && await client.GetInstanceAsync(instanceId, cancellationToken) is { IsRunning: false, RuntimeStatus: not OrchestrationRuntimeStatus.Pending } ended)
        {
            return ended.RuntimeStatus == OrchestrationRuntimeStatus.Completed
                ? Problems.Conflict($"Meeting {n} has finished.", "Only meetings that lie ahead can be changed.")
                : Problems.Conflict($"Meeting {n} has stopped ({ended.RuntimeStatus}).", $"Resume the network (POST /api/networks/{networkId}/resume), then change the meeting.");
        }

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

            (MeetingChange? change, FieldErrors errors) = ChangeRequests.ReadMeetingChange(body, network, n, now);
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
    /// <summary>Raises the change to the meeting's process, with a few tries; false when the engine could not be reached.</summary>
    async Task<bool> TellMeetingAsync(DurableTaskClient client, string instanceId, int revision, CancellationToken cancellationToken)
    {
        Exception? failure = await WithRetriesAsync(async () =>
        {
            if (await client.GetInstanceAsync(instanceId, cancellationToken) is { IsRunning: true } or { RuntimeStatus: OrchestrationRuntimeStatus.Pending })
            {
                await client.RaiseEventAsync(instanceId, MeetingChanged.EventName, new MeetingChanged(revision), cancellationToken);
            }
        }, cancellationToken);
        if (failure is not null)
        {
            logger.LogWarning(failure, "Meeting {InstanceId} could not be told of revision {Revision}", instanceId, revision);
        }

        return failure is null;
    }
}
