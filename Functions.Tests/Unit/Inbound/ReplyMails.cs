using System.Text;

namespace NetworkFunctions.Tests.Unit.Inbound;

/// <summary>
/// Calendar replies as three clients send them, written from RFC 5546 §3.2.3 (REPLY) and RFC 6047 (iMIP) and the
/// clients' documented output: Outlook (multipart/alternative, the REPLY base64 in a text/calendar part, a Windows
/// TZID without VTIMEZONE), Gmail (multipart/mixed around multipart/alternative, the REPLY both inline and as an
/// application/ics attachment) and Apple Calendar (a quoted-printable text/calendar attachment, no SEQUENCE).
/// </summary>
internal static class ReplyMails
{
    public const string Uid = "samskabelse-2027-meeting-2@networkfunctions";
    public const string MemberAddress = "bo@example.org";

    public static string Outlook(string to, string partStat = "ACCEPTED", string uid = Uid, int sequence = 0, string stamp = "20270110T101500Z") =>
        Mime(to, "Accepted: Samskabelse – møde 2", "multipart/alternative; boundary=\"_000_outlook_\"",
            Part("_000_outlook_", "text/plain; charset=\"utf-8\"", "base64", Base64("Bo Berg har accepteret.")),
            Part("_000_outlook_", "text/calendar; charset=\"utf-8\"; method=REPLY", "base64", Base64(Lines(
                "BEGIN:VCALENDAR", "METHOD:REPLY", "PRODID:Microsoft Exchange Server 2010", "VERSION:2.0",
                "BEGIN:VEVENT",
                $"ATTENDEE;PARTSTAT={partStat};CN=Bo Berg:mailto:{MemberAddress}",
                "COMMENT;LANGUAGE=da-DK:\\n", "SUMMARY;LANGUAGE=da-DK:Accepteret: Samskabelse – møde 2",
                "DTSTART;TZID=Romance Standard Time:20270204T090000", "DTEND;TZID=Romance Standard Time:20270204T123000",
                $"UID:{uid}", "CLASS:PUBLIC", "PRIORITY:5", $"DTSTAMP:{stamp}", "TRANSP:OPAQUE", "STATUS:CONFIRMED",
                $"SEQUENCE:{sequence}", "LOCATION;LANGUAGE=da-DK:Rådhuset", $"X-MICROSOFT-CDO-APPT-SEQUENCE:{sequence}",
                "X-MICROSOFT-CDO-BUSYSTATUS:BUSY", "END:VEVENT", "END:VCALENDAR")))) + "--_000_outlook_--\r\n";

    public static string Gmail(string to, string partStat = "DECLINED", string uid = Uid, string method = "REPLY")
    {
        string ics = Lines(
            "BEGIN:VCALENDAR", "PRODID:-//Google Inc//Google Calendar 70.9054//EN", "VERSION:2.0", "CALSCALE:GREGORIAN", $"METHOD:{method}",
            "BEGIN:VEVENT", "DTSTART:20270204T080000Z", "DTEND:20270204T113000Z", "DTSTAMP:20270111T090000Z",
            $"ORGANIZER;CN=Anna Tofte:mailto:{to}", $"UID:{uid}",
            $"ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT={partStat};CN=Bo Berg;X-NUM-GUESTS=0:mailto:{MemberAddress}",
            "CREATED:20270105T080000Z", "LAST-MODIFIED:20270111T090000Z", "LOCATION:Rådhuset", "SEQUENCE:0",
            "STATUS:CONFIRMED", "SUMMARY:Samskabelse – møde 2", "TRANSP:OPAQUE", "END:VEVENT", "END:VCALENDAR");
        return Mime(to, "Invitation: Samskabelse – møde 2", "multipart/mixed; boundary=\"000a\"",
                "--000a\r\nContent-Type: multipart/alternative; boundary=\"000b\"\r\n\r\n"
                + Part("000b", "text/plain; charset=\"UTF-8\"; format=flowed; delsp=yes", "base64", Base64("Bo Berg has declined this invitation."))
                + Part("000b", "text/html; charset=\"UTF-8\"", "quoted-printable", "<p>Bo Berg has declined this invitation.</p>")
                + Part("000b", "text/calendar; charset=\"UTF-8\"; method=REPLY", "7bit", ics)
                + "--000b--\r\n",
                Part("000a", "application/ics; name=\"invite.ics\"\r\nContent-Disposition: attachment; filename=\"invite.ics\"", "base64", Base64(ics)))
            + "--000a--\r\n";
    }

