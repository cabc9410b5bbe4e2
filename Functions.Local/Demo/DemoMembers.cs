using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NetworkFunctions.Office;

namespace NetworkFunctions.Local.Demo;

/// <summary>
/// The simulated members: reads the mailbox (<c>GET /dev/mailbox/messages</c>) as the members would read their mail,
/// and answers through the personal form links in it, as <see cref="DemoScript"/> decides — at once, after the
/// reminder, twice, or never; a member with nothing to contribute answers from the calendar instead (the mailbox's
/// Accept / Tentative / Decline, posted as SendGrid Inbound Parse would); then the surveys. Prints one line per action and follows the network's status until
/// the year-end report exists. Only the sample's fictional people appear in what it prints.
/// </summary>
public sealed partial class DemoMembers(HttpClient http, string functionKey, DemoYearPlan plan, TextWriter output, TimeProvider clock)
{
    static readonly TimeSpan Poll = TimeSpan.FromSeconds(2.5);
    static readonly TimeSpan StatusEvery = TimeSpan.FromSeconds(5);
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    readonly Dictionary<(int Member, int Meeting), DemoTurn> turns = DemoScript.Plan(plan.Members.Count, plan.Meetings.Count)
        .ToDictionary(t => (t.Member, t.Meeting));

    readonly HashSet<string> seen = new(StringComparer.Ordinal);
    readonly List<Pending> pending = [];
    readonly Dictionary<int, string> phases = [];
    readonly Stopwatch elapsed = new();
    DemoPreparers? preparers;

    DemoPreparers Preparers => preparers ??= new DemoPreparers(http, plan, Say);

    /// <summary>Kicks off the network and plays the members until the year-end report exists (or <paramref name="cancellationToken"/> fires).</summary>
    public async Task<bool> RunAsync(CancellationToken cancellationToken)
    {
        elapsed.Start();
        if (!await KickOffAsync(cancellationToken))
        {
            return false;
        }

        DateTimeOffset nextStatus = clock.GetUtcNow();
        bool reportMailed = false;
        string? reportUrl = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                reportMailed |= await ReadMailAsync(cancellationToken);
                await AnswerDueAsync(cancellationToken);
                await Preparers.ActAsync(clock.GetUtcNow(), cancellationToken);
                if (clock.GetUtcNow() >= nextStatus)
                {
                    nextStatus = clock.GetUtcNow() + StatusEvery;
                    (string runtime, reportUrl) = await FollowStatusAsync(cancellationToken);
                    if (runtime is "Failed" or "Terminated")
                    {
                        Say($"The network orchestration is {runtime}; the demo stops here.");
                        return false;
                    }
                }

                if (reportMailed && reportUrl is not null)
                {
                    await FinishAsync(reportUrl, cancellationToken);
                    return true;
                }
            }
            catch (Exception e) when ((e is HttpRequestException or TaskCanceledException or JsonException) && !cancellationToken.IsCancellationRequested)
            {
                Say($"(the host did not answer: {e.Message}; trying again)");
            }

