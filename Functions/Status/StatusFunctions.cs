using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using NetworkFunctions.Http;
using NetworkFunctions.Kickoff;
using NetworkFunctions.Meetings;
using NetworkFunctions.Networks;
using NetworkFunctions.Storage;

namespace NetworkFunctions.Status;

/// <summary>What the director, facilitator and consultant look up: the status, the agendas and the report.</summary>
public sealed class StatusFunctions(NetworkStore store, TimeProvider clock)
{
    [Function(nameof(GetNetworkStatus))]
    public async Task<IResult> GetNetworkStatus(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "networks/{networkId}")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string networkId,
        CancellationToken cancellationToken)
    {
        if (await store.LoadNetworkAsync(networkId, cancellationToken) is not { Network: var network })
        {
            return Problems.NotFound("The network");
        }

        OrchestrationMetadata? instance = await client.GetInstanceAsync(networkId, cancellationToken);
        string baseUrl = $"{request.Scheme}://{request.Host}/api/networks/{networkId}";
        var meetings = new List<MeetingStatusView>();
        foreach (Meeting meeting in network.Meetings)
        {
            meetings.Add(await MeetingViewAsync(client, network, meeting, baseUrl, cancellationToken));
        }

        bool reported = await store.ExistsAsync(DocumentPaths.ReportHtml(networkId), cancellationToken);
        return Results.Ok(new NetworkStatus(
            network.Id,
            network.Name,
            instance?.RuntimeStatus.ToString() ?? "Pending",
            network.MissingDepartments,
            reported ? $"{baseUrl}/report" : null,
            meetings,
            network.Members.Count));
    }

    [Function(nameof(GetAgenda))]
    public async Task<IResult> GetAgenda(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "networks/{networkId}/meetings/{n:int}/agenda")] HttpRequest request,
        string networkId,
        int n,
        CancellationToken cancellationToken) =>
        NetworkIds.IsValid(networkId) && await store.ReadTextAsync(DocumentPaths.AgendaHtml(networkId, n), cancellationToken) is { } html
            ? Results.Content(html, "text/html; charset=utf-8")
            : Problems.NotFound($"The agenda of meeting {n}");

    [Function(nameof(GetReport))]
    public async Task<IResult> GetReport(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "networks/{networkId}/report")] HttpRequest request,
        string networkId,
        CancellationToken cancellationToken) =>
        NetworkIds.IsValid(networkId) && await store.ReadTextAsync(DocumentPaths.ReportHtml(networkId), cancellationToken) is { } html
            ? Results.Content(html, "text/html; charset=utf-8")
            : Problems.NotFound("The year-end report");

    async Task<MeetingStatusView> MeetingViewAsync(DurableTaskClient client, Network network, Meeting meeting, string baseUrl, CancellationToken cancellationToken)
    {
        var reference = new MeetingRef(network.Id, meeting.Number);
        (OrchestrationMetadata? instance, MeetingStatus? status) = await MeetingStatus.ReadAsync(client, reference.InstanceId, cancellationToken);
        string phase = meeting.Cancelled ? MeetingSteps.Cancelled : status?.Phase ?? MeetingSteps.Scheduled;
        if (instance?.RuntimeStatus == OrchestrationRuntimeStatus.Completed && !meeting.Cancelled)
        {
            phase = MeetingSteps.Closed;
        }

        IReadOnlyList<InvitationAnswer> answers = await store.LoadInvitationAnswersAsync(network.Id, meeting.Number, cancellationToken);
        int invited = (await store.InvitedMemberIdsAsync(network.Id, meeting.Number, cancellationToken)).Count;
        bool agenda = await store.ExistsAsync(DocumentPaths.AgendaHtml(network.Id, meeting.Number), cancellationToken);
        return new MeetingStatusView(
            meeting.Number,
            meeting.Start,
            meeting.End,
            MeetingSteps.PhaseAt(phase, meeting.End, clock.GetUtcNow()),
            invited,
            answers.Count,
            answers.Count(a => a.Attendance == Attendance.Yes),
            answers.Sum(a => a.Contributions.Count),
            await store.CountAsync(DocumentPaths.Surveys(network.Id, meeting.Number), cancellationToken),
            agenda ? $"{baseUrl}/meetings/{meeting.Number}/agenda" : null,
            meeting.Revision,
            status?.NextStepAt);
    }
}
