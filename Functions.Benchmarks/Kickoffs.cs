using System.Globalization;
using System.Text.Json.Nodes;

namespace NetworkFunctions.Benchmarks;

/// <summary>Kickoff documents (SPEC section 4) for the benchmark's networks. Every address carries the network's tag.</summary>
public static class Kickoffs
{
    static readonly string[] Departments =
    [
        "Center for Teknik & Miljø", "Center for Plan & Udvikling", "Center for Kultur, Fritid & Borgerservice",
        "Center for Dagtilbud", "Center for Skole", "Center for Sundhed & Ældre", "Center for Job & Fastholdelse",
        "Center for Børn & Unge", "Center for Handicap & Psykiatri", "Center for Økonomi & Ejendomme",
    ];

    /// <summary>
    /// One meeting two hours from now whose invitation lead has already passed, so the invitations go out at kickoff and
    /// the form stays open for an hour: nothing else happens during the run.
    /// </summary>
    public static JsonObject InvitedNow(string networkId, string tag, int members, DateTimeOffset now) =>
        Document(networkId, tag, members, now.AddHours(2), TimeSpan.FromHours(2), new JsonObject
        {
            ["invitationLead"] = "P1D",
            ["contributionDeadlineLead"] = "PT1H",
            ["reminderLeads"] = new JsonArray("PT30M"),
            ["finalAgendaLead"] = "PT30M",
            ["surveyDelay"] = "PT1H",
            ["surveyOpenFor"] = "P1D",
            ["surveyReminderAfter"] = "PT12H",
        });

    /// <summary>
    /// A year of one meeting compressed into about 45 seconds: invitation at +2 s, reminder +8 s, deadline +12 s, final
    /// agenda +16 s, the meeting +20 s to +26 s, survey +28 s, its reminder +32 s, closing +36 s, then the year-end report.
    /// </summary>
    public static JsonObject CompressedMeeting(string networkId, string tag, DateTimeOffset now) =>
        Document(networkId, tag, Sizes.MembersPerNetwork, now.AddSeconds(20), TimeSpan.FromSeconds(6), new JsonObject
        {
            ["invitationLead"] = "PT18S",
            ["contributionDeadlineLead"] = "PT8S",
            ["reminderLeads"] = new JsonArray("PT4S"),
            ["finalAgendaLead"] = "PT4S",
            ["surveyDelay"] = "PT2S",
            ["surveyOpenFor"] = "PT8S",
            ["surveyReminderAfter"] = "PT4S",
        });

    /// <summary>Steps of the compressed meeting: invitation, one reminder, agenda, final agenda, survey, its reminder, summary.</summary>
    public const int CompressedMeetingSteps = 7;

    /// <summary>
    /// A real network-year of six meetings a month apart, the first two months on, with the default schedule: after
    /// its kickoff mail it sleeps on its timers for weeks, as most networks of a fleet do at any moment.
    /// </summary>
    public static JsonObject SleepingYear(string networkId, string tag, DateTimeOffset now) => Year(networkId, tag, now, firstDay: 60, everyDays: 30);

    /// <summary>
    /// A real network-year of six meetings, the first 45 days after the kickoff and then every 60 days (the same as
    /// <see cref="Fleet.RealYearWakes.RealYear"/>), with the default schedule.
    /// </summary>
    public static JsonObject RealYear(string networkId, string tag, DateTimeOffset now) => Year(networkId, tag, now, firstDay: 45, everyDays: 60);

    static JsonObject Year(string networkId, string tag, DateTimeOffset now, int firstDay, int everyDays)
    {
        JsonObject document = Document(networkId, tag, Sizes.MembersPerNetwork, now.AddDays(firstDay), TimeSpan.FromHours(3), new JsonObject());
        document.Remove("schedule");
        document["meetings"] = new JsonArray([.. Enumerable.Range(0, 6).Select(i => (JsonNode)new JsonObject
        {
            ["start"] = Instant(now.AddDays(firstDay + (everyDays * i))),
            ["end"] = Instant(now.AddDays(firstDay + (everyDays * i)).AddHours(3)),
            ["location"] = "Rådhuset, mødelokale 1",
        })]);
        return document;
    }

    /// <summary>
    /// One meeting whose contribution deadline is <paramref name="deadline"/> (the meeting an hour later): the invitations go
    /// out at kickoff (their lead has passed), no reminders, and the facilitator's agenda is due at the deadline, so K
    /// networks kicked off with the same deadline have K agendas due in the same instant.
    /// </summary>
    public static JsonObject DueTogether(string networkId, string tag, DateTimeOffset deadline) =>
        Document(networkId, tag, Sizes.MembersPerNetwork, deadline.AddHours(1), TimeSpan.FromHours(2), new JsonObject
        {
            ["invitationLead"] = "P1D",
            ["contributionDeadlineLead"] = "PT1H",
            ["reminderLeads"] = new JsonArray(),
            ["finalAgendaLead"] = "PT30M",
            ["surveyDelay"] = "PT1H",
            ["surveyOpenFor"] = "P1D",
            ["surveyReminderAfter"] = "PT12H",
        });

    static JsonObject Document(string networkId, string tag, int members, DateTimeOffset start, TimeSpan length, JsonObject schedule) => new()
    {
        ["networkId"] = networkId,
        ["name"] = "Læringsnetværk for samskabelse",
        ["organisation"] = "Benchmark Kommune",
        ["language"] = "da",
        ["timeZone"] = "Europe/Copenhagen",
        ["director"] = new JsonObject { ["name"] = "Dorte Direktør", ["email"] = $"direktor.{tag}@example.org" },
        ["facilitator"] = new JsonObject { ["name"] = "Frida Facilitator", ["email"] = $"facilitator.{tag}@example.org", ["organisation"] = "Center for Borgerdialog" },
        ["consultant"] = new JsonObject { ["name"] = "Kim Konsulent", ["email"] = $"konsulent.{tag}@example.org" },
        ["departments"] = new JsonArray(Departments.Select(d => (JsonNode)JsonValue.Create(d)).ToArray()),
        ["members"] = new JsonArray(Enumerable.Range(1, members).Select(i => (JsonNode)new JsonObject
        {
            ["name"] = $"Medlem {i}",
            ["email"] = $"m{i:D3}.{tag}@example.org",
            ["department"] = Departments[i % Departments.Length],
        }).ToArray()),
        ["meetings"] = new JsonArray(new JsonObject
        {
            ["start"] = Instant(start),
            ["end"] = Instant(start + length),
            ["location"] = "Rådhuset, mødelokale 1",
        }),
        ["schedule"] = schedule,
    };

    static string Instant(DateTimeOffset instant) => instant.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
}