            await Task.Delay(Poll, clock, cancellationToken);
        }

        return false;
    }

    async Task<bool> KickOffAsync(CancellationToken cancellationToken)
    {
        (DateTimeOffset firstStart, _) = plan.Meetings[0];
        (DateTimeOffset lastStart, _) = plan.Meetings[^1];
        Say($"Demo: kicking off {plan.NetworkId} ({plan.Members.Count} members, {plan.Meetings.Count} meetings from {Clock(firstStart)} to {Clock(lastStart)}, one every {DemoYear.Gap.TotalSeconds:0} s; the year-end report follows about {Clock(plan.SurveysCloseAt)}).");
        Say($"Demo: addresses carry +demo{plan.Tag} so this run's mail is told apart from earlier runs'.");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/networks") { Content = JsonContent.Create(plan.Document) };
        request.Headers.Add("x-functions-key", functionKey);
        using HttpResponseMessage response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            Say($"Demo: the kickoff was refused ({(int)response.StatusCode}): {await response.Content.ReadAsStringAsync(cancellationToken)}");
            return false;
        }

        JsonObject? body = await response.Content.ReadFromJsonAsync<JsonObject>(Json, cancellationToken);
        string missing = body?["missingDepartments"] is JsonArray { Count: > 0 } departments ? string.Join(", ", departments) : "none";
        Say($"Director kicks off the network (202); departments without a member: {missing}.");
        Uri api = http.BaseAddress!;
        Say($"Watch: mailbox {new Uri(api, "/dev/mailbox")}");
        Say($"       console {new Uri(api, ConsoleRoutes.Network(plan.NetworkId))}   (sign in locally as the consultant, {Consultant})");
        Say($"       status  {AdminUrl($"/api/networks/{plan.NetworkId}")}");
        if (await ExistsAsync($"/api/networks/{plan.NetworkId}/dashboard", cancellationToken))
        {
            Say($"       dashboard {AdminUrl($"/api/networks/{plan.NetworkId}/dashboard")}");
        }

        Say($"       report  {AdminUrl($"/api/networks/{plan.NetworkId}/report")} (when the year is over)");
        return true;
    }

    /// <summary>The consultant's address in this run (tagged): whom to sign in as to see the network in the console.</summary>
    string Consultant => (string?)plan.Document["consultant"]?["email"] ?? "";

    /// <summary>New mail of this run: schedules the members' answers; true once the year-end report has been mailed.</summary>
    async Task<bool> ReadMailAsync(CancellationToken cancellationToken)
    {
        List<Mail> mails = await http.GetFromJsonAsync<List<Mail>>("/dev/mailbox/messages", Json, cancellationToken) ?? [];
        var fresh = mails.Where(m => m.To.Count == 1 && m.To[0].Contains($"+demo{plan.Tag}@", StringComparison.OrdinalIgnoreCase))
            .Where(m => seen.Add(m.Id))
            .ToList();
        bool report = false;
        foreach (IGrouping<string, Mail> group in fresh.GroupBy(m => Kind(m.Subject)))
        {
            Say($"Mail: {group.Count(),2} × {group.First().Subject}");
            report |= group.Key == "report";
        }

        DateTimeOffset now = clock.GetUtcNow();
        foreach (Mail mail in fresh)
        {
            int meeting = MeetingOf(mail.Subject);
            int member = plan.Members.ToList().FindIndex(p => string.Equals(p.Email, mail.To[0], StringComparison.OrdinalIgnoreCase));
            if (Preparers.Read(mail.To[0], mail.Subject, mail.Text, meeting, now) || meeting == 0 || !FormLink().Match(mail.Text).Success)
            {
                continue;
            }

            string link = FormLink().Match(mail.Text).Value;
            if (member < 0)
            {
                if (plan.Director.Email.Equals(mail.To[0], StringComparison.OrdinalIgnoreCase) && Kind(mail.Subject) == "invitation")
                {
                    pending.Add(new Pending(now.AddSeconds(3), plan.Director, meeting, link, Act.Director));
                }

                continue;
            }

            DemoTurn turn = turns[(member, meeting)];
            DemoPerson person = plan.Members[member];
            switch (Kind(mail.Subject), turn.Answering, turn.Evaluating)
            {
                case ("invitation", Answering.AtOnce, _) when turn.First is { Contributions.Count: 0, Tried.Length: 0 }:
                    // Nothing to contribute and nothing to follow up: the member presses Accept (or Decline) in the calendar.
                    pending.Add(new Pending(now.AddSeconds(1 + (member % 5)), person, meeting, mail.Id, Act.Calendar));
                    break;
                case ("invitation", Answering.AtOnce, _):
                    pending.Add(new Pending(now.AddSeconds(1 + (member % 5)), person, meeting, link, Act.First));
                    break;
                case ("invitation", Answering.ChangesMind, _):
                    pending.Add(new Pending(now.AddSeconds(1 + (member % 3)), person, meeting, link, Act.First));
                    pending.Add(new Pending(now.AddSeconds(12 + (member % 4)), person, meeting, link, Act.Change));
                    break;
                case ("invitation", Answering.Never, _):
                    Say($"{person.Name} leaves the invitation to meeting {meeting} unanswered.");
                    break;
                case ("reminder", Answering.Late, _):
                    pending.Add(new Pending(now.AddSeconds(1 + (member % 4)), person, meeting, link, Act.First));
                    break;
                case ("survey", _, Evaluating.AtOnce):
                    pending.Add(new Pending(now.AddSeconds(1 + (member % 6)), person, meeting, link, Act.Survey));
                    break;
                case ("survey", _, Evaluating.Never):
                    Say($"{person.Name} does not fill in the survey of meeting {meeting}.");
                    break;
                case ("survey-reminder", _, Evaluating.AfterReminder):
                    pending.Add(new Pending(now.AddSeconds(1 + (member % 4)), person, meeting, link, Act.Survey));
                    break;
            }
        }

        return report;
    }

    async Task AnswerDueAsync(CancellationToken cancellationToken)
    {
        DateTimeOffset now = clock.GetUtcNow();
        foreach (Pending due in pending.Where(p => p.Due <= now).OrderBy(p => p.Due).ToList())
        {
            pending.Remove(due);
            int member = plan.Members.ToList().IndexOf(due.Person);
            DemoTurn? turn = member < 0 ? null : turns[(member, due.Meeting)];
            if (due.Act == Act.Calendar)
            {
                await ReplyFromCalendarAsync(due, turn!.First.Attendance, cancellationToken);
                continue;
            }

            (IEnumerable<KeyValuePair<string, string>> fields, string what) = due.Act switch
            {
                Act.Director => (new DemoInvitationAnswer("yes", []).Fields(), $"{due.Person.Name} (director) will open meeting {due.Meeting}: yes"),
                Act.First => (turn!.First.Fields(), $"{due.Person.Name} answers meeting {due.Meeting}{(turn.Answering == Answering.Late ? " after the reminder" : "")}: {Describe(turn.First)}"),
                Act.Change => (turn!.Changed!.Fields(), $"{due.Person.Name} changes the answer to meeting {due.Meeting}: {Describe(turn.Changed!)}"),
                _ => (turn!.Survey.Fields(), $"{due.Person.Name} rates meeting {due.Meeting}{(turn.Evaluating == Evaluating.AfterReminder ? " after the reminder" : "")}: useful {turn.Survey.Usefulness}, relations {turn.Survey.Relations}, courage {turn.Survey.Courage}"),
            };
            using HttpResponseMessage response = await http.PostAsync(due.Link, new FormUrlEncodedContent(fields), cancellationToken);
            Say(response.StatusCode == HttpStatusCode.OK ? what : $"{what} — refused ({(int)response.StatusCode} {response.StatusCode})");
        }
    }

    /// <summary>The member's calendar answers the invitation (<c>/dev/inbound</c>, which posts it as SendGrid Inbound Parse would).</summary>
    async Task ReplyFromCalendarAsync(Pending due, string attendance, CancellationToken cancellationToken)
    {
        string answer = attendance switch { "yes" => "accept", "maybe" => "tentative", _ => "decline" };
        using HttpResponseMessage response = await http.PostAsJsonAsync("/dev/inbound", new { message = due.Link, answer }, Json, cancellationToken);
        string what = $"{due.Person.Name} answers meeting {due.Meeting} from the calendar: {answer}";
        if (!response.IsSuccessStatusCode)
        {
            Say($"{what} — refused ({(int)response.StatusCode} {response.StatusCode})");
            return;
        }

        // The app's answer, passed on: each reply's outcome ("Recorded", or why not).
        JsonObject? posted = await response.Content.ReadFromJsonAsync<JsonObject>(Json, cancellationToken);
        string outcome = posted?["body"]?.GetValue<string>() is { } body && JsonNode.Parse(body)?["replies"] is JsonArray { Count: > 0 } replies
            ? string.Join(", ", replies.Select(r => r?.GetValue<string>()))
            : "no reply read";
        Say($"{what} ({outcome.ToLowerInvariant()})");
    }

    async Task<(string Runtime, string? ReportUrl)> FollowStatusAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/networks/{plan.NetworkId}");
        request.Headers.Add("x-functions-key", functionKey);
        using HttpResponseMessage response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return ("Unknown", null);
        }

        JsonElement status = await response.Content.ReadFromJsonAsync<JsonElement>(Json, cancellationToken);
        foreach (JsonElement meeting in status.GetProperty("meetings").EnumerateArray())
        {
            int number = meeting.GetProperty("number").GetInt32();
            string phase = meeting.GetProperty("phase").GetString() ?? "";
            if (phases.GetValueOrDefault(number) != phase)
            {
                phases[number] = phase;
                Say($"Status: meeting {number} is {phase} (invited {meeting.GetProperty("invited").GetInt32()}, answered {meeting.GetProperty("answered").GetInt32()}, " +
                    $"attending {meeting.GetProperty("attending").GetInt32()}, contributions {meeting.GetProperty("contributions").GetInt32()}, survey answers {meeting.GetProperty("surveyAnswers").GetInt32()})");
            }
        }

        string? reportUrl = status.TryGetProperty("reportUrl", out JsonElement url) && url.ValueKind == JsonValueKind.String ? url.GetString() : null;
        return (status.GetProperty("runtimeStatus").GetString() ?? "Unknown", reportUrl);
    }

    async Task FinishAsync(string reportUrl, CancellationToken cancellationToken)
    {
        Say($"Demo: the year is over after {elapsed.Elapsed:m\\:ss}. The year-end report went to the director, the facilitator and the consultant.");
        Say($"       report  {AdminUrl(new Uri(reportUrl, UriKind.RelativeOrAbsolute).IsAbsoluteUri ? new Uri(reportUrl).PathAndQuery : reportUrl)}");
        if (await ExistsAsync($"/api/networks/{plan.NetworkId}/dashboard", cancellationToken))
        {
            Say($"       dashboard {AdminUrl($"/api/networks/{plan.NetworkId}/dashboard")}");
        }

        Say($"       console {new Uri(http.BaseAddress!, ConsoleRoutes.Network(plan.NetworkId))}   (sign in locally as the consultant, {Consultant})");
        Say($"       start a network of your own: {new Uri(http.BaseAddress!, ConsoleRoutes.New)} with the roster samples/slagelse-2027-roster.xlsx");
        Say($"       mailbox {new Uri(http.BaseAddress!, "/dev/mailbox")}   (Ctrl+C stops the host)");
        await DraftNextYearAsync(cancellationToken);
    }

    /// <summary>What the director would get for next year: the draft kickoff, summed up in a line.</summary>
    async Task DraftNextYearAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/networks/{plan.NetworkId}/next-year");
        request.Headers.Add("x-functions-key", functionKey);
        using HttpResponseMessage response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode || await response.Content.ReadFromJsonAsync<JsonObject>(Json, cancellationToken) is not { } draft)
        {
            Say($"Next year: the draft was not given ({(int)response.StatusCode}).");
            return;
        }

        int carried = draft["carriedOver"] is JsonArray items ? items.Count : 0;
        string first = draft["meetings"] is JsonArray { Count: > 0 } meetings ? meetings[0]?["start"]?.GetValue<string>() ?? "?" : "?";
        Say($"Next year: POST /api/networks/{plan.NetworkId}/next-year drafts \"{draft["name"]}\" with {(draft["members"] as JsonArray)?.Count ?? 0} members, " +
            $"the first meeting {first}, and {carried} contributions that waited all year carried over to it.");
    }

    async Task<bool> ExistsAsync(string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("x-functions-key", functionKey);
        using HttpResponseMessage response = await http.SendAsync(request, cancellationToken);
        return response.IsSuccessStatusCode;
    }

    /// <summary>An admin URL a browser can open: the key in the <c>code</c> query, as Azure accepts it.</summary>
    string AdminUrl(string path) =>
        new Uri(http.BaseAddress!, path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "code=" + Uri.EscapeDataString(functionKey)).ToString();

    /// <summary>The answer in a line; whether the member tried their commitment only counts where they made one, which the form knows.</summary>
    static string Describe(DemoInvitationAnswer answer) =>
        (answer.Contributions.Count == 0
            ? answer.Attendance
            : $"{answer.Attendance}, {string.Join("; ", answer.Contributions.Select(c => $"{c.Type} \"{c.Title}\""))}")
        + (answer.Tried.Length > 0 ? $" (if they committed to something last time: tried it — {answer.Tried})" : "");

    /// <summary>The kind of mail, from the Danish subjects of the sample network (language <c>da</c>).</summary>
    static string Kind(string subject) => subject switch
    {
        _ when subject.StartsWith("Invitation:", StringComparison.Ordinal) => "invitation",
        _ when subject.StartsWith("Påmindelse: svar", StringComparison.Ordinal) => "reminder",
        _ when subject.StartsWith("Hvordan var møde", StringComparison.Ordinal) => "survey",
        _ when subject.StartsWith("Påmindelse: evaluering", StringComparison.Ordinal) => "survey-reminder",
        _ when subject.StartsWith("Årsrapport", StringComparison.Ordinal) => "report",
        _ => subject,
    };

    static int MeetingOf(string subject) =>
        MeetingNumber().Match(subject) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;

    string Clock(DateTimeOffset instant) => instant.ToLocalTime().ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    void Say(string line) => output.WriteLine($"{clock.GetLocalNow():HH:mm:ss} demo  {line}");

    [GeneratedRegex(@"møde (\d+)")]
    private static partial Regex MeetingNumber();

    [GeneratedRegex(@"https?://\S+/api/forms/[A-Za-z0-9_.\-]+")]
    private static partial Regex FormLink();

    enum Act
    {
        Director,
        First,
        Change,
        Survey,

        /// <summary>An answer from the calendar; <see cref="Pending.Link"/> is then the invitation's id in the mailbox.</summary>
        Calendar,
    }

    sealed record Pending(DateTimeOffset Due, DemoPerson Person, int Meeting, string Link, Act Act);

    sealed record Mail(string Id, DateTimeOffset ReceivedAt, IReadOnlyList<string> To, string Subject, string Text);
}
