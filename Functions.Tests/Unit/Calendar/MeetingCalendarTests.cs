using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using NetworkFunctions.Calendar;
using NetworkFunctions.Networks;
using IcalCalendar = Ical.Net.Calendar;

namespace NetworkFunctions.Tests.Unit.Calendar;

/// <summary>
/// The .ics documents of SPEC section 2 step 1 and "Changes during the year", parsed back with Ical.Net and read as
/// raw text the way Outlook, Gmail and Apple Calendar read them.
/// </summary>
public class MeetingCalendarTests
{
    const string NetworkId = "slagelse-samskabelse-2027";
    const string Copenhagen = "Europe/Copenhagen";
    const string Location = "Rådhuset, mødelokale 1; 2. sal";

    static readonly DateTimeOffset Stamp = new(2026, 11, 28, 9, 15, 30, TimeSpan.FromHours(1));

    static readonly CalendarContext Context = new(
        NetworkId,
        "Læringsnetværk for samskabelse",
        new Person("Mette Holm", "mette.holm@borgerdialog.dk"),
        Copenhagen,
        Language.Da);

    static readonly Person Attendee = new("Hansen, Jens", "jens.hansen@slagelse.dk");

    /// <summary>Monday after the spring change (last Sunday of March 2027 is the 28th): CEST, UTC+2.</summary>
    static readonly Meeting AfterChange = new(
        2,
        new DateTimeOffset(2027, 3, 29, 9, 0, 0, TimeSpan.FromHours(2)),
        new DateTimeOffset(2027, 3, 29, 12, 30, 0, TimeSpan.FromHours(2)),
        Location,
        null);

    /// <summary>Friday before the spring change: CET, UTC+1.</summary>
    static readonly Meeting BeforeChange = new(
        1,
        new DateTimeOffset(2027, 3, 26, 9, 0, 0, TimeSpan.FromHours(1)),
        new DateTimeOffset(2027, 3, 26, 12, 30, 0, TimeSpan.FromHours(1)),
        Location,
        null);

    [Fact]
    public void RequestCarriesHeaderMethodAndTimeZone()
    {
        IcalCalendar calendar = Parse(MeetingCalendar.Request(Context, AfterChange, Attendee, Stamp));

        Assert.Equal("REQUEST", calendar.Method);
        Assert.Equal("2.0", calendar.Version);
        Assert.False(string.IsNullOrWhiteSpace(calendar.ProductId));
        Assert.DoesNotContain("ical.net", calendar.ProductId, StringComparison.OrdinalIgnoreCase);
        VTimeZone zone = Assert.Single(calendar.TimeZones);
        Assert.Equal(Copenhagen, zone.TzId);
        Assert.Single(calendar.Events);
    }

    [Fact]
    public void RequestDescribesTheMeetingForOneAttendee()
    {
        CalendarEvent evt = SingleEvent(MeetingCalendar.Request(Context, AfterChange with { Revision = 2 }, Attendee, Stamp));

        Assert.Equal(MeetingCalendar.Uid(NetworkId, 2), evt.Uid);
        Assert.Equal(2, evt.Sequence);
        Assert.Equal("Læringsnetværk for samskabelse – møde 2", evt.Summary);
        Assert.Equal(Location, evt.Location);
        Assert.False(string.IsNullOrWhiteSpace(evt.Description));
        Assert.Equal("CONFIRMED", evt.Status);

        Assert.NotNull(evt.Organizer);
        Assert.Equal("mailto:mette.holm@borgerdialog.dk", evt.Organizer.Value?.ToString());
        Assert.Equal("Mette Holm", evt.Organizer.CommonName);

        Attendee attendee = Assert.Single(evt.Attendees);
        Assert.Equal("mailto:jens.hansen@slagelse.dk", attendee.Value?.ToString());
        Assert.Equal("Hansen, Jens", attendee.CommonName);
        Assert.Equal("REQ-PARTICIPANT", attendee.Role);
        Assert.Equal("NEEDS-ACTION", attendee.ParticipationStatus);
        Assert.True(attendee.Rsvp);
    }

