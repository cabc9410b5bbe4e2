using NetworkFunctions.Calendar;
using NetworkFunctions.Networks;

namespace NetworkFunctions.Tests.Unit.Inbound;

/// <summary>The UID of a meeting read back, and what each PARTSTAT answers.</summary>
public sealed class CalendarRepliesTests
{
    [Fact]
    public void Reads_the_network_and_meeting_of_a_uid_it_made()
    {
        string uid = MeetingCalendar.Uid("samskabelse-meeting-2027", 12);

        Assert.True(CalendarReplies.TryReadUid(uid, out string network, out int meeting));
        Assert.Equal(("samskabelse-meeting-2027", 12), (network, meeting));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("040000008200E00074C5B7101A82E008000000001@outlook.com")]
    [InlineData("samskabelse-2027-meeting-0@networkfunctions")]
    [InlineData("samskabelse-2027-meeting-1@networkfunctions.evil")]
    [InlineData("Samskabelse-2027-meeting-1@networkfunctions")]
    [InlineData("ab-meeting-1@networkfunctions")]
    [InlineData("samskabelse-2027-meeting-1000@networkfunctions")]
    public void Any_other_uid_names_no_meeting(string? uid)
    {
        Assert.False(CalendarReplies.TryReadUid(uid, out _, out _));
    }

    [Theory]
    [InlineData("ACCEPTED", Attendance.Yes)]
    [InlineData("accepted", Attendance.Yes)]
    [InlineData("TENTATIVE", Attendance.Maybe)]
    [InlineData("DECLINED", Attendance.No)]
    [InlineData("NEEDS-ACTION", null)]
    [InlineData("DELEGATED", null)]
    public void Each_participation_status_gives_its_answer(string status, Attendance? answer)
    {
        Assert.Equal(answer, new CalendarReply("u", 0, status, null, null).Answer);
    }

    [Fact]
    public void A_reply_with_two_attendees_or_no_uid_is_no_reply()
    {
        string two = ReplyMails.Lines("BEGIN:VCALENDAR", "METHOD:REPLY", "BEGIN:VEVENT", $"UID:{ReplyMails.Uid}",
            "ATTENDEE;PARTSTAT=ACCEPTED:mailto:a@example.org", "ATTENDEE;PARTSTAT=DECLINED:mailto:b@example.org", "END:VEVENT", "END:VCALENDAR");
        string noUid = ReplyMails.Lines("BEGIN:VCALENDAR", "METHOD:REPLY", "BEGIN:VEVENT",
            "ATTENDEE;PARTSTAT=ACCEPTED:mailto:a@example.org", "END:VEVENT", "END:VCALENDAR");

        Assert.Null(CalendarReplies.Read(two));
        Assert.Null(CalendarReplies.Read(noUid));
        Assert.Null(CalendarReplies.Read("not a calendar"));
    }
}
