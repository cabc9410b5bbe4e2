using Microsoft.DurableTask.Client;
using NetworkFunctions.Agenda;
using NetworkFunctions.Durable;
using NetworkFunctions.Minutes;
using NetworkFunctions.Networks;
using NetworkFunctions.Storage;

namespace NetworkFunctions.Overview;

/// <summary>The one reader behind the status and the dashboard: the network, its instances and its documents, meetings in parallel.</summary>
public sealed class SnapshotReader(NetworkStore store, TimeProvider clock)
{
    /// <summary>The network as it stands now; null when there is no such network.</summary>
    public async Task<DashboardInput?> ReadAsync(DurableTaskClient client, string networkId, CancellationToken cancellationToken)
    {
        if (await store.LoadNetworkAsync(networkId, cancellationToken) is not { Network: var network })
        {
            return null;
        }

        Task<OrchestrationMetadata?> instance = client.GetInstanceAsync(InstanceIds.Network(networkId), cancellationToken);
        Task<bool> report = store.ReportDocumentExistsAsync(networkId, ReportDocument.Page, cancellationToken);
        Task<IReadOnlyList<Attention>> attention = store.LoadAttentionAsync(networkId, cancellationToken);
        MeetingSnapshot[] meetings = await Task.WhenAll(network.Meetings.Select(m => MeetingAsync(client, network.Id, m.Number, cancellationToken)));
        return new DashboardInput(network, clock.GetUtcNow(), (await instance)?.RuntimeStatus.ToString() ?? "Pending", meetings, await report, Attention: await attention);
    }

    async Task<MeetingSnapshot> MeetingAsync(DurableTaskClient client, string networkId, int number, CancellationToken cancellationToken)
    {
        Task<InstanceSnapshot> instance = InstanceReader.ReadAsync(client, InstanceIds.Meeting(networkId, number), cancellationToken);
        Task<IReadOnlyList<InvitationAnswer>> answers = store.LoadInvitationAnswersAsync(networkId, number, cancellationToken);
        Task<IReadOnlySet<string>> invited = store.InvitedMemberIdsAsync(networkId, number, cancellationToken);
        Task<MeetingAgenda?> agenda = store.ReadMeetingJsonAsync<MeetingAgenda>(networkId, number, MeetingDocument.AgendaJson, cancellationToken);
        Task<bool> summary = store.MeetingDocumentExistsAsync(networkId, number, MeetingDocument.SurveySummaryPage, cancellationToken);
        Task<int> surveys = store.CountSurveyAnswersAsync(networkId, number, cancellationToken);
        Task<MeetingMinutes?> minutes = store.ReadMeetingJsonAsync<MeetingMinutes>(networkId, number, MeetingDocument.MinutesJson, cancellationToken);
        InstanceSnapshot read = await instance;
        return new MeetingSnapshot(
            number,
            read.Status?.Phase,
            read.Completed,
            read.Status?.NextStepAt,
            await invited,
            await answers,
            await summary,
            await surveys,
            (await minutes)?.Came,
            await agenda);
    }
}