    [Fact]
    public void RequestRemindsTheDayBefore()
    {
        CalendarEvent evt = SingleEvent(MeetingCalendar.Request(Context, AfterChange, Attendee, Stamp));

        Alarm alarm = Assert.Single(evt.Alarms);
        Assert.Equal("DISPLAY", alarm.Action);
        Assert.NotNull(alarm.Trigger);
        Assert.True(alarm.Trigger.IsRelative);
        Assert.Equal(Duration.FromDays(-1), alarm.Trigger.Duration);
        Assert.False(string.IsNullOrWhiteSpace(alarm.Description));
    }

    [Fact]
    public void StampIsWrittenInUtc()
    {
        string ics = MeetingCalendar.Request(Context, AfterChange, Attendee, Stamp);

        Assert.Contains("\r\nDTSTAMP:20261128T081530Z\r\n", ics, StringComparison.Ordinal);
        CalendarEvent evt = SingleEvent(ics);
        Assert.NotNull(evt.DtStamp);
        Assert.True(evt.DtStamp.IsUtc);
        Assert.Equal(Stamp.UtcDateTime, evt.DtStamp.AsUtc);
    }

    [Theory]
    [InlineData(Language.Da, "Læringsnetværk for samskabelse – møde 2")]
    [InlineData(Language.En, "Læringsnetværk for samskabelse – meeting 2")]
    public void SummaryDefaultsToNetworkNameAndMeetingNumber(Language language, string expected)
    {
        CalendarEvent evt = SingleEvent(MeetingCalendar.Request(Context with { Language = language }, AfterChange, Attendee, Stamp));

        Assert.Equal(expected, evt.Summary);
    }

    [Fact]
    public void SummaryIsTheMeetingTitleWhenThereIsOne()
    {
        CalendarEvent evt = SingleEvent(MeetingCalendar.Request(Context, AfterChange with { Title = "Kick-off med direktøren" }, Attendee, Stamp));

        Assert.Equal("Kick-off med direktøren", evt.Summary);
    }

    [Fact]
    public void UidStaysTheSameAcrossRequestUpdateAndCancel()
    {
        Meeting moved = AfterChange with
        {
            Start = AfterChange.Start.AddDays(7),
            End = AfterChange.End.AddDays(7),
            Revision = 1,
        };
        Meeting cancelled = moved with { Revision = 2, Cancelled = true };

        string[] uids =
        [
            SingleEvent(MeetingCalendar.Request(Context, AfterChange, Attendee, Stamp)).Uid!,
            SingleEvent(MeetingCalendar.Request(Context, moved, Attendee, Stamp.AddDays(3))).Uid!,
            SingleEvent(MeetingCalendar.Cancel(Context, cancelled, Attendee, Stamp.AddDays(5))).Uid!,
            SingleEvent(MeetingCalendar.Series(Context, [BeforeChange, moved], Stamp), 2).Uid!,
        ];

        Assert.All(uids, uid => Assert.Equal(MeetingCalendar.Uid(NetworkId, 2), uid));
    }

