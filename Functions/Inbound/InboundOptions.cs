using System.ComponentModel.DataAnnotations;

namespace NetworkFunctions.Inbound;

/// <summary>
/// Answers by calendar reply (configuration section <c>Inbound</c>). With <see cref="ReplyDomain"/> set, each member's
/// invitation names a reply address of its own at that domain as the meeting's organizer, so the Accept / Tentative /
/// Decline of the member's calendar comes back here through SendGrid Inbound Parse; with <see cref="Secret"/> set,
/// <c>POST /api/inbound/email</c> takes those posts. Either unset: invitations name the facilitator as before and the
/// endpoint answers 404.
/// </summary>
public sealed class InboundOptions
{
    public const string Section = "Inbound";

    /// <summary>The shortest secret accepted: a guessable one would let anyone post replies.</summary>
    public const int MinimumSecretLength = 16;

    /// <summary>The host name whose MX points at SendGrid Inbound Parse (e.g. <c>svar.kommune.dk</c>); empty: off.</summary>
    [RegularExpression(@"^(?=.{1,253}$)([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]{2,63}$",
        ErrorMessage = "Inbound:ReplyDomain must be a host name such as svar.kommune.dk.")]
    public string? ReplyDomain { get; set; }

    /// <summary>What a reply address starts with, before <c>+</c> and the member's code: <c>svar+…@</c>.</summary>
    [Required, RegularExpression("^[a-z0-9]{1,12}$", ErrorMessage = "Inbound:ReplyLocalPart must be 1–12 lowercase letters or digits.")]
    public string ReplyLocalPart { get; set; } = "svar";

    /// <summary>
    /// The password SendGrid sends with each post (basic authentication in the Inbound Parse URL,
    /// <c>https://inbound:{secret}@…/api/inbound/email</c>, or <c>?secret=</c>); a Key Vault reference in Azure.
    /// </summary>
    public string? Secret { get; set; }

    /// <summary>
    /// The secret a rotation replaced, still taken until the Inbound Parse URL carries the new one (then removed), so no
    /// post is refused in between. One that is short or an unresolved Key Vault reference counts as unset.
    /// </summary>
    public string? PreviousSecret { get; set; }

    /// <summary>Whether invitations carry reply addresses.</summary>
    public bool RepliesByMail => !string.IsNullOrWhiteSpace(ReplyDomain);
}
