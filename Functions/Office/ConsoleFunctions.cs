using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using NetworkFunctions.Http;
using NetworkFunctions.Kickoff;
using NetworkFunctions.Networks;
using NetworkFunctions.Storage;
using NetworkFunctions.Validation;

namespace NetworkFunctions.Office;

/// <summary>
/// The office's console, first part: the list of one's networks and a new network from a form and a roster file
/// (<c>/api/console</c>, <c>/api/console/new</c>), previewed, then kicked off. Anonymous to the host: the console's
/// own gate (<see cref="ConsoleGate"/>) signs people in and checks every form. A network's own page and its changes are
/// in <see cref="ConsoleNetworkFunctions"/>.
/// </summary>
public sealed class ConsoleFunctions(ConsoleGate gate, ConsoleTokens tokens, ConsolePages pages, NetworkStore store, NetworkStarter starter, TimeProvider clock)
{
    /// <summary>A console form: its fields, a roster file of at most <see cref="RosterImport.MaxBytes"/>, and room for a preview's document.</summary>
    public const int MaxFormBytes = RosterImport.MaxBytes + (1024 * 1024);
    public const int MaxFormFields = 200;

    [Function(nameof(ConsoleHome))]
    public async Task<IResult> ConsoleHome(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "console")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ConsoleVisit visit = gate.Enter(request);
        if (visit.Refusal is not null)
        {
            return visit.Refusal;
        }

