using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using NetworkFunctions.Email;
using NetworkFunctions.Networks;

namespace NetworkFunctions.MailEvents;

/// <summary>One of our mails that did not reach its recipient, as SendGrid's event webhook reports it: ids only.</summary>
/// <param name="Event">SendGrid's event: <c>bounce</c> (its type <c>blocked</c> included), <c>dropped</c> or <c>spamreport</c>.</param>
public sealed record UndeliveredMail(string NetworkId, int Meeting, string Kind, string Recipient, string Event);

/// <summary>
/// Reads the body SendGrid's event webhook posts (a JSON array of events) and keeps the events that say a mail of ours
/// did not reach its recipient. Our mails carry their ids as custom arguments (<see cref="Mailer.NetworkArgument"/>…),
/// which SendGrid copies into each event; an event without them, or with ids that are not ours in form, is not about
/// a mail of ours and is left out. The address in the event is never read. Pure.
/// </summary>
public static partial class MailEventBatch
{
    public static readonly IReadOnlySet<string> Undeliverable = new HashSet<string>(StringComparer.Ordinal) { "bounce", "dropped", "spamreport" };

    /// <summary>The undelivered mails in the batch; null when the body is not an array of event objects.</summary>
    public static IReadOnlyList<UndeliveredMail>? Read(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Array || body.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.Object))
        {
            return null;
        }

        var found = new List<UndeliveredMail>();
        foreach (JsonElement item in body.EnumerateArray())
        {
            if (String(item, "event") is { } kind && Undeliverable.Contains(kind)
                && String(item, Mailer.NetworkArgument) is { } networkId && NetworkIds.IsValid(networkId)
                && String(item, Mailer.RecipientArgument) is { } recipient && Key().IsMatch(recipient)
                && String(item, Mailer.KindArgument) is { } mailKind && Key().IsMatch(mailKind)
                && int.TryParse(String(item, Mailer.MeetingArgument), NumberStyles.None, CultureInfo.InvariantCulture, out int meeting) && meeting <= 99)
            {
                found.Add(new UndeliveredMail(networkId, meeting, mailKind, recipient, kind));
            }
        }

        return found;
    }

    static string? String(JsonElement item, string name) =>
        item.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>A member id, a role key or a mail kind: lower-case letters, digits and dashes.</summary>
    [GeneratedRegex("^[a-z0-9-]{1,64}$")]
    private static partial Regex Key();
}
