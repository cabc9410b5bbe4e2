using System.Globalization;
using System.Text.Json.Nodes;

namespace NetworkFunctions.Local.Demo;

/// <summary>One person of the demo network: the sample's name and department, with this run's tagged address.</summary>
public sealed record DemoPerson(string Name, string Email, string Department);

/// <summary>The demo's kickoff document and what the simulated members need to know about it.</summary>
public sealed record DemoYearPlan(
    JsonObject Document,
    string NetworkId,
    string Tag,
    IReadOnlyList<DemoPerson> Members,
    DemoPerson Director,
    IReadOnlyList<(DateTimeOffset Start, DateTimeOffset End)> Meetings,
    DateTimeOffset SurveysCloseAt,
    DemoPerson? Facilitator = null)
{
    /// <summary>The member (or director) a tagged address belongs to.</summary>
    public DemoPerson? Find(string email) =>
        Members.Concat([Director]).FirstOrDefault(p => string.Equals(p.Email, email, StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// Turns a kickoff document (the sample network) into a year compressed into about ten minutes, starting at
/// <c>now</c>: the meetings move to the next minutes, 90 s apart and 20 s long, and the schedule is measured in
/// seconds. Every run gets a fresh network id, and every address a <c>+demo{tag}</c> suffix so this run's mail is
/// told apart from earlier runs' in the same mailbox. Pure: the clock and the tag are passed in.
/// </summary>
public static class DemoYear
{
    /// <summary>From kickoff to the first meeting's start; the first invitations go out at once.</summary>
    public static readonly TimeSpan FirstMeetingAfter = TimeSpan.FromSeconds(70);

    /// <summary>From one meeting's start to the next.</summary>
    public static readonly TimeSpan Gap = TimeSpan.FromSeconds(90);

    /// <summary>A meeting's length (planned as a nominal half-day scaled onto it).</summary>
    public static readonly TimeSpan Length = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Per meeting (S = start): invitation at S−70 s, reminder to those who have not answered at S−46 s, deadline and
    /// agenda at S−30 s, final agenda at S−15 s; survey 2 s after the end, its reminder 20 s later, closing 40 s after opening.
    /// </summary>
    public static JsonObject Schedule() => new()
    {
        ["invitationLead"] = "PT70S",
        ["contributionDeadlineLead"] = "PT30S",
        ["reminderLeads"] = new JsonArray("PT16S"),
        ["finalAgendaLead"] = "PT15S",
        ["surveyDelay"] = "PT2S",
        ["surveyOpenFor"] = "PT40S",
        ["surveyReminderAfter"] = "PT20S",
    };

    /// <summary>A tag for this run: six digits of the Unix time, as <c>samples/compress.mjs</c> makes them.</summary>
    public static string NewTag(DateTimeOffset now) => (now.ToUnixTimeSeconds() % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);

    public static DemoYearPlan Build(JsonObject sample, DateTimeOffset now, string tag)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var document = (JsonObject)sample.DeepClone();
        string baseId = (string?)document["networkId"] ?? "demo-network";
        string networkId = $"{baseId[..Math.Min(48, baseId.Length)]}-{tag}";
        document["networkId"] = networkId;

        DemoPerson Retag(JsonNode? person)
        {
            var node = (JsonObject)(person ?? throw new ArgumentException("The sample lacks a person."));
            string email = Tagged((string)node["email"]!, tag);
            node["email"] = email;
            return new DemoPerson((string)node["name"]!, email, (string?)node["department"] ?? "");
        }

        DemoPerson director = Retag(document["director"]);
        DemoPerson facilitator = Retag(document["facilitator"]);
        Retag(document["consultant"]);
        List<DemoPerson> members = ((JsonArray)document["members"]!).Select(Retag).ToList();

        var meetings = new List<(DateTimeOffset Start, DateTimeOffset End)>();
        var compressed = new JsonArray();
        foreach ((JsonNode? meeting, int i) in ((JsonArray)document["meetings"]!).Select((m, i) => (m, i)))
        {
            DateTimeOffset start = now + FirstMeetingAfter + (Gap * i);
            DateTimeOffset end = start + Length;
            var copy = (JsonObject)meeting!.DeepClone();
            copy["start"] = Instant(start);
            copy["end"] = Instant(end);
            compressed.Add(copy);
            meetings.Add((start, end));
        }

        document["meetings"] = compressed;
        document["schedule"] = Schedule();
        DateTimeOffset surveysClose = meetings[^1].End + TimeSpan.FromSeconds(2 + 40);
        return new DemoYearPlan(document, networkId, tag, members, director, meetings, surveysClose, facilitator);
    }

    /// <summary><c>gitte.moelgaard@example.org</c> → <c>gitte.moelgaard+demo123456@example.org</c>.</summary>
    public static string Tagged(string email, string tag)
    {
        int at = email.LastIndexOf('@');
        return at <= 0 ? email : $"{email[..at]}+demo{tag}{email[at..]}";
    }

    static string Instant(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
