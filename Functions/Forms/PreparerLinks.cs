using Microsoft.AspNetCore.Http;
using NetworkFunctions.Http;
using NetworkFunctions.Networks;
using NetworkFunctions.Storage;

namespace NetworkFunctions.Forms;

/// <summary>A preparer's link opened: the meeting and the preparer's recipient key, or the page that says why not.</summary>
public sealed record PreparerLink(MeetingContext? Context, string? Preparer, IResult? Failure);

/// <summary>
/// Opens the links the facilitator and the consultant get (the agenda workspace, the minutes): the token is checked
/// (403 forged, 404 malformed or of another kind, 410 expired), it must name a preparer, and its network and meeting
/// must still be there and not cancelled (404). The pages are the forms' friendly error pages.
/// </summary>
public sealed class PreparerLinks(FormTokens tokens, FormPages pages, NetworkStore store, TimeProvider clock)
{
    public async Task<PreparerLink> OpenAsync(string token, FormKind kind, CancellationToken cancellationToken)
    {
        if (!tokens.Available)
        {
            return Failed(HtmlPage.Unavailable(pages.Invalid("form_unavailable")));
        }

        TokenCheck check = tokens.Verify(token, clock.GetUtcNow(), out FormGrant? grant);
        if (check is TokenCheck.BadSignature)
        {
            return Failed(HtmlPage.Status(StatusCodes.Status403Forbidden, pages.Invalid("form_invalid")));
        }

        if (check is TokenCheck.Malformed || grant is null || grant.Kind != kind || grant.MemberId is not (MailKinds.Facilitator or MailKinds.Consultant))
        {
            return Failed(HtmlPage.Status(StatusCodes.Status404NotFound, pages.Invalid("form_invalid")));
        }

        if (check is TokenCheck.Expired)
        {
            return Failed(HtmlPage.Status(StatusCodes.Status410Gone, pages.Invalid("form_gone")));
        }

        return await store.LoadNetworkAsync(grant.NetworkId, cancellationToken) is var (network, _) && network.FindMeeting(grant.Meeting) is { Cancelled: false }
            ? new PreparerLink(MeetingContext.Of(network, grant.Meeting), grant.MemberId, null)
            : Failed(Gone());
    }

    /// <summary>The page for a link whose meeting cannot be shown (gone, or not yet).</summary>
    public IResult Gone(string key = "form_gone") => HtmlPage.Status(StatusCodes.Status404NotFound, pages.Invalid(key));

    static PreparerLink Failed(IResult failure) => new(null, null, failure);
}
