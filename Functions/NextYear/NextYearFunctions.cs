using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using NetworkFunctions.Http;
using NetworkFunctions.Kickoff;
using NetworkFunctions.Networks;
using NetworkFunctions.Reports;
using NetworkFunctions.Storage;

namespace NetworkFunctions.NextYear;

/// <summary>
/// <c>POST /api/networks/{networkId}/next-year</c> (function key): the draft kickoff document for the following year
/// (<see cref="NextYearDraft"/>), to adjust and post to <c>/api/networks</c>. A POST because it is made for the
/// asker, not a resource; it changes nothing. Answered at any time of the year: what waited is what the agendas so far
/// carried over to the end. Not cached: it holds names and addresses.
/// </summary>
public sealed class NextYearFunctions(NetworkStore store, YearReportDocuments reports, TimeProvider clock)
{
    [Function(nameof(DraftNextYear))]
    public async Task<IResult> DraftNextYear(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "networks/{networkId}/next-year")] HttpRequest request,
        string networkId,
        CancellationToken cancellationToken)
    {
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return await DraftAsync(networkId, cancellationToken) is { } draft
            ? Results.Json(draft, KickoffDocument.JsonOptions, "application/json", StatusCodes.Status200OK)
            : Problems.NotFound("The network");
    }

    /// <summary>The draft of the network's next year; null when there is no such network.</summary>
    public async Task<KickoffDocument?> DraftAsync(string networkId, CancellationToken cancellationToken)
    {
        if (!NetworkIds.IsValid(networkId) || await store.LoadNetworkAsync(networkId, cancellationToken) is not { Network: var network })
        {
            return null;
        }

        IReadOnlyList<CarriedOverContribution> waited = YearReport.WaitingOf(await reports.ReadInputAsync(network, cancellationToken));
        return NextYearDraft.Build(network, waited, clock.GetUtcNow());
    }
}
