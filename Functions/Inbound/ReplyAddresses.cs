using Microsoft.Extensions.Options;
using NetworkFunctions.Forms;

namespace NetworkFunctions.Inbound;

/// <summary>The member and the code a reply address carries, before the code is checked.</summary>
public sealed record ReplyAddress(string MemberId, string Code);

/// <summary>
/// A reply address per invitation: <c>{localPart}+{memberId}.{code}@{replyDomain}</c>, where the code signs network,
/// meeting and member with the form signing key (<see cref="FormTokens.ShortSignature"/>). The meeting's calendar entry
/// names it as the organizer, so the member's calendar sends its REPLY there. Only the member's own invitation holds
/// the address: a mail with a forged From, or someone else's address and another meeting's UID, matches nothing.
/// </summary>
public sealed class ReplyAddresses(FormTokens tokens, IOptions<InboundOptions> options)
{
    const string Purpose = "reply";

    /// <summary>The member's reply address for a meeting, or null when replies by mail are off (or no key can sign).</summary>
    public string? For(string networkId, int meeting, string memberId)
    {
        InboundOptions inbound = options.Value;
        if (!inbound.RepliesByMail || !tokens.Available)
        {
            return null;
        }

        return $"{inbound.ReplyLocalPart}+{memberId}.{tokens.ShortSignature(Purpose, Data(networkId, meeting, memberId))}@{inbound.ReplyDomain!.ToLowerInvariant()}";
    }

    /// <summary>The member and code of an address at the reply domain (case folded), or null for any other address.</summary>
    public ReplyAddress? Read(string? address)
    {
        InboundOptions inbound = options.Value;
        if (!inbound.RepliesByMail || address is null || address.Length > 254)
        {
            return null;
        }

        int at = address.LastIndexOf('@');
        string prefix = inbound.ReplyLocalPart + "+";
        if (at <= 0 || !string.Equals(address[(at + 1)..], inbound.ReplyDomain, StringComparison.OrdinalIgnoreCase)
            || !address.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        string[] parts = address[prefix.Length..at].ToLowerInvariant().Split('.');
        return parts is [{ Length: > 0 } member, { Length: FormTokens.ShortSignatureLength } code] ? new ReplyAddress(member, code) : null;
    }

    /// <summary>Whether the address's code signs this network, meeting and member (under a key valid at <paramref name="now"/>).</summary>
    public bool Signs(ReplyAddress address, string networkId, int meeting, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(address);
        return tokens.ShortSignatureMatches(Purpose, Data(networkId, meeting, address.MemberId), address.Code, now);
    }

    static string Data(string networkId, int meeting, string memberId) => FormattableString.Invariant($"{networkId}|{meeting}|{memberId}");
}