        ConsolePrincipal principal = visit.Person;
        try
        {
            using CancellationTokenSource bounded = Unanswered.Bounded(cancellationToken);
            var rows = new List<ConsoleNetworkRow>();
            foreach (string networkId in await store.ListNetworkIdsAsync(bounded.Token))
            {
                if (await store.LoadNetworkAsync(networkId, bounded.Token) is var (network, _) && ConsoleAccess.CanManage(principal, network, gate.Options))
                {
                    rows.Add(pages.NetworkRow(visit.Language, principal, network));
                }
            }

            return HtmlPage.Ok(pages.Home(visit.Language, principal, ConsoleAccess.IsAdmin(principal, gate.Options), [.. rows.OrderBy(r => r.Name, StringComparer.CurrentCulture)]));
        }
        catch (Exception e) when (Unanswered.Is(e, cancellationToken))
        {
            return Unavailable(visit);
        }
    }

    [Function(nameof(ConsoleNewNetwork))]
    public IResult ConsoleNewNetwork(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "console/new")] HttpRequest request)
    {
        ConsoleVisit visit = gate.Enter(request);
        return visit.Refusal ?? HtmlPage.Ok(pages.NewNetwork(visit.Language, visit.Person, tokens.Create(visit.Person), new Dictionary<string, string>(), null));
    }

    /// <summary>The form posted: back to it with every problem (400), or on to the year's preview. Nothing is kept.</summary>
    [Function(nameof(ConsolePreviewNetwork))]
    public async Task<IResult> ConsolePreviewNetwork(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "console/new")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        RequestBodies.Read<RequestBodies.MultipartForm> form = await RequestBodies.ReadMultipartFormAsync(request, MaxFormBytes, MaxFormFields, cancellationToken);
        if (form.Problem is not null)
        {
            return form.Problem;
        }

        IReadOnlyDictionary<string, string> fields = form.Value!.Fields;
        ConsoleVisit visit = gate.Act(request, fields);
        if (visit.Refusal is not null)
        {
            return visit.Refusal;
        }

        ConsolePrincipal principal = visit.Person;
        string token = tokens.Create(principal);
        RosterResult? roster = form.Value.Files.TryGetValue(NewNetworkForm.RosterFile, out RequestBodies.MultipartFile? file) && file.Content.Length > 0
            ? RosterImport.KindOf(file.FileName) is { } kind
                ? RosterImport.Read(file.Content, kind, NewNetworkForm.Departments(fields))
                : RosterResult.Refused(RosterProblem.OfFile("Upload an Excel workbook (.xlsx) or a CSV file (.csv)."))
            : null;
        NewNetworkDraft draft = NewNetworkForm.Read(fields, roster, clock.GetUtcNow(), MemberIds.New, MemberIds.NewSuffix);
        if (fields.GetValueOrDefault("step") == "edit")
        {
            // Back from the preview: the form as it was, without calling anything a problem yet.
            return HtmlPage.Ok(pages.NewNetwork(visit.Language, principal, token, fields, draft with { Errors = new FieldErrors(), RosterProblems = [] }));
        }

        if (draft.Network is not { } network)
        {
            return HtmlPage.Status(StatusCodes.Status400BadRequest, pages.NewNetwork(visit.Language, principal, token, fields, draft));
        }

        if (!ConsoleAccess.CanManage(principal, network, gate.Options))
        {
            var errors = new FieldErrors();
            errors.Add("consultant.email", pages.Text(visit.Language, "console_refused_start"));
            return HtmlPage.Status(StatusCodes.Status403Forbidden, pages.NewNetwork(visit.Language, principal, token, fields, draft with { Errors = errors }));
        }

        string document = JsonSerializer.Serialize(KickoffDocument.Of(network), KickoffDocument.JsonOptions);
        return HtmlPage.Ok(pages.Preview(visit.Language, principal, token, network, document, fields, draft.Roster!));
    }

    /// <summary>The preview's kickoff: the document validated again (time has passed), then started as the JSON kickoff starts one.</summary>
    [Function(nameof(ConsoleKickOff))]
    public async Task<IResult> ConsoleKickOff(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "console/new/kickoff")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        RequestBodies.Read<RequestBodies.MultipartForm> form = await RequestBodies.ReadMultipartFormAsync(request, MaxFormBytes, MaxFormFields, cancellationToken);
        if (form.Problem is not null)
        {
            return form.Problem;
        }

        ConsoleVisit visit = gate.Act(request, form.Value!.Fields);
        if (visit.Refusal is not null)
        {
            return visit.Refusal;
        }

        RequestBodies.Read<JsonDocument> json = RequestBodies.ParseJson(form.Value.Fields.GetValueOrDefault("document") ?? "");
        if (json.Problem is not null)
        {
            return json.Problem;
        }

        using JsonDocument document = json.Value!;
        (Network? parsed, FieldErrors errors) = KickoffParser.Parse(document.RootElement, clock.GetUtcNow(), MemberIds.New, MemberIds.NewSuffix);
        if (parsed is not { } network)
        {
            return HtmlPage.Status(StatusCodes.Status400BadRequest, pages.Problem(visit.Language, visit.Person, "console_network_problem", errors.ToDictionary(), (ConsoleRoutes.New, "console_back")));
        }

        if (!ConsoleAccess.CanManage(visit.Person, network, gate.Options))
        {
            return HtmlPage.Status(StatusCodes.Status403Forbidden, pages.Message(visit.Language, visit.Person, "console_refused_title", "console_refused_start", link: (ConsoleRoutes.New, "console_back")));
        }

        StartOutcome outcome;
        try
        {
            using CancellationTokenSource bounded = Unanswered.Bounded(cancellationToken);
            outcome = (await starter.StartAsync(client, network, bounded.Token)).Outcome;
        }
        catch (Exception e) when (Unanswered.Is(e, cancellationToken))
        {
            outcome = StartOutcome.Unavailable;
        }

        return outcome switch
        {
            // Running: the same preview was sent again after it started; its network is there.
            StartOutcome.Started or StartOutcome.Running => new SeeOther(ConsoleRoutes.Done(network.Id, "started")),
            StartOutcome.BeingStarted => HtmlPage.Status(StatusCodes.Status409Conflict,
                pages.Message(visit.Language, visit.Person, "console_being_started_title", "console_being_started", link: (ConsoleRoutes.Home, "console_to_home"))),
            StartOutcome.Ended => HtmlPage.Status(StatusCodes.Status409Conflict, pages.Problem(visit.Language, visit.Person, "console_network_problem",
                new Dictionary<string, string[]> { ["networkId"] = [$"The network '{network.Id}' has run and ended; network ids are not reused."] }, (ConsoleRoutes.New, "console_back"))),
            _ => Unavailable(visit),
        };
    }

    IResult Unavailable(ConsoleVisit visit) =>
        HtmlPage.Unavailable(pages.Unavailable(visit.Language, visit.Principal));
}