    [Fact]
    public void UidDiffersPerMeetingAndNetwork()
    {
        string[] uids =
        [
            MeetingCalendar.Uid(NetworkId, 1),
            MeetingCalendar.Uid(NetworkId, 2),
            MeetingCalendar.Uid(NetworkId, 12),
            MeetingCalendar.Uid("korsoer-trivsel-2027", 1),
            MeetingCalendar.Uid(NetworkId + "-1", 2),
        ];

        Assert.Equal(uids.Length, uids.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(MeetingCalendar.Uid(NetworkId, 1), MeetingCalendar.Uid(NetworkId, 1));
        Assert.Equal(MeetingCalendar.Uid(NetworkId, 1), SingleEvent(MeetingCalendar.Request(Context, AfterChange with { Number = 1 }, Attendee, Stamp)).Uid);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    public void SequenceFollowsRevision(int revision)
    {
        Meeting meeting = AfterChange with { Revision = revision };

        Assert.Equal(revision, SingleEvent(MeetingCalendar.Request(Context, meeting, Attendee, Stamp)).Sequence);
        Assert.Equal(revision, SingleEvent(MeetingCalendar.Cancel(Context, meeting, Attendee, Stamp)).Sequence);
        Assert.Equal(revision, SingleEvent(MeetingCalendar.Series(Context, [meeting], Stamp), 2).Sequence);
        Assert.Contains($"\r\nSEQUENCE:{revision}\r\n", MeetingCalendar.Request(Context, meeting, Attendee, Stamp), StringComparison.Ordinal);
    }

    [Fact]
    public void StartAndEndKeepLocalTimeAcrossTheSpringChange()
    {
        string after = MeetingCalendar.Request(Context, AfterChange, Attendee, Stamp);
        string before = MeetingCalendar.Request(Context, BeforeChange, Attendee, Stamp);

        Assert.Contains("\r\nDTSTART;TZID=Europe/Copenhagen:20270329T090000\r\n", after, StringComparison.Ordinal);
        Assert.Contains("\r\nDTEND;TZID=Europe/Copenhagen:20270329T123000\r\n", after, StringComparison.Ordinal);
        Assert.Contains("\r\nDTSTART;TZID=Europe/Copenhagen:20270326T090000\r\n", before, StringComparison.Ordinal);

        CalendarEvent afterEvent = SingleEvent(after);
        CalendarEvent beforeEvent = SingleEvent(before);
        Assert.Equal(Copenhagen, afterEvent.DtStart?.TzId);
        Assert.Equal(new DateTime(2027, 3, 29, 7, 0, 0, DateTimeKind.Utc), afterEvent.DtStart?.AsUtc);
        Assert.Equal(new DateTime(2027, 3, 29, 10, 30, 0, DateTimeKind.Utc), afterEvent.DtEnd?.AsUtc);
        Assert.Equal(new DateTime(2027, 3, 26, 8, 0, 0, DateTimeKind.Utc), beforeEvent.DtStart?.AsUtc);
    }

    [Fact]
    public void StartIsTheLocalTimeWhateverOffsetTheMeetingWasGivenIn()
    {
        Meeting inUtc = AfterChange with
        {
            Start = new DateTimeOffset(2027, 3, 29, 7, 0, 0, TimeSpan.Zero),
            End = new DateTimeOffset(2027, 3, 29, 10, 30, 0, TimeSpan.Zero),
        };

        Assert.Equal(
            MeetingCalendar.Request(Context, AfterChange, Attendee, Stamp),
            MeetingCalendar.Request(Context, inUtc, Attendee, Stamp));
    }

    [Fact]
    public void TimeZoneAloneGivesTheOffsetsAcrossTheSpringChange()
    {
        // Outlook resolves TZID through the VTIMEZONE in the file, not through its own zone database.
        VTimeZone zone = Assert.Single(Parse(MeetingCalendar.Request(Context, AfterChange, Attendee, Stamp)).TimeZones);

        VTimeZoneInfo standard = Assert.Single(zone.TimeZoneInfos, info => info.Name == "STANDARD");
        VTimeZoneInfo daylight = Assert.Single(zone.TimeZoneInfos, info => info.Name == "DAYLIGHT");
        Assert.Equal(TimeSpan.FromHours(1), standard.OffsetTo?.Offset);
        Assert.Equal(TimeSpan.FromHours(2), daylight.OffsetTo?.Offset);
        Assert.Equal(TimeSpan.FromHours(1), OffsetAt(zone, new DateTime(2027, 3, 26, 9, 0, 0)));
        Assert.Equal(TimeSpan.FromHours(2), OffsetAt(zone, new DateTime(2027, 3, 29, 9, 0, 0)));
        Assert.Equal(TimeSpan.FromHours(1), OffsetAt(zone, new DateTime(2027, 11, 1, 9, 0, 0)));
    }

    [Fact]
    public void EscapesCommasSemicolonsAndDanishLettersInText()
    {
        string ics = MeetingCalendar.Request(Context, AfterChange, Attendee, Stamp);

        Assert.Contains("\r\nLOCATION:Rådhuset\\, mødelokale 1\\; 2. sal\r\n", ics, StringComparison.Ordinal);
        Assert.Equal(Location, SingleEvent(ics).Location);
    }

    [Fact]
    public void EscapesLineBreaksAndBackslashesInText()
    {
        Meeting meeting = AfterChange with { Title = "Samskabelse\nog mod\\vilje", Location = "Byrådssalen\r\nIndgang C" };

        string ics = MeetingCalendar.Request(Context, meeting, Attendee, Stamp);

        Assert.Contains("\r\nSUMMARY:Samskabelse\\nog mod\\\\vilje\r\n", ics, StringComparison.Ordinal);
        CalendarEvent evt = SingleEvent(ics);
        Assert.Equal("Samskabelse\nog mod\\vilje", evt.Summary);
        Assert.Equal("Byrådssalen\nIndgang C", evt.Location);
    }

    [Fact]
    public void QuotesNamesWithCommasAndSemicolons()
    {
        CalendarContext context = Context with { Organizer = new Person("Holm; Mette, Borgerdialog", "mette.holm@borgerdialog.dk") };

        string ics = MeetingCalendar.Request(context, AfterChange, Attendee, Stamp);

        Assert.Contains("CN=\"Hansen, Jens\"", Unfold(ics), StringComparison.Ordinal);
        Assert.Contains("CN=\"Holm; Mette, Borgerdialog\"", Unfold(ics), StringComparison.Ordinal);
        CalendarEvent evt = SingleEvent(ics);
        Assert.Equal("Hansen, Jens", Assert.Single(evt.Attendees).CommonName);
        Assert.Equal("Holm; Mette, Borgerdialog", evt.Organizer?.CommonName);
        Assert.Equal("mailto:jens.hansen@slagelse.dk", Assert.Single(evt.Attendees).Value?.ToString());
    }

    [Fact]
    public void FlattensLineBreaksAndQuotesInNames()
    {
        Person attendee = new("Søren \"Sørensen\"\r\nØstergaard", "soren@slagelse.dk");

        string ics = MeetingCalendar.Request(Context, AfterChange, attendee, Stamp);

        Assert.Equal("Søren Sørensen  Østergaard", Assert.Single(SingleEvent(ics).Attendees).CommonName);
    }

    [Fact]
    public void CancelHasMethodCancelAndStatusCancelled()
    {
        Meeting cancelled = AfterChange with { Revision = 3, Cancelled = true };

        string ics = MeetingCalendar.Cancel(Context, cancelled, Attendee, Stamp);

        IcalCalendar calendar = Parse(ics);
        Assert.Equal("CANCEL", calendar.Method);
        Assert.Contains("\r\nMETHOD:CANCEL\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("\r\nSTATUS:CANCELLED\r\n", ics, StringComparison.Ordinal);
        CalendarEvent evt = Assert.Single(calendar.Events);
        Assert.Equal("CANCELLED", evt.Status);
        Assert.Equal(3, evt.Sequence);
        Assert.Equal(MeetingCalendar.Uid(NetworkId, 2), evt.Uid);
        Assert.Empty(evt.Alarms);
        Assert.Single(calendar.TimeZones);
        Assert.Equal(new DateTime(2027, 3, 29, 7, 0, 0, DateTimeKind.Utc), evt.DtStart?.AsUtc);
    }

    [Fact]
    public void A_reply_address_becomes_the_organizers_address_under_the_facilitators_name_in_the_invitation_and_its_cancellation()
    {
        CalendarContext context = Context with { ReplyTo = "svar+mabc.0123456789abcdef0123456789abcdef@svar.slagelse.dk" };

        CalendarEvent invitation = SingleEvent(MeetingCalendar.Request(context, AfterChange, Attendee, Stamp));
        CalendarEvent cancellation = SingleEvent(MeetingCalendar.Cancel(context, AfterChange with { Cancelled = true }, Attendee, Stamp));

        Assert.All([invitation, cancellation], evt =>
        {
            Assert.Equal("mailto:svar+mabc.0123456789abcdef0123456789abcdef@svar.slagelse.dk", evt.Organizer?.Value?.ToString());
            Assert.Equal("Mette Holm", evt.Organizer?.CommonName);
        });
        Assert.True(Assert.Single(invitation.Attendees).Rsvp);
    }

    [Fact]
    public void CancelKeepsOrganizerAndAttendee()
    {
        CalendarEvent evt = SingleEvent(MeetingCalendar.Cancel(Context, AfterChange with { Cancelled = true }, Attendee, Stamp));

        Assert.Equal("mailto:mette.holm@borgerdialog.dk", evt.Organizer?.Value?.ToString());
        Attendee attendee = Assert.Single(evt.Attendees);
        Assert.Equal("mailto:jens.hansen@slagelse.dk", attendee.Value?.ToString());
        Assert.Equal("Hansen, Jens", attendee.CommonName);
        Assert.False(attendee.Rsvp);
    }

    [Fact]
    public void SeriesPublishesEveryMeetingThatIsNotCancelled()
    {
        Meeting third = new(3, new DateTimeOffset(2027, 5, 6, 9, 0, 0, TimeSpan.FromHours(2)), new DateTimeOffset(2027, 5, 6, 12, 30, 0, TimeSpan.FromHours(2)), "Skælskør Bibliotek", "Sparring på cases", 2, Cancelled: true);
        Meeting fourth = new(4, new DateTimeOffset(2027, 6, 10, 9, 0, 0, TimeSpan.FromHours(2)), new DateTimeOffset(2027, 6, 10, 12, 30, 0, TimeSpan.FromHours(2)), "Korsør Kulturhus", null, 1);

        string ics = MeetingCalendar.Series(Context, [fourth, AfterChange, third, BeforeChange], Stamp);

        IcalCalendar calendar = Parse(ics);
        Assert.Equal("PUBLISH", calendar.Method);
        Assert.Single(calendar.TimeZones);
        string[] expected = [MeetingCalendar.Uid(NetworkId, 1), MeetingCalendar.Uid(NetworkId, 2), MeetingCalendar.Uid(NetworkId, 4)];
        Assert.Equal(expected, calendar.Events.Select(e => e.Uid ?? ""));
        Assert.All(calendar.Events, e => Assert.Equal("CONFIRMED", e.Status));
        CalendarEvent last = calendar.Events.Single(e => e.Uid == MeetingCalendar.Uid(NetworkId, 4));
        Assert.Equal(1, last.Sequence);
        Assert.Equal("Korsør Kulturhus", last.Location);
        Assert.Equal("Læringsnetværk for samskabelse – møde 4", last.Summary);
        Assert.Equal(new DateTime(2027, 6, 10, 7, 0, 0, DateTimeKind.Utc), last.DtStart?.AsUtc);
    }

    [Fact]
    public void SeriesNamesNoAttendees()
    {
        string ics = MeetingCalendar.Series(Context, [BeforeChange, AfterChange], Stamp);

        Assert.All(Parse(ics).Events, e =>
        {
            Assert.Empty(e.Attendees);
            Assert.Equal("mailto:mette.holm@borgerdialog.dk", e.Organizer?.Value?.ToString());
        });
        Assert.DoesNotContain("ATTENDEE", ics, StringComparison.Ordinal);
    }

    [Fact]
    public void HoldsNoPersonalDataButOrganizerAndAttendee()
    {
        string[] documents =
        [
            MeetingCalendar.Request(Context, AfterChange, Attendee, Stamp),
            MeetingCalendar.Cancel(Context, AfterChange, Attendee, Stamp),
        ];

        Assert.All(documents, ics =>
        {
            string unfolded = Unfold(ics);
            Assert.Equal(2, Occurrences(unfolded, "mailto:"));
            Assert.Equal(1, Occurrences(unfolded, "mailto:mette.holm@borgerdialog.dk"));
            Assert.Equal(1, Occurrences(unfolded, "mailto:jens.hansen@slagelse.dk"));
            Assert.Equal(2, Occurrences(unfolded, "CN="));
        });
        Assert.Equal(3, Occurrences(Unfold(MeetingCalendar.Series(Context, [BeforeChange, AfterChange, AfterChange with { Number = 3 }], Stamp)), "mailto:"));
    }

    [Fact]
    public void UsesCrlfAndFoldsLinesAt75Octets()
    {
        string longText = string.Concat(Enumerable.Repeat("Rådhuset, mødelokale 1; 2. sal – æøå ÆØÅ ", 6));
        Meeting meeting = AfterChange with { Title = longText, Location = longText };
        CalendarContext context = Context with { NetworkName = longText, Organizer = new Person(longText, "mette.holm@borgerdialog.dk") };
        string[] documents =
        [
            MeetingCalendar.Request(context, meeting, new Person(longText, "jens.hansen@slagelse.dk"), Stamp),
            MeetingCalendar.Cancel(context, meeting, Attendee, Stamp),
            MeetingCalendar.Series(context, [meeting, BeforeChange], Stamp),
        ];

        Assert.All(documents, ics =>
        {
            Assert.StartsWith("BEGIN:VCALENDAR\r\n", ics, StringComparison.Ordinal);
            Assert.EndsWith("END:VCALENDAR\r\n", ics, StringComparison.Ordinal);
            Assert.DoesNotContain("\r\n\r\n", ics, StringComparison.Ordinal);
            Assert.Equal(ics.Count(c => c == '\n'), Occurrences(ics, "\r\n"));
            Assert.Equal(ics.Count(c => c == '\r'), Occurrences(ics, "\r\n"));
            string[] lines = ics[..^2].Split("\r\n");
            Assert.All(lines, line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"{Encoding.UTF8.GetByteCount(line)} octets: {line}"));
            Assert.Contains(lines, line => line.StartsWith(' '));
        });
        CalendarEvent evt = SingleEvent(documents[0]);
        Assert.Equal(longText.Trim(), evt.Summary);
        Assert.Equal(longText, evt.Location);
        Assert.Equal(longText.Trim(), Assert.Single(evt.Attendees).CommonName);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void FoldingNeverCutsACharacter(int padding)
    {
        // 🎉 is two UTF-16 code units and four octets; Ical.Net 5.2.4 alone cuts some of them in half.
        string title = new string('a', padding) + string.Concat(Enumerable.Repeat("🎉 møde ", 20));
        Meeting meeting = AfterChange with { Title = title };

        string ics = MeetingCalendar.Request(Context, meeting, Attendee, Stamp);

        byte[] octets = Encoding.UTF8.GetBytes(ics);
        Assert.Equal(ics, new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(octets));
        Assert.Equal(title.Trim(), SingleEvent(Encoding.UTF8.GetString(octets)).Summary);
        Assert.All(ics.Split("\r\n"), line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75));
    }

    [Fact]
    public void SameInputGivesTheSameText()
    {
        Assert.Equal(
            MeetingCalendar.Request(Context, AfterChange, Attendee, Stamp),
            MeetingCalendar.Request(Context with { }, AfterChange with { }, new Person(Attendee.Name, Attendee.Email), Stamp));
        Assert.Equal(
            MeetingCalendar.Cancel(Context, AfterChange, Attendee, Stamp),
            MeetingCalendar.Cancel(Context, AfterChange, Attendee, Stamp));
        Assert.Equal(
            MeetingCalendar.Series(Context, [BeforeChange, AfterChange], Stamp),
            MeetingCalendar.Series(Context, [AfterChange, BeforeChange], Stamp));
        Assert.Equal(
            MeetingCalendar.Request(Context, AfterChange, Attendee, Stamp),
            MeetingCalendar.Request(Context, AfterChange, Attendee, Stamp.ToOffset(TimeSpan.Zero)));
        Assert.NotEqual(
            MeetingCalendar.Request(Context, AfterChange, Attendee, Stamp),
            MeetingCalendar.Request(Context, AfterChange, Attendee, Stamp.AddSeconds(1)));
    }

    static IcalCalendar Parse(string ics) => IcalCalendar.Load(ics) ?? throw new InvalidOperationException("Ical.Net could not load the text.");

    static CalendarEvent SingleEvent(string ics) => Assert.Single(Parse(ics).Events);

    static CalendarEvent SingleEvent(string ics, int meetingNumber) =>
        Assert.Single(Parse(ics).Events, e => e.Uid == MeetingCalendar.Uid(NetworkId, meetingNumber));

    static string Unfold(string ics) => ics.Replace("\r\n ", string.Empty, StringComparison.Ordinal);

    static int Occurrences(string text, string value)
    {
        int count = 0;
        for (int at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    /// <summary>
    /// The UTC offset the VTIMEZONE's own STANDARD and DAYLIGHT rules give a local time: the offset of the latest
    /// onset at or before it.
    /// </summary>
    static TimeSpan OffsetAt(VTimeZone zone, DateTime local)
    {
        var onsets = new List<(DateTime At, TimeSpan Offset)>();
        foreach (VTimeZoneInfo info in zone.TimeZoneInfos)
        {
            foreach (Occurrence occurrence in info.GetOccurrences())
            {
                DateTime at = occurrence.Period.StartTime.Value;
                if (at > local)
                {
                    break;
                }

                onsets.Add((at, info.OffsetTo!.Offset));
            }
        }

        return onsets.MaxBy(onset => onset.At).Offset;
    }
}
