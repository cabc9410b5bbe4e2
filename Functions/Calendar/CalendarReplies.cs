using System.Globalization;
using System.Text.RegularExpressions;
using Ical.Net.CalendarComponents;
using NetworkFunctions.Networks;
using IcalCalendar = Ical.Net.Calendar;

namespace NetworkFunctions.Calendar;

/// <summary>
/// One attendee's answer to a meeting invitation, as their calendar sends it (iTIP REPLY, RFC 5546 §3.2.3): the
/// meeting's UID, the SEQUENCE answered (null when the client left it out), the attendee's PARTSTAT and address, and
/// when the client stamped the reply (DTSTAMP, UTC).
/// </summary>
public sealed record CalendarReply(string Uid, int? Sequence, string ParticipationStatus, string? Attendee, DateTimeOffset? Stamp)
{
    /// <summary>The answer the reply gives: ACCEPTED yes, TENTATIVE maybe, DECLINED no; any other status none.</summary>
    public Attendance? Answer => ParticipationStatus.ToUpperInvariant() switch
    {
        "ACCEPTED" => Attendance.Yes,
        "TENTATIVE" => Attendance.Maybe,
        "DECLINED" => Attendance.No,
        _ => null,
    };
}

/// <summary>Reads iTIP REPLY documents and the meeting a UID of <see cref="MeetingCalendar.Uid"/> names. Pure.</summary>
public static partial class CalendarReplies
{
    /// <summary>
    /// The reply an iCalendar text holds: METHOD:REPLY with one VEVENT that has a UID and one ATTENDEE with a PARTSTAT.
    /// Null for anything else — another method, no event, or text that is not iCalendar at all.
    /// </summary>
    public static CalendarReply? Read(string? ics)
    {
        if (string.IsNullOrWhiteSpace(ics))
        {
            return null;
        }

        IcalCalendar? calendar;
        try
        {
            calendar = IcalCalendar.Load(ics);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Ical.Net throws several kinds for text that is not iCalendar; whichever it is, the text holds no reply.
            return null;
        }

        if (calendar is null || !string.Equals(calendar.Method, "REPLY", StringComparison.OrdinalIgnoreCase)
            // Ical.Net makes up a UID and a DTSTAMP where the text has none: only those the text holds count.
            || calendar.Events.Count != 1 || calendar.Events.First() is not { Uid: { Length: > 0 } uid } evt || !Holds(ics, "UID")
            || evt.Attendees.Count != 1 || evt.Attendees[0].ParticipationStatus is not { Length: > 0 } status)
        {
            return null;
        }

        return new CalendarReply(
            uid.Trim(),
            evt.Properties.ContainsKey("SEQUENCE") ? evt.Sequence : null,
            status,
            MailAddress(evt.Attendees[0].Value),
            Holds(ics, "DTSTAMP") ? Stamp(evt) : null);
    }

    /// <summary>The network and meeting a UID made by <see cref="MeetingCalendar.Uid"/> names; false for any other UID.</summary>
    public static bool TryReadUid(string? uid, out string networkId, out int meeting)
    {
        networkId = "";
        meeting = 0;
        if (uid is null || Uid().Match(uid) is not { Success: true } match || !NetworkIds.IsValid(match.Groups["network"].Value))
        {
            return false;
        }

        networkId = match.Groups["network"].Value;
        meeting = int.Parse(match.Groups["meeting"].Value, CultureInfo.InvariantCulture);
        return true;
    }

    /// <summary>Whether the text has a content line of the property (a reply holds one event, so any such line is its).</summary>
    static bool Holds(string ics, string property) =>
        ics.Split('\n').Any(line => line.StartsWith(property + ":", StringComparison.OrdinalIgnoreCase) || line.StartsWith(property + ";", StringComparison.OrdinalIgnoreCase));

    static string? MailAddress(Uri? value) =>
        value is { Scheme: "mailto" } ? Uri.UnescapeDataString(value.OriginalString["mailto:".Length..]).Trim() : null;

    static DateTimeOffset? Stamp(CalendarEvent evt) =>
        evt.DtStamp is { } stamp ? new DateTimeOffset(DateTime.SpecifyKind(stamp.AsUtc, DateTimeKind.Utc)) : null;

    [GeneratedRegex(@"^(?<network>[a-z0-9-]{3,64})-meeting-(?<meeting>[1-9][0-9]{0,2})@networkfunctions\z", RegexOptions.CultureInvariant)]
    private static partial Regex Uid();
}
