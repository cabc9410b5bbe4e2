using Azure;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using NetworkFunctions.Durable;
using NetworkFunctions.Forms;
using NetworkFunctions.Http;
using NetworkFunctions.Networks;
using NetworkFunctions.Storage;
using NetworkFunctions.Validation;

namespace NetworkFunctions.Agenda;

/// <summary>
/// <c>GET</c> and <c>POST /api/agenda/{token}</c>: a preparer's agenda workspace, opened from the personal link in the
/// draft-agenda mail. GET changes nothing. POST saves the preparers' edits as the next revision — only on the revision
/// the page was shown with, so two preparers never overwrite each other: the later one gets 409 and the current
/// version. Edits are taken until the meeting starts — after the final agenda, each saved revision is mailed to the
/// members as an updated agenda (<c>AgendaUpdateOrchestrator</c>); the page is readable until the meeting ends.
/// </summary>
public sealed class AgendaWorkspaceFunctions(
    NetworkStore store,
    AgendaDocuments agendas,
    PreparerLinks links,
    FormPages pages,
    AgendaWorkspacePage page,
    IOptions<PatienceOptions> patience,
    TimeProvider clock,
    ILogger<AgendaWorkspaceFunctions> logger)
{
    [Function(nameof(ShowWorkspace))]
    public async Task<IResult> ShowWorkspace(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "agenda/{token}")] HttpRequest request,
        string token,
        CancellationToken cancellationToken)
    {
        Opened opened = await OpenAsync(token, cancellationToken);
        return opened.Failure ?? HtmlPage.Ok(page.Render(opened.Context!, opened.Agenda!, Action(token), opened.Editable, opened.Sent));
    }

    [Function(nameof(SaveWorkspace))]
    public async Task<IResult> SaveWorkspace(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "agenda/{token}")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string token,
        CancellationToken cancellationToken)
    {
        Opened opened = await OpenAsync(token, cancellationToken);
        if (opened.Failure is not null)
        {
            return opened.Failure;
        }

        (MeetingContext c, MeetingAgenda stored, string preparer) = (opened.Context!, opened.Agenda!, opened.Preparer!);
        if (!opened.Editable)
        {
            return HtmlPage.Status(StatusCodes.Status410Gone, page.Render(c, stored, Action(token), editable: false, opened.Sent));
        }

        RequestBodies.Read<IFormCollection> form = await RequestBodies.ReadFormAsync(request, cancellationToken);
        if (form.Problem is not null)
        {
            return form.Problem;
        }

        Dictionary<string, StringValues> fields = form.Value!.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        (AgendaEdits? edits, FieldErrors errors) = AgendaWorkspaceForm.Read(fields, stored);
        if (edits is null)
        {
            return HtmlPage.Status(StatusCodes.Status400BadRequest, page.Render(c, stored, Action(token), editable: true, opened.Sent, errors: errors, posted: fields));
        }

        if (edits.Revision != stored.Revision)
        {
            return Conflict(c, stored, token, opened.Sent);
        }

        MeetingAgenda changed = AgendaWorkspace.Apply(stored, edits, preparer, clock.GetUtcNow());
        if (edits.Approve && AgendaWorkspace.Overflowing(changed).Count > 0)
        {
            var refused = new WorkspaceBanner("errors", page.Text(c.Language, "workspace_approve_overflow"));
            return HtmlPage.Status(StatusCodes.Status400BadRequest, page.Render(c, stored, Action(token), editable: true, opened.Sent, refused, posted: fields));
        }

        if (ReferenceEquals(changed, stored))
        {
            return HtmlPage.Ok(page.Render(c, stored, Action(token), editable: true, opened.Sent));
        }

        if (!await agendas.WriteAsync(c, changed, opened.ETag, cancellationToken))
        {
            // The other preparer (or an erasure) wrote between our read and our write.
            return await store.ReadMeetingJsonVersionAsync<MeetingAgenda>(c.Network.Id, c.Meeting.Number, MeetingDocument.AgendaJson, cancellationToken) is var (current, _)
                ? Conflict(c, current, token, opened.Sent)
                : HtmlPage.Status(StatusCodes.Status404NotFound, pages.Invalid("form_gone"));
        }

        logger.LogInformation(LogEvents.AgendaEdited, "The agenda of {NetworkId} meeting {Meeting} was saved as revision {Revision} by the {Preparer}{Approved}",
            c.Network.Id, c.Meeting.Number, changed.Revision, preparer, changed.Approved is null ? "" : " and approved");
        if (opened.Sent)
        {
            await TellMembersAsync(client, c, cancellationToken);
        }

        var saved = new WorkspaceBanner("notice", page.Text(c.Language, "workspace_saved", ("revision", changed.Revision)));
        return HtmlPage.Ok(page.Render(c, changed, Action(token), editable: true, opened.Sent, saved));
    }

    static string Action(string token) => $"/api/agenda/{token}";

    /// <summary>
    /// After the final agenda, a saved change goes to the members: the meeting's agenda-update orchestration is started
    /// unless it is running already (then it sends this revision after the one it is sending). A moment's wait first, so
    /// a few saves in a row make one mail. The save stands whatever happens here; a failure to start is logged for the operator.
    /// </summary>
    async Task TellMembersAsync(DurableTaskClient client, MeetingContext c, CancellationToken cancellationToken)
    {
        DateTimeOffset now = clock.GetUtcNow();
        TimeSpan wait = TimeSpan.FromTicks(Math.Min(UpdateWait.Ticks, Math.Max(0, (c.Meeting.Start - now).Ticks / 4)));
        var update = new AgendaUpdate(c.Network.Id, c.Meeting.Number, now + wait, c.Meeting.Start, patience.Value.ToPatience());
        try
        {
            if (await client.GetInstanceAsync(update.InstanceId, cancellationToken) is { IsRunning: true } or { RuntimeStatus: OrchestrationRuntimeStatus.Pending })
            {
                return;
            }

            await client.ScheduleNewOrchestrationInstanceAsync(Orchestrations.AgendaUpdate, update, new StartOrchestrationOptions(update.InstanceId), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(LogEvents.StepMissed, e, "The changed agenda of {NetworkId} meeting {Meeting} could not be sent to the members", c.Network.Id, c.Meeting.Number);
        }
    }

    /// <summary>How long a change after the final agenda waits before it is mailed (less when the meeting is near).</summary>
    static readonly TimeSpan UpdateWait = TimeSpan.FromMinutes(2);

    HtmlPage Conflict(MeetingContext c, MeetingAgenda current, string token, bool sent)
    {
        AgendaChange? last = current.History is [.., var latest] ? latest : null;
        var banner = new WorkspaceBanner("errors", page.Text(c.Language, "workspace_conflict",
            ("who", page.Who(c.Language, last?.By ?? MailKinds.Facilitator)),
            ("when", last is null ? "" : Rendering.Formats.Moment(last.At, c.Zone, c.Language)),
            ("revision", current.Revision)));
        return HtmlPage.Status(StatusCodes.Status409Conflict, page.Render(c, current, Action(token), editable: true, sent, banner));
    }

    /// <summary>The workspace as opened: <see cref="Editable"/> until the meeting starts; <see cref="Sent"/> once the final agenda has gone out.</summary>
    sealed record Opened(MeetingContext? Context, MeetingAgenda? Agenda, ETag ETag, string? Preparer, bool Editable, bool Sent, IResult? Failure)
    {
        public static Opened Failed(IResult failure) => new(null, null, default, null, false, false, failure);
    }

    /// <summary>The preparer's link opened (<see cref="PreparerLinks"/>), then the stored agenda of its meeting.</summary>
    async Task<Opened> OpenAsync(string token, CancellationToken cancellationToken)
    {
        PreparerLink link = await links.OpenAsync(token, FormKind.Workspace, cancellationToken);
        if (link.Failure is not null)
        {
            return Opened.Failed(link.Failure);
        }

        MeetingContext c = link.Context!;
        if (await store.ReadMeetingJsonVersionAsync<MeetingAgenda>(c.Network.Id, c.Meeting.Number, MeetingDocument.AgendaJson, cancellationToken) is not var (agenda, etag))
        {
            return Opened.Failed(links.Gone("workspace_not_yet"));
        }

        DateTimeOffset now = clock.GetUtcNow();
        return new Opened(c, agenda, etag, link.Preparer, now < c.Meeting.Start, now >= c.Timeline.FinalAgendaAt, null);
    }
}
