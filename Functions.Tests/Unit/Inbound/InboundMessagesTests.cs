using System.Text;
using NetworkFunctions.Calendar;
using NetworkFunctions.Inbound;
using NetworkFunctions.Networks;
using static NetworkFunctions.Tests.Unit.Inbound.ReplyMails;

namespace NetworkFunctions.Tests.Unit.Inbound;

/// <summary>Reading the raw MIME SendGrid Inbound Parse posts: each client's shape of a REPLY, and mails built to hurt.</summary>
public sealed class InboundMessagesTests
{
    const string To = "svar+mabc.0123456789abcdef0123456789abcdef@svar.example.org";

    static InboundMessage Read(string mime, string? envelope = null)
    {
        InboundRead read = InboundMessages.Read(mime, envelope);
        Assert.Null(read.Problem);
        return read.Message!;
    }

    [Fact]
    public void Reads_an_Outlook_acceptance_with_its_sequence_stamp_and_attendee()
    {
        InboundMessage message = Read(Outlook(To, sequence: 1));

        CalendarReply reply = Assert.Single(message.Replies);
        Assert.Equal((Uid, 1, Attendance.Yes, MemberAddress), (reply.Uid, reply.Sequence, reply.Answer, reply.Attendee));
        Assert.Equal(new DateTimeOffset(2027, 1, 10, 10, 15, 0, TimeSpan.Zero), reply.Stamp);
        Assert.Contains(To, message.Recipients);
    }

    [Fact]
    public void Reads_a_Gmail_decline_once_although_it_comes_inline_and_as_an_attachment()
    {
        CalendarReply reply = Assert.Single(Read(Gmail(To)).Replies);

        Assert.Equal((Attendance.No, 0), (reply.Answer, reply.Sequence));
    }

    [Fact]
    public void Reads_an_Apple_Calendar_tentative_answer_from_a_quoted_printable_attachment_without_a_sequence()
    {
        CalendarReply reply = Assert.Single(Read(Apple(To)).Replies);

        Assert.Equal((Attendance.Maybe, (int?)null, MemberAddress), (reply.Answer, reply.Sequence, reply.Attendee));
    }

    [Fact]
    public void Takes_the_recipients_from_the_envelope_and_the_headers()
    {
        InboundMessage message = Read(Outlook("facilitator@example.org"), """{"to":["svar+mabc.ffff@svar.example.org"],"from":"bo@example.org"}""");

        Assert.Equal(["svar+mabc.ffff@svar.example.org", "facilitator@example.org"], message.Recipients);
    }

    [Theory]
    [InlineData("REQUEST")]
    [InlineData("CANCEL")]
    [InlineData("PUBLISH")]
    public void Another_method_than_reply_holds_no_answer(string method)
    {
        Assert.Empty(Read(Gmail(To, method: method)).Replies);
        Assert.Empty(Read(Apple(To, method: method)).Replies);
    }

    [Fact]
    public void A_plain_mail_holds_no_reply_and_is_no_problem()
    {
        InboundMessage message = Read(Mime(To, "ja", "text/plain; charset=utf-8", "Ja tak, jeg kommer.\r\n"));

        Assert.Empty(message.Replies);
    }

    [Fact]
    public void Calendar_text_that_is_not_icalendar_is_skipped()
    {
        InboundMessage message = Read(Mime(To, "x", "multipart/mixed; boundary=b",
            Part("b", "text/calendar; method=REPLY", "7bit", "BEGIN:VCALENDAR\r\nMETHOD:REPLY\r\nBEGIN:VEVENT\r\nATTENDEE;PARTSTAT=\u0000:::\r\n"), "--b--\r\n"));

        Assert.Empty(message.Replies);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void A_post_without_the_raw_message_says_to_turn_raw_mode_on(string? mime)
    {
        InboundRead read = InboundMessages.Read(mime, null);

        Assert.Contains("raw, full MIME message", read.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parts_nested_deeper_than_the_limit_are_refused()
    {
        var mime = new StringBuilder($"From: a@example.org\r\nTo: {To}\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b0\r\n\r\n");
        for (int depth = 1; depth <= 40; depth++)
        {
            mime.Append($"--b{depth - 1}\r\nContent-Type: multipart/mixed; boundary=b{depth}\r\n\r\n");
        }

        InboundRead read = InboundMessages.Read(mime.ToString(), null);

        Assert.Null(read.Message);
        Assert.Contains("deeper", read.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void More_parts_than_the_limit_are_refused()
    {
        string[] parts = [.. Enumerable.Range(0, 200).Select(i => Part("b", "text/plain", "7bit", "part " + i)), "--b--\r\n"];

        InboundRead read = InboundMessages.Read(Mime(To, "many", "multipart/mixed; boundary=b", parts), null);

        Assert.Null(read.Message);
        Assert.Contains("more than", read.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_calendar_part_larger_than_the_limit_is_not_read()
    {
        string plain = Mime(To, "big", "multipart/mixed; boundary=b",
            Part("b", "text/calendar; method=REPLY", "7bit", Lines("BEGIN:VCALENDAR", "METHOD:REPLY", "BEGIN:VEVENT", $"UID:{Uid}",
                $"ATTENDEE;PARTSTAT=ACCEPTED:mailto:{MemberAddress}", "X-PAD:" + new string('x', InboundMessages.MaxCalendarBytes), "END:VEVENT", "END:VCALENDAR")), "--b--\r\n");

        Assert.Empty(Read(plain).Replies);
    }
}
