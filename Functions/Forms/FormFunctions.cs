using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;
using NetworkFunctions.Http;
using NetworkFunctions.Networks;
using NetworkFunctions.Storage;
using NetworkFunctions.Telemetry;
using NetworkFunctions.Validation;

namespace NetworkFunctions.Forms;

/// <summary>
/// <c>GET</c> and <c>POST /api/forms/{token}</c>: the member's invitation or survey form. GET and HEAD change nothing
/// (mail scanners open links); POST stores the answer, replacing an earlier one, and shows what was received.
/// </summary>
public sealed class FormFunctions(NetworkStore store, CheckedAnswers checkedAnswers, FormTokens tokens, FormPages pages, IContributionHistory history, TimeProvider clock, ILogger<FormFunctions> logger)
{
    [Function(nameof(ShowForm))]
    public Task<IResult> ShowForm(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "forms/{token}")] HttpRequest request,
        string token,
        CancellationToken cancellationToken) =>
        WithStorageAsync(bounded => ShowAsync(token, bounded), cancellationToken);

    [Function(nameof(SubmitForm))]
    public Task<IResult> SubmitForm(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "forms/{token}")] HttpRequest request,
        string token,
        CancellationToken cancellationToken) =>
        WithStorageAsync(bounded => SubmitAsync(request, token, bounded), cancellationToken);

    /// <summary>
    /// Runs a form's work with storage bounded in time: if storage does not answer (frozen, down), the member gets
    /// 503 with <c>Retry-After</c> and a page that says so. An answer is either acknowledged and kept, or refused so.
    /// </summary>
    async Task<IResult> WithStorageAsync(Func<CancellationToken, Task<IResult>> work, CancellationToken cancellationToken)
    {
        if (!tokens.Available)
        {
            // The signing key cannot be read (health says so): no link can be checked, so none is refused as forged either.
            return HtmlPage.Unavailable(pages.Invalid("form_unavailable"));
        }

        using CancellationTokenSource bounded = Unanswered.Bounded(cancellationToken);
        try
        {
            return await work(bounded.Token);
        }
        catch (Exception e) when (Unanswered.Is(e, cancellationToken))
        {
            logger.LogWarning(LogEvents.StorageUnavailable,
                "A form could not reach storage ({Error}); answered 503", e.GetType().Name);
            return HtmlPage.Unavailable(pages.Invalid("form_unavailable"));
        }
    }

    async Task<IResult> ShowAsync(string token, CancellationToken cancellationToken)
    {
        Resolved resolved = await ResolveAsync(token, cancellationToken);
        if (resolved.Failure is not null)
        {
            return resolved.Failure;
        }

        (MeetingContext c, FormGrant grant) = (resolved.Context!, resolved.Grant!);
        string action = $"/api/forms/{token}";
        if (grant.Kind != FormKind.Invitation)
        {
            return HtmlPage.Ok(pages.Survey(c, action, await store.LoadSurveyAnswerAsync(c.Network.Id, c.Meeting.Number, grant.MemberId, cancellationToken), null, null));
        }

        InvitationAnswer? current = await store.LoadInvitationAnswerAsync(c.Network.Id, c.Meeting.Number, grant.MemberId, cancellationToken);
        CommitmentFollowUp? followUp = await CommitmentAsync(c, grant.MemberId, cancellationToken) is { } commitment
            ? (current?.FollowUp ?? new CommitmentFollowUp(commitment, null, "")) with { Commitment = commitment }
            : null;
        return HtmlPage.Ok(pages.Invitation(c, action, current, null, null, null, followUp, await history.EarlierAsync(c, grant.MemberId, cancellationToken)));
    }

    /// <summary>
    /// What the member meant to try before this meeting: the commitment of their survey answer to the meeting before
    /// (the last one not cancelled); null when there is none.
    /// </summary>
    async Task<string?> CommitmentAsync(MeetingContext c, string memberId, CancellationToken cancellationToken) =>
        c.Network.Meetings.Where(m => !m.Cancelled && m.Start < c.Meeting.Start).MaxBy(m => m.Start) is { } previous
        && await store.LoadSurveyAnswerAsync(c.Network.Id, previous.Number, memberId, cancellationToken) is { Commitment: { Length: > 0 } commitment }
            ? commitment
            : null;

    async Task<IResult> SubmitAsync(HttpRequest request, string token, CancellationToken cancellationToken)
    {
        Resolved resolved = await ResolveAsync(token, cancellationToken);
        if (resolved.Failure is not null)
        {
            return resolved.Failure;
        }

        RequestBodies.Read<IFormCollection> form = await RequestBodies.ReadFormAsync(request, cancellationToken);
        if (form.Problem is not null)
        {
            return form.Problem;
        }

        (MeetingContext c, FormGrant grant) = (resolved.Context!, resolved.Grant!);
        Dictionary<string, StringValues> fields = form.Value!.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        string action = $"/api/forms/{token}";
        DateTimeOffset now = clock.GetUtcNow();
        if (grant.Kind == FormKind.Invitation)
        {
            (Attendance? attendance, IReadOnlyList<Contribution> contributions, FieldErrors errors) = FormAnswers.ReadInvitation(fields);
            (Tried? tried, string note, bool followedUp, FieldErrors followUpErrors) = FormAnswers.ReadFollowUp(fields);
            string? commitment = await CommitmentAsync(c, grant.MemberId, cancellationToken);
            CommitmentFollowUp? followUp = commitment is null ? null : new CommitmentFollowUp(commitment, tried, note);
            foreach ((string field, string[] messages) in commitment is null ? new Dictionary<string, string[]>() : followUpErrors.ToDictionary())
            {
                foreach (string message in messages)
                {
                    errors.Add(field, message);
                }
            }

            if (!errors.IsEmpty)
            {
                string? posted = fields.TryGetValue("attendance", out StringValues a) ? a.ToString() : null;
                return HtmlPage.Status(StatusCodes.Status400BadRequest,
                    pages.Invitation(c, action, null, contributions, posted, errors, followUp, await history.EarlierAsync(c, grant.MemberId, cancellationToken)));
            }

            var answer = new InvitationAnswer(grant.MemberId, c.Meeting.Number, attendance!.Value, contributions, now, followedUp ? followUp : null);
            InvitationAnswer? previous = await store.LoadInvitationAnswerAsync(c.Network.Id, c.Meeting.Number, grant.MemberId, cancellationToken);
            if (Refusal(c, grant, await checkedAnswers.SaveInvitationAsync(c.Network.Id, answer, previous, cancellationToken)) is { } refused)
            {
                return refused;
            }

            logger.LogInformation("Answer stored for {NetworkId} meeting {Meeting} member {MemberId}", c.Network.Id, c.Meeting.Number, grant.MemberId);
            NetworkTelemetry.Answer("invitation");
            return HtmlPage.Ok(pages.InvitationReceived(c, answer, action));
        }

        (IReadOnlyDictionary<string, int> ratings, IReadOnlyDictionary<string, string> texts, FieldErrors surveyErrors) = FormAnswers.ReadSurvey(fields);
        if (!surveyErrors.IsEmpty)
        {
            var posted = fields.ToDictionary(f => f.Key, f => f.Value.ToString());
            return HtmlPage.Status(StatusCodes.Status400BadRequest, pages.Survey(c, action, null, posted, surveyErrors));
        }

        var survey = new SurveyAnswer(grant.MemberId, c.Meeting.Number, ratings["usefulness"], ratings["relations"], ratings["courage"],
            texts["worked"], texts["improve"], texts["nextThemes"], now, texts["commitment"] is { Length: > 0 } meansToTry ? meansToTry : null);
        SurveyAnswer? earlier = await store.LoadSurveyAnswerAsync(c.Network.Id, c.Meeting.Number, grant.MemberId, cancellationToken);
        if (Refusal(c, grant, await checkedAnswers.SaveSurveyAsync(c.Network.Id, survey, earlier, cancellationToken)) is { } refusedSurvey)
        {
            return refusedSurvey;
        }

        logger.LogInformation("Survey answer stored for {NetworkId} meeting {Meeting} member {MemberId}", c.Network.Id, c.Meeting.Number, grant.MemberId);
        NetworkTelemetry.Answer("survey");
        return HtmlPage.Ok(pages.SurveyReceived(c, survey, action));
    }

    /// <summary>
    /// The page for an answer <see cref="CheckedAnswers"/> took back (the answers were sealed meanwhile, or the member
    /// was erased), instead of "received" for an answer no agenda or summary will show; null when it was kept.
    /// </summary>
    IResult? Refusal(MeetingContext c, FormGrant grant, StoredAnswer stored)
    {
        if (stored == StoredAnswer.Kept)
        {
            return null;
        }

        logger.LogInformation("An answer for {NetworkId} meeting {Meeting} was taken back ({Reason})", c.Network.Id, c.Meeting.Number, stored == StoredAnswer.Erased ? "erased" : "sealed");
        return stored == StoredAnswer.Sealed
            ? HtmlPage.Status(StatusCodes.Status410Gone, pages.Closed(c, grant.Kind))
            : HtmlPage.Status(StatusCodes.Status404NotFound, pages.Invalid("form_gone"));
    }

    sealed record Resolved(MeetingContext? Context, FormGrant? Grant, IResult? Failure);

    /// <summary>The token checked, then the network, member and meeting it names, and whether the form is still open.</summary>
    async Task<Resolved> ResolveAsync(string token, CancellationToken cancellationToken)
    {
        DateTimeOffset now = clock.GetUtcNow();
        TokenCheck check = tokens.Verify(token, now, out FormGrant? grant);
        if (check is TokenCheck.Malformed)
        {
            return new(null, null, HtmlPage.Status(StatusCodes.Status404NotFound, pages.Invalid("form_invalid")));
        }

        if (check is TokenCheck.BadSignature)
        {
            return new(null, null, HtmlPage.Status(StatusCodes.Status403Forbidden, pages.Invalid("form_invalid")));
        }

        if (grant!.Kind is FormKind.Workspace or FormKind.Minutes)
        {
            // A preparer's link opens /api/agenda/{token} or /api/minutes/{token}, never a member's form.
            return new(null, null, HtmlPage.Status(StatusCodes.Status404NotFound, pages.Invalid("form_invalid")));
        }

        if (await store.LoadNetworkAsync(grant!.NetworkId, cancellationToken) is not var (network, _)
            || network.FindMember(grant.MemberId) is null
            || network.FindMeeting(grant.Meeting) is not { Cancelled: false })
        {
            return new(null, null, HtmlPage.Status(StatusCodes.Status404NotFound, pages.Invalid("form_gone")));
        }

        MeetingContext c = MeetingContext.Of(network, grant.Meeting);
        // The survey is open from the end of the meeting: a member may answer before the survey mail arrives.
        AnswerKind kind = grant.Kind == FormKind.Invitation ? AnswerKind.Invitation : AnswerKind.Survey;
        if (check is TokenCheck.Expired || !AnswerWindow.InTime(c.Timeline, kind, now)
            || await store.LoadSealAsync(c.Network.Id, c.Meeting.Number, kind, cancellationToken) is not null)
        {
            return new(null, null, HtmlPage.Status(StatusCodes.Status410Gone, pages.Closed(c, grant.Kind)));
        }

        return new(c, grant, null);
    }
}
