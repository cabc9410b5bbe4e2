using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using NetworkFunctions.Http;
using NetworkFunctions.Networks;
using NetworkFunctions.Rendering;
using NetworkFunctions.Storage;

namespace NetworkFunctions.Overview;

/// <summary>
/// What the director, facilitator and consultant look up: the status JSON and the dashboard (one snapshot, one phase
/// rule), and the stored agendas, survey summaries and report they link to.
/// </summary>
public sealed class OverviewFunctions(SnapshotReader snapshots, NetworkStore store, TemplateRenderer renderer)
{
    const string KeyHeader = "x-functions-key";
    const string KeyQuery = "code";

    [Function(nameof(GetNetworkStatus))]
    public async Task<IResult> GetNetworkStatus(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "networks/{networkId}")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string networkId,
        CancellationToken cancellationToken) =>
        await snapshots.ReadAsync(client, networkId, cancellationToken) is { } snapshot
            ? Results.Ok(NetworkStatusBuilder.Build(snapshot, $"{request.Scheme}://{request.Host}/api/networks/{networkId}"))
            : Problems.NotFound("The network");

    [Function(nameof(GetDashboard))]
    public async Task<IResult> GetDashboard(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "networks/{networkId}/dashboard")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string networkId,
        CancellationToken cancellationToken) =>
        await snapshots.ReadAsync(client, networkId, cancellationToken) is { } snapshot
            ? HtmlPage.Ok(DashboardPage.Render(renderer, snapshot with { LinkKey = LinkKey(request) }, DashboardCharts.Attendance))
            : Problems.NotFound("The network");

    [Function(nameof(GetAgenda))]
    public Task<IResult> GetAgenda(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "networks/{networkId}/meetings/{n:int}/agenda")] HttpRequest request,
        string networkId,
        int n,
        CancellationToken cancellationToken) =>
        PageAsync(NetworkIds.IsValid(networkId) ? store.ReadMeetingDocumentAsync(networkId, n, MeetingDocument.AgendaPage, cancellationToken) : null, $"The agenda of meeting {n}");

    [Function(nameof(GetSurveySummary))]
    public Task<IResult> GetSurveySummary(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "networks/{networkId}/meetings/{n:int}/survey-summary")] HttpRequest request,
        string networkId,
        int n,
        CancellationToken cancellationToken) =>
        PageAsync(NetworkIds.IsValid(networkId) ? store.ReadMeetingDocumentAsync(networkId, n, MeetingDocument.SurveySummaryPage, cancellationToken) : null, $"The survey summary of meeting {n}");

    [Function(nameof(GetMinutes))]
    public Task<IResult> GetMinutes(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "networks/{networkId}/meetings/{n:int}/minutes")] HttpRequest request,
        string networkId,
        int n,
        CancellationToken cancellationToken) =>
        PageAsync(NetworkIds.IsValid(networkId) ? store.ReadMeetingDocumentAsync(networkId, n, MeetingDocument.MinutesPage, cancellationToken) : null, $"The minutes of meeting {n}");

    [Function(nameof(GetReport))]
    public Task<IResult> GetReport(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "networks/{networkId}/report")] HttpRequest request,
        string networkId,
        CancellationToken cancellationToken) =>
        PageAsync(NetworkIds.IsValid(networkId) ? store.ReadReportDocumentAsync(networkId, ReportDocument.Page, cancellationToken) : null, "The year-end report");

    /// <summary>A stored page with the same headers as every other page of the app, or 404.</summary>
    static async Task<IResult> PageAsync(Task<string?>? read, string what) =>
        read is not null && await read is { } html ? HtmlPage.Ok(html) : Problems.NotFound(what);

    /// <summary>
    /// The key to put on the page's admin links: only one the request carried in its own URL (<c>?code=</c>). A key
    /// sent in the header is never copied into the page.
    /// </summary>
    internal static string? LinkKey(HttpRequest request) =>
        string.IsNullOrEmpty(request.Headers[KeyHeader].FirstOrDefault()) && request.Query[KeyQuery].FirstOrDefault() is { Length: > 0 } key
            ? key
            : null;
}