    public static string Apple(string to, string partStat = "TENTATIVE", string uid = Uid, string method = "REPLY")
    {
        string ics = Lines(
            "BEGIN:VCALENDAR", $"METHOD:{method}", "VERSION:2.0", "PRODID:-//Apple Inc.//macOS 15.1//EN",
            "BEGIN:VEVENT", $"ATTENDEE;CN=\"Bo Berg\";CUTYPE=INDIVIDUAL;EMAIL=\"{MemberAddress}\";PARTSTAT={partStat}:mailto:{MemberAddress}",
            "DTEND;TZID=Europe/Copenhagen:20270204T123000", "DTSTAMP:20270112T070000Z", "DTSTART;TZID=Europe/Copenhagen:20270204T090000",
            $"ORGANIZER;CN=\"Anna Tofte\":mailto:{to}", "SUMMARY:Samskabelse – møde 2", $"UID:{uid}", "END:VEVENT", "END:VCALENDAR");
        return Mime(to, "Invitation: Samskabelse – møde 2 (tentative)", "multipart/mixed; boundary=\"Apple-Mail=_4A1\"",
                Part("Apple-Mail=_4A1", "text/plain; charset=us-ascii", "7bit", "Bo Berg has tentatively accepted your invitation."),
                Part("Apple-Mail=_4A1", "text/calendar; x-unix-mode=0644; name=\"iCal-20270112-070000.ics\"; method=REPLY\r\nContent-Disposition: attachment; filename=iCal-20270112-070000.ics",
                    "quoted-printable", QuotedPrintable(ics)))
            + "--Apple-Mail=_4A1--\r\n";
    }

    /// <summary>A whole message: headers from the member to <paramref name="to"/>, then the parts.</summary>
    public static string Mime(string to, string subject, string contentType, params string[] parts) =>
        $"From: Bo Berg <{MemberAddress}>\r\nTo: Anna Tofte <{to}>\r\nSubject: {subject}\r\nDate: Mon, 11 Jan 2027 10:15:00 +0100\r\n"
        + $"Message-ID: <reply-{Guid.NewGuid():N}@example.org>\r\nMIME-Version: 1.0\r\nContent-Type: {contentType}\r\n\r\n"
        + string.Concat(parts);

    public static string Part(string boundary, string contentType, string encoding, string body) =>
        $"--{boundary}\r\nContent-Type: {contentType}\r\nContent-Transfer-Encoding: {encoding}\r\n\r\n{body}\r\n";

    public static string Lines(params string[] lines) => string.Join("\r\n", lines) + "\r\n";

    static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text), Base64FormattingOptions.InsertLineBreaks);

    /// <summary>Quoted-printable as Apple Mail writes it: line ends as =0D=0A, other bytes outside printable ASCII as =XX, soft breaks under 76 characters.</summary>
    static string QuotedPrintable(string text)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (byte b in Encoding.UTF8.GetBytes(text))
        {
            string token = b is >= 33 and <= 126 and not (byte)'=' ? ((char)b).ToString() : $"={b:X2}";
            if (line.Length + token.Length > 72)
            {
                lines.Add(line.ToString());
                line.Clear();
            }

            line.Append(token);
        }

        lines.Add(line.ToString());
        return string.Join("=\r\n", lines);
    }
}
