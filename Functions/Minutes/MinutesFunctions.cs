using Azure;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using NetworkFunctions.Agenda;
using NetworkFunctions.Durable;
using NetworkFunctions.Forms;
using NetworkFunctions.Http;
using NetworkFunctions.Networks;
using NetworkFunctions.Validation;

namespace NetworkFunctions.Minutes;

/// <summary>
/// <c>GET</c> and <c>POST /api/minutes/{token}</c>: a preparer's minutes form, opened from the link mailed after the
/// meeting. GET changes nothing. POST saves on the revision shown (409 with the current version otherwise) and, with
/// <c>action=send</c>, sends: the minutes are then fixed and <c>MinutesOrchestrator</c> mails them to every invited
/// member and the director.
/// </summary>
public sealed class MinutesFunctions(
    MinutesDocuments documents,
    MinutesPages pages,
    PreparerLinks links,
    IOptions<PatienceOptions> patience,
    TimeProvider clock,
    ILogger<MinutesFunctions> logger)
{
    /// <summary>How long sent minutes wait out faults before they are recorded as missed.</summary>
    static readonly TimeSpan DeliveryPatience = TimeSpan.FromDays(7);

    [Function(nameof(ShowMinutes))]
    public async Task<IResult> ShowMinutes(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "minutes/{token}")] HttpRequest request,
        string token,
        CancellationToken cancellationToken)
    {
        Opened opened = await OpenAsync(token, cancellationToken);
        return opened.Failure ?? HtmlPage.Ok(pages.Form(opened.Context!, opened.Minutes!, await documents.RegisterAsync(opened.Context!, opened.Minutes!, cancellationToken), Action(token)));
    }

    [Function(nameof(SaveMinutes))]
    public async Task<IResult> SaveMinutes(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "minutes/{token}")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string token,
        CancellationToken cancellationToken)
    {
        Opened opened = await OpenAsync(token, cancellationToken);
        if (opened.Failure is not null)
        {
            return opened.Failure;
        }

        (MeetingContext c, MeetingMinutes stored) = (opened.Context!, opened.Minutes!);
        RegisterBasis basis = await documents.RegisterBasisAsync(c, cancellationToken);
        IReadOnlyList<RegisterRow> register = basis.With(stored);
        if (stored.Sent)
        {
            return HtmlPage.Status(StatusCodes.Status410Gone, pages.Form(c, stored, register, Action(token)));
        }

        RequestBodies.Read<IFormCollection> form = await RequestBodies.ReadFormAsync(request, cancellationToken);
        if (form.Problem is not null)
        {
            return form.Problem;
        }

        Dictionary<string, StringValues> fields = form.Value!.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        (MinutesEdits? edits, FieldErrors errors) = MinutesForm.Read(fields, stored, register.Select(m => m.Id).ToHashSet(StringComparer.Ordinal));
        if (edits is null)
        {
            return HtmlPage.Status(StatusCodes.Status400BadRequest, pages.Form(c, stored, register, Action(token), errors: errors, posted: fields));
        }

        MeetingMinutes saved = edits.ApplyTo(stored, opened.Preparer!, clock.GetUtcNow());
        if (edits.Revision != stored.Revision || !await documents.WriteAsync(c, saved, opened.ETag, basis, cancellationToken))
        {
            (MeetingMinutes current, _) = await documents.ReadOrPrefillAsync(c, cancellationToken);
            var conflict = new WorkspaceBanner("errors", pages.Text(c.Language, "minutes_conflict",
                ("who", pages.Who(c.Language, current.SavedBy)), ("when", current.SavedAt is { } at ? Rendering.Formats.Moment(at, c.Zone, c.Language) : ""), ("revision", current.Revision)));
            return HtmlPage.Status(StatusCodes.Status409Conflict, pages.Form(c, current, basis.With(current), Action(token), conflict));
        }

        logger.LogInformation(LogEvents.MinutesSaved, "The minutes of {NetworkId} meeting {Meeting} were saved as revision {Revision} by the {Preparer}{Sent}",
            c.Network.Id, c.Meeting.Number, saved.Revision, opened.Preparer, saved.Sent ? " and sent" : "");
        if (saved.Sent)
        {
            await DeliverAsync(client, c, saved, cancellationToken);
        }

        var banner = new WorkspaceBanner("notice", saved.Sent ? pages.Text(c.Language, "minutes_sent") : pages.Text(c.Language, "minutes_saved", ("revision", saved.Revision)));
        return HtmlPage.Ok(pages.Form(c, saved, basis.With(saved), Action(token), banner));
    }

    static string Action(string token) => $"/api/minutes/{token}";

    /// <summary>Hands the sent minutes to the engine; they stand whatever happens here, and a failure is logged for the operator.</summary>
    async Task DeliverAsync(DurableTaskClient client, MeetingContext c, MeetingMinutes saved, CancellationToken cancellationToken)
    {
        var delivery = new MinutesDelivery(c.Network.Id, c.Meeting.Number, saved.Revision, clock.GetUtcNow() + DeliveryPatience, patience.Value.ToPatience());
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(Orchestrations.Minutes, delivery, new StartOrchestrationOptions(delivery.InstanceId), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(LogEvents.StepMissed, e, "The minutes of {NetworkId} meeting {Meeting} could not be handed to the engine", c.Network.Id, c.Meeting.Number);
        }
    }

    sealed record Opened(MeetingContext? Context, MeetingMinutes? Minutes, ETag? ETag, string? Preparer, IResult? Failure)
    {
        public static Opened Failed(IResult failure) => new(null, null, null, null, failure);
    }

    /// <summary>The preparer's link opened (<see cref="PreparerLinks"/>), once its meeting has begun, then its minutes.</summary>
    async Task<Opened> OpenAsync(string token, CancellationToken cancellationToken)
    {
        PreparerLink link = await links.OpenAsync(token, FormKind.Minutes, cancellationToken);
        if (link.Failure is not null)
        {
            return Opened.Failed(link.Failure);
        }

        MeetingContext c = link.Context!;
        if (clock.GetUtcNow() < c.Meeting.Start)
        {
            return Opened.Failed(links.Gone());
        }

        (MeetingMinutes minutes, ETag? etag) = await documents.ReadOrPrefillAsync(c, cancellationToken);
        return new Opened(c, minutes, etag, link.Preparer, null);
    }
}
