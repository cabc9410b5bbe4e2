using System.Globalization;
using System.Text.Json.Nodes;

namespace NetworkFunctions.Tests.SystemTests.EndToEnd;

/// <summary>A kickoff document whose year runs in about two minutes, starting now.</summary>
public static class CompressedYear
{
    public static readonly string[] Departments = ["Center for Teknik & Miljø", "Center for Skole", "Center for Sundhed & Ældre", "Center for Økonomi"];

    public static readonly (string Name, string Email, string Department)[] Members =
    [
        ("Anne Andersen", "anne@example.org", "Center for Teknik & Miljø"),
        ("Bo Berg", "bo@example.org", "Center for Skole"),
        ("Cecilie Carlsen", "cecilie@example.org", "Center for Sundhed & Ældre"),
        ("Dennis Dam", "dennis@example.org", "Center for Skole"),
        ("Eva Ebbesen", "eva@example.org", "Center for Teknik & Miljø"),
    ];

    public const string Director = "direktor@example.org";
    public const string Facilitator = "facilitator@example.org";
    public const string Consultant = "konsulent@example.org";

    /// <summary>
    /// Meetings at +45 s, +75 s and +105 s, 7 s long. Per meeting: invitation 45 s before, reminder 15 s after that,
    /// deadline 8 s later, final agenda 10 s before the start, survey 1 s after the end, its reminder 8 s later, closing 16 s after opening.
    /// </summary>
    /// <summary>
    /// The schedule of a quick one-meeting year whose meeting starts 15 s after the kickoff: invitation at once, a
    /// reminder at +5 s, deadline at +8 s, final agenda at +12 s, survey 1 s after the end, open 8 s.
    /// </summary>
    public static JsonObject QuickSchedule() => new()
    {
        ["invitationLead"] = "PT15S", ["contributionDeadlineLead"] = "PT7S", ["reminderLeads"] = new JsonArray("PT3S"),
        ["finalAgendaLead"] = "PT3S", ["surveyDelay"] = "PT1S", ["surveyOpenFor"] = "PT8S", ["surveyReminderAfter"] = "PT4S",
    };

    public static JsonObject Document(string networkId, DateTimeOffset now) => Document(networkId, now, [45, 75, 105], DefaultSchedule(), tag: null);

    /// <summary>Members' addresses with a tag (<c>anne.{tag}@example.org</c>) keep networks apart in one mailbox.</summary>
    public static string Email(string member, string? tag) => tag is null ? $"{member}@example.org" : $"{member}.{tag}@example.org";

    public static string Instant(DateTimeOffset instant) => instant.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);

    public static JsonObject DefaultSchedule() => new()
    {
        ["invitationLead"] = "PT45S",
        ["contributionDeadlineLead"] = "PT22S",
        ["reminderLeads"] = new JsonArray("PT8S"),
        ["finalAgendaLead"] = "PT10S",
        ["surveyDelay"] = "PT1S",
        ["surveyOpenFor"] = "PT16S",
        ["surveyReminderAfter"] = "PT8S",
    };

    public static JsonObject Document(string networkId, DateTimeOffset now, int[] startOffsets, JsonObject schedule, string? tag, int length = 7)
    {
        var meetings = new JsonArray();
        foreach (int offset in startOffsets)
        {
            DateTimeOffset start = now.AddSeconds(offset);
            meetings.Add(new JsonObject
            {
                ["start"] = Instant(start),
                ["end"] = Instant(start.AddSeconds(length)),
                ["location"] = "Rådhuset, mødelokale 1",
            });
        }

        return new JsonObject
        {
            ["networkId"] = networkId,
            ["name"] = "Netværk for samskabelse",
            ["organisation"] = "Testrup Kommune",
            ["director"] = new JsonObject { ["name"] = "Dorte Direktør", ["email"] = Retag(Director, tag) },
            ["facilitator"] = new JsonObject { ["name"] = "Frida Facilitator", ["email"] = Retag(Facilitator, tag), ["organisation"] = "Center for Borgerdialog" },
            ["consultant"] = new JsonObject { ["name"] = "Kim Konsulent", ["email"] = Retag(Consultant, tag) },
            ["departments"] = new JsonArray(Departments.Select(d => (JsonNode)JsonValue.Create(d)!).ToArray()),
            ["members"] = new JsonArray(Members.Select(m => (JsonNode)new JsonObject { ["name"] = m.Name, ["email"] = Retag(m.Email, tag), ["department"] = m.Department }).ToArray()),
            ["meetings"] = meetings,
            ["schedule"] = schedule,
        };
    }

    static string Retag(string email, string? tag) => Email(email.Split('@')[0], tag);
}
