using System.Text;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using NetworkFunctions.Networks;
using static System.FormattableString;
using IcalCalendar = Ical.Net.Calendar;

namespace NetworkFunctions.Calendar;

/// <summary>
/// What every .ics of one network needs besides the meeting: who organises it, in which zone and language.
/// <see cref="ReplyTo"/>, when set, is the address the attendee's calendar sends its answer to: the organizer keeps
/// their name, with this address (a member's own reply address, see <c>Inbound</c>).
/// </summary>
public sealed record CalendarContext(string NetworkId, string NetworkName, Person Organizer, string TimeZone, Language Language, string? ReplyTo = null)
{
    /// <summary>A network's calendar: the facilitator organises every meeting.</summary>
    public static CalendarContext Of(Network network) =>
        new(network.Id, network.Name, network.Facilitator.AsPerson, network.TimeZone, network.Language);
}

/// <summary>
/// The iCalendar (RFC 5545) documents of a network's meetings, as iTIP (RFC 5546) messages: a personal invitation
/// (REQUEST), its cancellation (CANCEL) and the director's year plan (PUBLISH). Pure: the same input gives the same
/// text, byte for byte. The text is meant to be sent as UTF-8, <c>text/calendar; method=…; charset=UTF-8</c>.
/// </summary>
public static class MeetingCalendar
{
    const string ProductId = "-//NetworkFunctions//Learning network meetings//EN";

    /// <summary>
    /// The first instant the VTIMEZONE describes (Ical.Net goes back one more year). Fixed rather than "this year" so the
    /// output does not change with the clock; it must lie in the past, because Ical.Net reads the zone's transitions
    /// from this instant up to now.
    /// </summary>
    static readonly DateTime TimeZoneRulesSince = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

    /// <summary>The UID of a meeting: the same for its invitation, every update and its cancellation.</summary>
    public static string Uid(string networkId, int meetingNumber) => Invariant($"{networkId}-meeting-{meetingNumber}@networkfunctions");

    /// <summary>The invitation (or, with a raised <see cref="Meeting.Revision"/>, its update) for one attendee.</summary>
    public static string Request(CalendarContext context, Meeting meeting, Person attendee, DateTimeOffset stamp)
    {
        IcalCalendar calendar = NewCalendar(context, "REQUEST");
        CalendarEvent evt = NewEvent(context, meeting, stamp, "CONFIRMED", Texts.For(context.Language).InvitationDescription);
        evt.Attendees.Add(new Attendee(MailTo(attendee.Email))
        {
            CommonName = ParameterText(attendee.Name),
            Role = "REQ-PARTICIPANT",
            ParticipationStatus = "NEEDS-ACTION",
            Rsvp = true,
        });
        evt.Alarms.Add(new Alarm
        {
            Action = "DISPLAY",
            Trigger = new Trigger(Duration.FromDays(-1)),
            Description = Texts.For(context.Language).Reminder(evt.Summary!),
        });
        calendar.Events.Add(evt);
        return Serialize(calendar);
    }

    /// <summary>The cancellation for one attendee; SEQUENCE is the revision given (the caller raises it for the cancel).</summary>
    public static string Cancel(CalendarContext context, Meeting meeting, Person attendee, DateTimeOffset stamp)
    {
        IcalCalendar calendar = NewCalendar(context, "CANCEL");
        CalendarEvent evt = NewEvent(context, meeting, stamp, "CANCELLED", Texts.For(context.Language).CancelledDescription);
        evt.Attendees.Add(new Attendee(MailTo(attendee.Email))
        {
            CommonName = ParameterText(attendee.Name),
            Role = "REQ-PARTICIPANT",
        });
        calendar.Events.Add(evt);
        return Serialize(calendar);
    }

    /// <summary>The year plan: every meeting that is not cancelled, with the same UIDs as the invitations, and no attendees.</summary>
    public static string Series(CalendarContext context, IReadOnlyList<Meeting> meetings, DateTimeOffset stamp)
    {
        IcalCalendar calendar = NewCalendar(context, "PUBLISH");
        calendar.AddProperty("X-WR-CALNAME", context.NetworkName);
        foreach (Meeting meeting in meetings.Where(m => !m.Cancelled).OrderBy(m => m.Number))
        {
            calendar.Events.Add(NewEvent(context, meeting, stamp, "CONFIRMED", Texts.For(context.Language).SeriesDescription));
        }

        return Serialize(calendar);
    }

