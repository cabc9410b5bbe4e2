using System.Text;
using System.Text.Json;
using MimeKit;
using NetworkFunctions.Calendar;

namespace NetworkFunctions.Inbound;

/// <summary>What an inbound mail holds for us: the addresses it was sent to, and the calendar replies in its parts.</summary>
public sealed record InboundMessage(IReadOnlyList<string> Recipients, IReadOnlyList<CalendarReply> Replies);

/// <summary>An inbound mail read, or why it could not be (the sender gets 400 with this).</summary>
public sealed record InboundRead(InboundMessage? Message, string? Problem);

/// <summary>
/// Reads the raw MIME message SendGrid Inbound Parse posts (its <c>email</c> field) with MimeKit, within limits a
/// hostile mail cannot get past: a bounded nesting depth and number of parts, and calendar parts of bounded size. The
/// recipients come from SendGrid's envelope (the addresses the mail was delivered to) and the To and Cc headers. Pure.
/// </summary>
public static class InboundMessages
{
    public const int MaxDepth = 8;
    public const int MaxParts = 64;
    public const int MaxCalendarBytes = 256 * 1024;

    static readonly ParserOptions Parsing = new() { MaxMimeDepth = MaxDepth, MaxAddressGroupDepth = 2 };

    public static InboundRead Read(string? rawMime, string? envelope)
    {
        if (string.IsNullOrWhiteSpace(rawMime))
        {
            return new(null, "The post has no 'email' field: set the Inbound Parse host to \"POST the raw, full MIME message\".");
        }

        MimeMessage message;
        try
        {
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(rawMime));
            message = MimeMessage.Load(Parsing, stream);
        }
        catch (FormatException)
        {
            return new(null, "The 'email' field is not a MIME message.");
        }

        var replies = new List<CalendarReply>();
        int parts = 0;
        using (var iterator = new MimeIterator(message))
        {
            while (iterator.MoveNext())
            {
                if (++parts > MaxParts)
                {
                    return new(null, $"The message has more than {MaxParts} parts.");
                }

                if (iterator.Depth >= MaxDepth)
                {
                    return new(null, $"The message nests parts deeper than {MaxDepth}.");
                }

                if (iterator.Current is MimePart part && IsCalendar(part) && Text(part) is { } ics
                    && CalendarReplies.Read(ics) is { } reply && !replies.Contains(reply))
                {
                    replies.Add(reply);
                }
            }
        }

        return new(new InboundMessage(Recipients(message, envelope), replies), null);
    }

    /// <summary>A calendar part as Outlook (text/calendar), Gmail (text/calendar and an application/ics attachment) and Apple Calendar (a text/calendar attachment) send one.</summary>
    static bool IsCalendar(MimePart part) =>
        part.ContentType.IsMimeType("text", "calendar")
        || part.ContentType.IsMimeType("application", "ics")
        || (part.FileName?.EndsWith(".ics", StringComparison.OrdinalIgnoreCase) ?? false);

    /// <summary>The part's decoded text in its charset (UTF-8 unless it says otherwise), or null when it is larger than the limit.</summary>
    static string? Text(MimePart part)
    {
        if (part.Content is null)
        {
            return null;
        }

        using var decoded = new MemoryStream();
        part.Content.DecodeTo(decoded);
        if (decoded.Length > MaxCalendarBytes)
        {
            return null;
        }

        Encoding encoding = part.ContentType.CharsetEncoding ?? Encoding.UTF8;
        return encoding.GetString(decoded.GetBuffer(), 0, (int)decoded.Length);
    }

    static List<string> Recipients(MimeMessage message, string? envelope)
    {
        var addresses = new List<string>();
        if (!string.IsNullOrWhiteSpace(envelope))
        {
            try
            {
                using JsonDocument json = JsonDocument.Parse(envelope, new JsonDocumentOptions { MaxDepth = 4 });
                if (json.RootElement.ValueKind == JsonValueKind.Object
                    && json.RootElement.TryGetProperty("to", out JsonElement to) && to.ValueKind == JsonValueKind.Array)
                {
                    addresses.AddRange(to.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.String).Select(a => a.GetString()!));
                }
            }
            catch (JsonException)
            {
                // The headers still name the recipients.
            }
        }

        addresses.AddRange(message.To.Mailboxes.Concat(message.Cc.Mailboxes).Select(m => m.Address));
        return [.. addresses.Select(a => a.Trim()).Where(a => a.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)];
    }
}
