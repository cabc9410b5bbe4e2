using System.Globalization;
using System.Text;
using System.Text.Json;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using MimeKit;
using IcalCalendar = Ical.Net.Calendar;

namespace NetworkFunctions.Local.Mail;

/// <summary>
/// What a member's calendar sends when they press Accept, Tentative or Decline on an invitation: an iTIP REPLY
/// (RFC 5546) in a mail from the attendee to the organizer's address, in the shape Outlook sends it (multipart/alternative
/// with a short text and a <c>text/calendar; method=REPLY</c> part), and that mail posted as SendGrid Inbound Parse posts
/// it with "POST the raw, full MIME message" on. For the local mailbox's reply buttons and the tests.
/// </summary>
public static class CalendarReplyMail
{
    /// <summary>The PARTSTAT of each answer the mailbox offers.</summary>
    public static readonly IReadOnlyDictionary<string, string> Answers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["accept"] = "ACCEPTED",
        ["tentative"] = "TENTATIVE",
        ["decline"] = "DECLINED",
    };

    /// <summary>The REPLY to an invitation's REQUEST text, for its one attendee, stamped <paramref name="now"/>; null when the text is no REQUEST.</summary>
    public static string? Reply(string requestIcs, string partStat, DateTimeOffset now)
    {
        IcalCalendar? request = IcalCalendar.Load(requestIcs);
        if (request is null || !string.Equals(request.Method, "REQUEST", StringComparison.OrdinalIgnoreCase)
            || request.Events.FirstOrDefault() is not { Attendees.Count: > 0, Organizer: not null } invitation)
        {
            return null;
        }

        var calendar = new IcalCalendar { ProductId = "-//NetworkFunctions//Local mailbox reply//EN", Version = "2.0", Method = "REPLY" };
        var reply = new CalendarEvent
        {
            Uid = invitation.Uid,
            Sequence = invitation.Sequence,
            DtStamp = new CalDateTime(new DateTime(now.UtcDateTime.Ticks - (now.UtcDateTime.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc), CalDateTime.UtcTzId),
            DtStart = invitation.DtStart is { } start ? new CalDateTime(start.AsUtc, CalDateTime.UtcTzId) : null,
            Summary = invitation.Summary,
            Organizer = invitation.Organizer,
        };
        reply.Attendees.Add(new Attendee(invitation.Attendees[0].Value!) { CommonName = invitation.Attendees[0].CommonName, ParticipationStatus = partStat });
        calendar.Events.Add(reply);
        return new CalendarSerializer().SerializeToString(calendar);
    }

    /// <summary>The reply as the attendee's mail to the organizer: the address the REPLY's ORGANIZER names.</summary>
    public static MimeMessage Message(string replyIcs, string partStat, DateTimeOffset now)
    {
        IcalCalendar calendar = IcalCalendar.Load(replyIcs) ?? throw new ArgumentException("Not iCalendar.", nameof(replyIcs));
        CalendarEvent evt = calendar.Events.First();
        string attendee = evt.Attendees[0].Value!.OriginalString["mailto:".Length..];
        string organizer = evt.Organizer!.Value!.OriginalString["mailto:".Length..];
        string verb = partStat switch { "ACCEPTED" => "Accepted", "TENTATIVE" => "Tentative", _ => "Declined" };
        var message = new MimeMessage
        {
            Subject = $"{verb}: {evt.Summary}",
            Date = now,
            MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("mailbox.localhost"),
        };
        message.From.Add(new MailboxAddress(evt.Attendees[0].CommonName ?? "", attendee));
        message.To.Add(new MailboxAddress(evt.Organizer.CommonName ?? "", organizer));
        var body = new MultipartAlternative
        {
            new TextPart("plain") { Text = $"{verb}: {evt.Summary}" },
            new TextPart("calendar")
            {
                Content = new MimeContent(new MemoryStream(Encoding.UTF8.GetBytes(replyIcs))),
                ContentTransferEncoding = ContentEncoding.Base64,
            },
        };
        body[1].ContentType.Parameters.Add("method", "REPLY");
        body[1].ContentType.Charset = "utf-8";
        message.Body = body;
        return message;
    }

    /// <summary>The post SendGrid Inbound Parse makes of <paramref name="message"/> in raw mode: multipart/form-data with the whole MIME text in <c>email</c>.</summary>
    public static MultipartFormDataContent InboundParsePost(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var raw = new MemoryStream();
        message.WriteTo(raw);
        string from = message.From.Mailboxes.FirstOrDefault()?.Address ?? "";
        string[] to = [.. message.To.Mailboxes.Select(m => m.Address)];
        return new MultipartFormDataContent
        {
            { new StringContent(Encoding.UTF8.GetString(raw.ToArray())), "email" },
            { new StringContent(string.Join(", ", message.To.Mailboxes.Select(m => m.ToString()))), "to" },
            { new StringContent(message.From.ToString()), "from" },
            { new StringContent(message.Subject ?? ""), "subject" },
            { new StringContent(JsonSerializer.Serialize(new { to, from })), "envelope" },
            { new StringContent("{@mailbox.localhost : pass}"), "dkim" },
            { new StringContent("pass"), "SPF" },
            { new StringContent("127.0.0.1"), "sender_ip" },
            { new StringContent(0.ToString("0.0", CultureInfo.InvariantCulture)), "spam_score" },
            { new StringContent(JsonSerializer.Serialize(new Dictionary<string, string> { ["to"] = "UTF-8", ["from"] = "UTF-8", ["subject"] = "UTF-8" })), "charsets" },
        };
    }
}
