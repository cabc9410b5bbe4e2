using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using NetworkFunctions.Forms;
using NetworkFunctions.Http;
using NetworkFunctions.Kickoff;
using NetworkFunctions.Meetings;
using NetworkFunctions.Networks;
using NetworkFunctions.Rendering;
using NetworkFunctions.Storage;

namespace NetworkFunctions.Dashboard;

/// <summary>
/// <c>GET /api/networks/{networkId}/dashboard</c>: the year at a glance for director, facilitator and consultant, and
/// <c>GET …/meetings/{n}/survey-summary</c>, the stored survey summary the dashboard links to. Reads, then renders.
/// </summary>
public sealed class DashboardFunction(NetworkStore store, TemplateRenderer renderer, TimeProvider clock)
{
    const string KeyHeader = "x-functions-key";
    const string KeyQuery = "code";

    [Function(nameof(GetDashboard))]
    public async Task<IResult> GetDashboard(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "networks/{networkId}/dashboard")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string networkId,
        CancellationToken cancellationToken)
    {
        if (await store.LoadNetworkAsync(networkId, cancellationToken) is not { Network: var network })
        {
            return Problems.NotFound("The network");
        }

        OrchestrationMetadata? instance = await client.GetInstanceAsync(networkId, cancellationToken);
        MeetingSnapshot[] meetings = await Task.WhenAll(network.Meetings.Select(m => SnapshotAsync(client, network.Id, m.Number, cancellationToken)));
        var input = new DashboardInput(
            network,
            clock.GetUtcNow(),
            instance?.RuntimeStatus.ToString() ?? "Pending",
            meetings,
            await store.ExistsAsync(DocumentPaths.ReportHtml(networkId), cancellationToken),
            LinkKey(request));
        return HtmlPage.Ok(DashboardPage.Render(renderer, input, DashboardCharts.Attendance));
    }

    [Function(nameof(GetSurveySummary))]
    public async Task<IResult> GetSurveySummary(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "networks/{networkId}/meetings/{n:int}/survey-summary")] HttpRequest request,
        string networkId,
        int n,
        CancellationToken cancellationToken) =>
        NetworkIds.IsValid(networkId) && await store.ReadTextAsync(DocumentPaths.SurveySummaryHtml(networkId, n), cancellationToken) is { } html
            ? HtmlPage.Ok(html)
            : Problems.NotFound($"The survey summary of meeting {n}");

    /// <summary>
    /// The key to put on the page's admin links: only one the request carried in its own URL (<c>?code=</c>). A key
    /// sent in the header is never copied into the page.
    /// </summary>
    internal static string? LinkKey(HttpRequest request) =>
        string.IsNullOrEmpty(request.Headers[KeyHeader].FirstOrDefault()) && request.Query[KeyQuery].FirstOrDefault() is { Length: > 0 } key
            ? key
            : null;

    async Task<MeetingSnapshot> SnapshotAsync(DurableTaskClient client, string networkId, int number, CancellationToken cancellationToken)
    {
        (OrchestrationMetadata? instance, MeetingStatus? status) = await MeetingStatus.ReadAsync(client, MeetingRef.MeetingInstanceId(networkId, number), cancellationToken);
        IReadOnlyList<InvitationAnswer> answers = await store.LoadInvitationAnswersAsync(networkId, number, cancellationToken);
        IReadOnlySet<string> invited = await store.InvitedMemberIdsAsync(networkId, number, cancellationToken);
        return new MeetingSnapshot(
            number,
            status?.Phase,
            instance?.RuntimeStatus == OrchestrationRuntimeStatus.Completed,
            status?.NextStepAt,
            invited,
            answers,
            await store.ExistsAsync(DocumentPaths.AgendaHtml(networkId, number), cancellationToken),
            await store.ExistsAsync(DocumentPaths.SurveySummaryHtml(networkId, number), cancellationToken),
            await store.CountAsync(DocumentPaths.Surveys(networkId, number), cancellationToken));
    }
}
