using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using NetworkFunctions.Changes;
using NetworkFunctions.Exports;
using NetworkFunctions.Housekeeping;
using NetworkFunctions.Http;
using NetworkFunctions.Kickoff;
using NetworkFunctions.Networks;
using NetworkFunctions.NextYear;
using NetworkFunctions.Overview;
using NetworkFunctions.Rendering;
using NetworkFunctions.Storage;
using NetworkFunctions.Validation;

namespace NetworkFunctions.Office;

/// <summary>
/// A network in the console (<c>/api/console/networks/{networkId}</c>): the dashboard with a form for each change the
/// API can make, the stored agendas, summaries, minutes and report, the exports and next year's draft. Only for those
/// <see cref="ConsoleAccess.CanManage"/> lets in; every change goes through the API's own code (<see cref="ChangeFunctions"/>,
/// <see cref="ResumeFunction"/>) and ends in a redirect to the page with what was done, or the page with why not.
/// </summary>
public sealed class ConsoleNetworkFunctions(
    ConsoleGate gate,
    ConsoleTokens tokens,
    ConsolePages pages,
    NetworkStore store,
    SnapshotReader snapshots,
    TemplateRenderer renderer,
    ChangeFunctions changes,
    ResumeFunction resume,
    NextYearFunctions nextYear,
    ExportFunctions exports)
{
    const string Route = "console/networks/{networkId}";

    [Function(nameof(ConsoleNetwork))]
    public async Task<IResult> ConsoleNetwork(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Route)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string networkId,
        CancellationToken cancellationToken)
    {
        ConsoleVisit visit = gate.Enter(request);
        if (visit.Refusal is not null)
        {
            return visit.Refusal;
        }

        string? done = request.Query["done"].FirstOrDefault();
        return await PageAsync(client, visit, networkId, StatusCodes.Status200OK, done is { Length: <= 40 } ? done : null, null, cancellationToken);
    }

    [Function(nameof(ConsoleAddMember))]
    public Task<IResult> ConsoleAddMember(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Route + "/members")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string networkId,
        CancellationToken cancellationToken) =>
        ActAsync(request, client, networkId, "member-added", (fields, _, ct) =>
            changes.AddMemberAsync(client, networkId, ConsoleActions.Member(fields), $"{request.Scheme}://{request.Host}/api/networks/{networkId}/members", ct), cancellationToken);

    [Function(nameof(ConsoleEditMember))]
    public Task<IResult> ConsoleEditMember(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Route + "/members/{memberId}")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string networkId,
        string memberId,
        CancellationToken cancellationToken) =>
        ActAsync(request, client, networkId, "member-changed", (fields, _, ct) =>
            changes.EditMemberAsync(networkId, memberId, ConsoleActions.Member(fields), ct), cancellationToken);

    [Function(nameof(ConsoleEraseMember))]
    public Task<IResult> ConsoleEraseMember(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Route + "/members/{memberId}/erase")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string networkId,
        string memberId,
        CancellationToken cancellationToken) =>
        ActAsync(request, client, networkId, "member-erased", (fields, _, _) =>
            ConfirmedAsync(fields, "removal", () => changes.RemoveMemberAsync(networkId, memberId)), cancellationToken);

    [Function(nameof(ConsoleMoveMeeting))]
    public Task<IResult> ConsoleMoveMeeting(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Route + "/meetings/{n:int}/move")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string networkId,
        int n,
        CancellationToken cancellationToken) =>
        ActAsync(request, client, networkId, "meeting-moved", async (fields, network, ct) =>
            ConsoleActions.MeetingMove(fields, network.Zone) switch
            {
                ({ } body, _) => await changes.ChangeMeetingAsync(client, networkId, n, body, ct),
                (_, FieldErrors errors) => Problems.Validation(errors, "The meeting's new time is not valid."),
            }, cancellationToken);

    [Function(nameof(ConsoleCancelMeeting))]
    public Task<IResult> ConsoleCancelMeeting(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Route + "/meetings/{n:int}/cancel")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string networkId,
        int n,
        CancellationToken cancellationToken) =>
        ActAsync(request, client, networkId, "meeting-cancelled", (fields, _, ct) =>
            ConfirmedAsync(fields, "cancellation", () => changes.ChangeMeetingAsync(client, networkId, n, ConsoleActions.MeetingCancel(), ct)), cancellationToken);

    [Function(nameof(ConsoleResume))]
    public Task<IResult> ConsoleResume(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Route + "/resume")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string networkId,
        CancellationToken cancellationToken) =>
        ActAsync(request, client, networkId, "resumed", (_, _, ct) =>
            resume.ResumeAsync(client, networkId, ConsoleRoutes.Network(networkId), ct), cancellationToken);

    [Function(nameof(ConsoleExportWorkbook))]
    public Task<IResult> ConsoleExportWorkbook(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Route + "/export.xlsx")] HttpRequest request,
        string networkId,
        CancellationToken cancellationToken) =>
        ReadAsync(request, networkId, ct => exports.WorkbookAsync(networkId, ct), cancellationToken);

    [Function(nameof(ConsoleExportTable))]
    public Task<IResult> ConsoleExportTable(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Route + "/export.csv")] HttpRequest request,
        string networkId,
        CancellationToken cancellationToken) =>
        ReadAsync(request, networkId, ct => exports.TableAsync(networkId, request.Query["table"].FirstOrDefault(), ct), cancellationToken);

    [Function(nameof(ConsoleNextYear))]
    public Task<IResult> ConsoleNextYear(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Route + "/next-year.json")] HttpRequest request,
        string networkId,
        CancellationToken cancellationToken) =>
        ReadAsync(request, networkId, async ct =>
        {
            KickoffDocument? draft = await nextYear.DraftAsync(networkId, ct);
            request.HttpContext.Response.Headers.ContentDisposition = $"attachment; filename=\"{networkId}-next-year.json\"";
            return draft is null ? Problems.NotFound("The network") : Results.Json(draft, KickoffDocument.JsonOptions, "application/json");
        }, cancellationToken);

    /// <summary>Everything held about a member (right of access), downloaded as JSON, for the consultant who answers such a request.</summary>
    [Function(nameof(ConsoleMemberData))]
    public Task<IResult> ConsoleMemberData(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Route + "/members/{memberId}/data.json")] HttpRequest request,
        string networkId,
        string memberId,
        CancellationToken cancellationToken) =>
        ReadAsync(request, networkId, async ct =>
        {
            request.HttpContext.Response.Headers.ContentDisposition = $"attachment; filename=\"{networkId}-{memberId}.json\"";
            request.HttpContext.Response.Headers.CacheControl = "no-store";
            return await changes.ExportMemberAsync(networkId, memberId, ct);
        }, cancellationToken);

    [Function(nameof(ConsoleMeetingDocument))]
    public Task<IResult> ConsoleMeetingDocument(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Route + "/meetings/{n:int}/{document}")] HttpRequest request,
        string networkId,
        int n,
        string document,
        CancellationToken cancellationToken) =>
        ReadAsync(request, networkId, async ct =>
        {
            MeetingDocument? page = document switch
            {
                "agenda" => MeetingDocument.AgendaPage,
                "survey-summary" => MeetingDocument.SurveySummaryPage,
                "minutes" => MeetingDocument.MinutesPage,
                _ => null,
            };
            return page is { } known && await store.ReadMeetingDocumentAsync(networkId, n, known, ct) is { } html
                ? HtmlPage.Ok(html)
                : Problems.NotFound($"The {(page is null ? "page" : document)} of meeting {n}");
        }, cancellationToken);

    [Function(nameof(ConsoleReport))]
    public Task<IResult> ConsoleReport(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Route + "/report")] HttpRequest request,
        string networkId,
        CancellationToken cancellationToken) =>
        ReadAsync(request, networkId, async ct =>
            await store.ReadReportDocumentAsync(networkId, ReportDocument.Page, ct) is { } html ? HtmlPage.Ok(html) : Problems.NotFound("The year-end report"),
            cancellationToken);

    /// <summary>What cannot be undone is done only with the form's confirmation ticked; else the problem, and nothing done.</summary>
    static async Task<IResult> ConfirmedAsync(IReadOnlyDictionary<string, string> fields, string what, Func<Task<IResult>> act) =>
        ConsoleActions.Unconfirmed(fields) is { } unconfirmed ? Problems.Validation(unconfirmed, $"The {what} was not confirmed.") : await act();

    /// <summary>The network's console page, with what was done or why it was not; 404 and 403 pages for no network and no access.</summary>
    async Task<IResult> PageAsync(DurableTaskClient client, ConsoleVisit visit, string networkId, int status, string? done, ConsoleProblem? problem, CancellationToken cancellationToken)
    {
        DashboardInput? input;
        try
        {
            using CancellationTokenSource bounded = Unanswered.Bounded(cancellationToken);
            input = await snapshots.ReadAsync(client, networkId, bounded.Token);
        }
        catch (Exception e) when (Unanswered.Is(e, cancellationToken))
        {
            return HtmlPage.Unavailable(pages.Unavailable(visit.Language, visit.Principal));
        }

        if (input is null)
        {
            return HtmlPage.Status(StatusCodes.Status404NotFound, pages.Message(visit.Language, visit.Person, "console_missing_title", "console_missing", link: (ConsoleRoutes.Home, "console_to_home")));
        }

        if (!ConsoleAccess.CanManage(visit.Person, input.Network, gate.Options))
        {
            return Refused(visit);
        }

        DashboardInput shown = input with { BasePath = ConsoleRoutes.Network(networkId), LinkKey = null };
        string dashboard = DashboardPage.RenderBody(renderer, shown, DashboardCharts.Attendance);
        return HtmlPage.Status(status, pages.Network(visit.Person, tokens.Create(visit.Person), shown, dashboard, done, problem));
    }

    /// <summary>
    /// A console change: the form read and checked at the gate, the network's access checked, then <paramref name="act"/>
    /// (the API's own code); 303 to the page saying <paramref name="done"/>, or the page with the API's problem and its status.
    /// </summary>
    async Task<IResult> ActAsync(HttpRequest request, DurableTaskClient client, string networkId, string done, Func<IReadOnlyDictionary<string, string>, Network, CancellationToken, Task<IResult>> act, CancellationToken cancellationToken)
    {
        RequestBodies.Read<RequestBodies.MultipartForm> form = await RequestBodies.ReadMultipartFormAsync(request, ConsoleFunctions.MaxFormBytes, ConsoleFunctions.MaxFormFields, cancellationToken);
        if (form.Problem is not null)
        {
            return form.Problem;
        }

        ConsoleVisit visit = gate.Act(request, form.Value!.Fields);
        if (visit.Refusal is not null)
        {
            return visit.Refusal;
        }

        (Network? network, IResult? refusal) = await LoadAsync(visit, networkId, cancellationToken);
        if (network is null)
        {
            return refusal!;
        }

        IResult result;
        try
        {
            using CancellationTokenSource bounded = Unanswered.Bounded(cancellationToken);
            result = await act(form.Value.Fields, network, bounded.Token);
        }
        catch (Exception e) when (Unanswered.Is(e, cancellationToken))
        {
            // Part of the change may have been made before the failure: say so, and where to look.
            return HtmlPage.Unavailable(pages.Message(visit.Language, visit.Person, "console_unavailable_title", "console_unavailable_act", link: (ConsoleRoutes.Network(networkId), "console_to_network")));
        }

        (int status, string? title, IReadOnlyDictionary<string, string[]> errors) = Problems.Describe(result);
        return status is >= 200 and < 300
            ? new SeeOther(ConsoleRoutes.Done(networkId, done))
            : await PageAsync(client, visit, networkId, status, null, new ConsoleProblem(title ?? status.ToString(System.Globalization.CultureInfo.InvariantCulture), errors), cancellationToken);
    }

    /// <summary>A read of the network's (documents, exports, draft) for those with access to it.</summary>
    async Task<IResult> ReadAsync(HttpRequest request, string networkId, Func<CancellationToken, Task<IResult>> read, CancellationToken cancellationToken)
    {
        ConsoleVisit visit = gate.Enter(request);
        if (visit.Refusal is not null)
        {
            return visit.Refusal;
        }

        (Network? network, IResult? refusal) = await LoadAsync(visit, networkId, cancellationToken);
        if (network is null)
        {
            return refusal!;
        }

        try
        {
            using CancellationTokenSource bounded = Unanswered.Bounded(cancellationToken);
            return await read(bounded.Token);
        }
        catch (Exception e) when (Unanswered.Is(e, cancellationToken))
        {
            return HtmlPage.Unavailable(pages.Unavailable(visit.Language, visit.Person));
        }
    }

    async Task<(Network? Network, IResult? Refusal)> LoadAsync(ConsoleVisit visit, string networkId, CancellationToken cancellationToken)
    {
        try
        {
            using CancellationTokenSource bounded = Unanswered.Bounded(cancellationToken);
            if (!NetworkIds.IsValid(networkId) || await store.LoadNetworkAsync(networkId, bounded.Token) is not var (network, _))
            {
                return (null, HtmlPage.Status(StatusCodes.Status404NotFound, pages.Message(visit.Language, visit.Person, "console_missing_title", "console_missing", link: (ConsoleRoutes.Home, "console_to_home"))));
            }

            return ConsoleAccess.CanManage(visit.Person, network, gate.Options) ? (network, null) : (null, Refused(visit));
        }
        catch (Exception e) when (Unanswered.Is(e, cancellationToken))
        {
            return (null, HtmlPage.Unavailable(pages.Unavailable(visit.Language, visit.Person)));
        }
    }

    IResult Refused(ConsoleVisit visit) =>
        HtmlPage.Status(StatusCodes.Status403Forbidden, pages.Message(visit.Language, visit.Person, "console_refused_title", "console_refused", [("name", visit.Person.Name)], (ConsoleRoutes.Home, "console_to_home")));
}