    static IcalCalendar NewCalendar(CalendarContext context, string method)
    {
        var calendar = new IcalCalendar
        {
            ProductId = ProductId,
            Version = "2.0",
            Method = method,
        };
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(IanaId(context.TimeZone), TimeZoneRulesSince, includeHistoricalData: false));
        return calendar;
    }

    static CalendarEvent NewEvent(CalendarContext context, Meeting meeting, DateTimeOffset stamp, string status, Func<CalendarContext, Meeting, string> description)
    {
        string tzId = IanaId(context.TimeZone);
        TimeZoneInfo zone = TimeZoneInfo.FindSystemTimeZoneById(tzId);
        return new CalendarEvent
        {
            Uid = Uid(context.NetworkId, meeting.Number),
            Sequence = meeting.Revision,
            DtStamp = new CalDateTime(WholeSeconds(stamp.UtcDateTime), CalDateTime.UtcTzId),
            DtStart = Local(meeting.Start, zone, tzId),
            DtEnd = Local(meeting.End, zone, tzId),
            Summary = Summary(context, meeting),
            Location = meeting.Location,
            Description = description(context, meeting),
            Status = status,
            Organizer = new Organizer(MailTo(context.ReplyTo ?? context.Organizer.Email)) { CommonName = ParameterText(context.Organizer.Name) },
        };
    }

    /// <summary>The meeting's title, or "{network} – møde {n}" / "{network} – meeting {n}".</summary>
    static string Summary(CalendarContext context, Meeting meeting) =>
        string.IsNullOrWhiteSpace(meeting.Title)
            ? Texts.For(context.Language).DefaultTitle(context.NetworkName, meeting.Number)
            : meeting.Title.Trim();

    /// <summary>The wall-clock time in the network's zone, written with its TZID.</summary>
    static CalDateTime Local(DateTimeOffset instant, TimeZoneInfo zone, string tzId)
    {
        DateTime local = DateTime.SpecifyKind(ZonedTime.InZone(instant, zone).DateTime, DateTimeKind.Unspecified);
        return new CalDateTime(WholeSeconds(local), tzId);
    }

    static DateTime WholeSeconds(DateTime value) => value.AddTicks(-(value.Ticks % TimeSpan.TicksPerSecond));

    /// <summary>The IANA id (Europe/Copenhagen) also when a Windows id (Romance Standard Time) is configured.</summary>
    static string IanaId(string timeZone)
    {
        TimeZoneInfo zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        if (zone.HasIanaId)
        {
            return zone.Id;
        }

        return TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out string? iana) ? iana : zone.Id;
    }

    static string MailTo(string email) => "mailto:" + email.Trim();

    /// <summary>
    /// A parameter value (CN) cannot hold line breaks or other control characters (RFC 5545 3.1); Ical.Net writes them
    /// as they are, which breaks the line, so they become spaces. Commas, semicolons and colons are quoted and double
    /// quotes dropped by the serializer.
    /// </summary>
    static string ParameterText(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (char c in value.Trim())
        {
            builder.Append(char.IsControl(c) ? ' ' : c);
        }

        return builder.ToString();
    }

    static string Serialize(IcalCalendar calendar) =>
        ContentLines.Refold(new CalendarSerializer().SerializeToString(calendar)
            ?? throw new InvalidOperationException("Ical.Net returned no text for the calendar."));

    /// <summary>The few words in the .ics, in the network's language.</summary>
    sealed record Texts(
        Func<string, int, string> DefaultTitle,
        Func<CalendarContext, Meeting, string> InvitationDescription,
        Func<CalendarContext, Meeting, string> CancelledDescription,
        Func<CalendarContext, Meeting, string> SeriesDescription,
        Func<string, string> Reminder)
    {
        static readonly Texts Danish = new(
            (network, n) => Invariant($"{network} – møde {n}"),
            (c, m) => Invariant($"Halvdagsmøde {m.Number} i {c.NetworkName}. Svar og send dine bidrag via det personlige link i invitationsmailen."),
            (c, m) => Invariant($"Møde {m.Number} i {c.NetworkName} er aflyst."),
            (c, m) => Invariant($"Halvdagsmøde {m.Number} i {c.NetworkName}."),
            summary => "I morgen: " + summary);

        static readonly Texts English = new(
            (network, n) => Invariant($"{network} – meeting {n}"),
            (c, m) => Invariant($"Half-day meeting {m.Number} of {c.NetworkName}. Reply and send your contributions through the personal link in the invitation email."),
            (c, m) => Invariant($"Meeting {m.Number} of {c.NetworkName} has been cancelled."),
            (c, m) => Invariant($"Half-day meeting {m.Number} of {c.NetworkName}."),
            summary => "Tomorrow: " + summary);

        public static Texts For(Language language) => language == Language.En ? English : Danish;
    }
}
