using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using NetworkFunctions.Tests.SystemTests.EndToEnd;
using NetworkFunctions.Tests.Support;
using Xunit.Abstractions;

namespace NetworkFunctions.Tests.SystemTests.Reliability;

/// <summary>
/// A seeded chaos run over a compressed year of two meetings on the local host as its own process, on its own Azurite:
/// at random moments (from the seed) the host is killed with SIGKILL and started again, SendGrid fails (503, or 401 for a
/// few seconds, or takes the mail and then fails), and storage freezes (SIGSTOP of Azurite) for a few seconds. Members
/// answer through their links throughout. Then the invariants: each mail at most once; every mail that was due either
/// arrived or its step shows as missed; every acknowledged answer is on its meeting's agenda (unless that agenda was
/// missed); the year completes. A failure names the seed, so it can be replayed.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ChaosTests(ITestOutputHelper output)
{
    static readonly TimeSpan Wait = TimeSpan.FromMinutes(4);

    /// <summary>The seeds to run: <c>CHAOS_SEEDS=7,8,9</c> replays or adds others (default 1 and 2).</summary>
    public static TheoryData<int> Seeds() =>
        [.. (Environment.GetEnvironmentVariable("CHAOS_SEEDS") is { Length: > 0 } seeds ? seeds : "1,2")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => int.Parse(s, CultureInfo.InvariantCulture))];

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task A_year_under_random_kills_mail_faults_and_storage_freezes_keeps_its_invariants(int seed)
    {
        var random = new Random(seed);
        string tag = $"chaos{seed}{Guid.NewGuid():N}"[..14];
        string networkId = $"chaos-{tag}";
        string data = Path.Combine(Path.GetTempPath(), $"networkfunctions-chaos-{tag}");
        string azuritePort = Local.FreePorts.Pick(3).ToString(CultureInfo.InvariantCulture);
        int port = LocalHostProcess.FreePort();
        // A step killed mid-way comes back after 20 s rather than Azure's 5 minutes: the same redelivery, sooner.
        string[] arguments = ["--data", data, "--azurite-port", azuritePort, "--task-hub", TestNames.TaskHub("chaos"), "--message-visibility", "00:00:20"];
        var patience = new Dictionary<string, string>
        {
            ["Patience__QuickAttempts"] = "2",
            ["Patience__QuickFirstRetrySeconds"] = "1",
            ["Patience__FirstWaitSeconds"] = "2",
            ["Patience__LongestWaitSeconds"] = "4",
        };
        var log = new List<string>();
        void Note(string what)
        {
            log.Add($"{DateTimeOffset.UtcNow:HH:mm:ss.f} {what}");
            output.WriteLine($"seed {seed}: {log[^1]}");
        }

        var schedule = new JsonObject
        {
            ["invitationLead"] = "PT45S", ["contributionDeadlineLead"] = "PT20S", ["reminderLeads"] = new JsonArray("PT8S"),
            ["finalAgendaLead"] = "PT8S", ["surveyDelay"] = "PT1S", ["surveyOpenFor"] = "PT12S", ["surveyReminderAfter"] = "PT6S",
        };
        LocalHostProcess host = await LocalHostProcess.StartAsync(port, patience, arguments);
        var acknowledged = new ConcurrentDictionary<(string Member, int Meeting), string>();
        using var stop = new CancellationTokenSource();
        try
        {
            Assert.Equal(HttpStatusCode.Accepted, (await Api(host).PostAsJsonAsync("/api/networks",
                CompressedYear.Document(networkId, DateTimeOffset.UtcNow, [50, 100], schedule, tag, length: 3))).StatusCode);
            Task members = AnswerAsync(() => host, tag, acknowledged, stop.Token);

            // The chaos: an action every 6–12 s until the year-end report is in.
            var clock = Stopwatch.StartNew();
            int kills = 0;
            while (clock.Elapsed < Wait && !await ReportedAsync(host, tag))
            {
                await Task.Delay(TimeSpan.FromSeconds(6 + random.Next(7)));
                switch (random.Next(5))
                {
                    case 0 when kills < 2:
                        Note("kill -9 of the host");
                        kills++;
                        await host.KillAsync();
                        await host.DisposeAsync();
                        host = await LocalHostProcess.StartAsync(port, patience, arguments);
                        Note("host started again");
                        break;
                    case 1:
                        int seconds = 2 + random.Next(5);
                        Note($"storage frozen for {seconds} s");
                        int azurite = AzuriteProcesses.PidFor(data);
                        AzuriteProcesses.Signal("STOP", azurite);
                        await Task.Delay(TimeSpan.FromSeconds(seconds));
                        AzuriteProcesses.Signal("CONT", azurite);
                        break;
                    case 2:
                        int count = 1 + random.Next(6);
                        bool accept = random.Next(2) == 0;
                        Note($"SendGrid 503 for {count} sends{(accept ? ", each taken first" : "")}");
                        await TryAsync(() => Api(host).PostAsJsonAsync("/dev/sendgrid/faults", new { status = 503, count, accept }));
                        break;
                    case 3:
                        Note("SendGrid 401 for 4 s");
                        await TryAsync(() => Api(host).PostAsJsonAsync("/dev/sendgrid/faults", new { status = 401, count = 0 }));
                        await Task.Delay(TimeSpan.FromSeconds(4));
                        await TryAsync(() => Api(host).DeleteAsync("/dev/sendgrid/faults"));
                        break;
                    default:
                        Note("calm");
                        break;
                }
            }

            await TryAsync(() => Api(host).DeleteAsync("/dev/sendgrid/faults"));
            string seedNote = $"seed {seed}; chaos: {string.Join(" | ", log)}";
            IReadOnlyList<ReceivedMail> report = await new Mailbox(Api(host)).WaitForAsync(m => Ours(m, tag) && m.Subject.StartsWith("Årsrapport", StringComparison.Ordinal), 3, Wait, $"the year-end report ({seedNote})");
            stop.Cancel();
            await members;

            using HttpClient api = Api(host);
            JsonElement status = await Polling.UntilValueAsync<JsonElement>(async () =>
            {
                JsonElement s = await api.GetFromJsonAsync<JsonElement>($"/api/networks/{networkId}");
                return s.GetProperty("runtimeStatus").GetString() == "Completed" ? s.Clone() : null;
            }, Wait, $"the year to complete ({seedNote})");
            IReadOnlyList<ReceivedMail> all = (await new Mailbox(api).AllAsync()).Where(m => Ours(m, tag)).ToList();
            HashSet<string> missed = [.. status.GetProperty("attention").EnumerateArray()
                .Where(a => a.GetProperty("kind").GetString() == "step-missed")
                .Select(a => $"{a.GetProperty("meeting")}:{a.GetProperty("step").GetString()}")];
            Note($"{all.Count} mails, {acknowledged.Count} acknowledged answers, missed steps [{string.Join(", ", missed)}]");

            // Each mail at most once.
            Assert.True(all.Count == all.Select(m => (m.Recipient, m.Subject)).Distinct().Count(), $"A mail went twice ({seedNote}).");

            // Every due mail arrived, or its step shows as missed.
            // (the director is invited to meeting 1 only)
            foreach ((string prefix, string step, int perMeeting) in new[] { ("Invitation", "invitation", 5), ("Dagsorden til", "agenda", 2), ("Dagsorden:", "final-agenda", 5), ("Evaluering af", "survey-summary", 2) })
            {
                foreach (int meeting in new[] { 1, 2 })
                {
                    int expected = perMeeting + (step == "invitation" && meeting == 1 ? 1 : 0);
                    int got = all.Count(m => m.Subject.StartsWith(prefix, StringComparison.Ordinal) && m.Subject.Contains($"møde {meeting}", StringComparison.Ordinal));
                    Assert.True(got == expected || missed.Contains($"{meeting}:{step}"), $"Meeting {meeting}: {got} of {expected} × {step} and no missed step ({seedNote}).");
                }
            }

            Assert.Single(all, m => m.Subject.StartsWith("Netværket er sat i gang", StringComparison.Ordinal));

            // The report says what was missed (and nothing when nothing was).
            string reportText = report[0].Text;
            Assert.True(missed.Count > 0 == reportText.Contains("DET, DER IKKE NÅEDE UD", StringComparison.Ordinal), $"The report's list of missed steps does not match [{string.Join(", ", missed)}] ({seedNote}).");
            Assert.All(missed, m => Assert.Contains(m.StartsWith(':') ? "- " : $"- Møde {m[..m.IndexOf(':')]}: ", reportText, StringComparison.Ordinal));

            // No acknowledged answer lost: each is on its meeting's agenda.
            foreach (((string member, int meeting), string title) in acknowledged)
            {
                ReceivedMail? agenda = all.FirstOrDefault(m => m.Recipient == CompressedYear.Email("facilitator", tag) && m.Subject.StartsWith($"Dagsorden til møde {meeting}", StringComparison.Ordinal));
                Assert.True(agenda is null && missed.Contains($"{meeting}:agenda") || agenda?.Html.Contains(title, StringComparison.Ordinal) == true,
                    $"{member}'s acknowledged answer to meeting {meeting} is not on its agenda ({seedNote}).");
            }
        }
        finally
        {
            stop.Cancel();
            await host.DisposeAsync();
            AzuriteProcesses.StopFor(data);
            try
            {
                Directory.Delete(data, recursive: true);
            }
            catch (IOException)
            {
                // Azurite may still be closing its files.
            }
        }
    }

    /// <summary>Each member answers each invitation once it arrives, again until the answer is acknowledged or the form closes.</summary>
    static async Task AnswerAsync(Func<LocalHostProcess> host, string tag, ConcurrentDictionary<(string, int), string> acknowledged, CancellationToken cancellationToken)
    {
        using var forms = new HttpClient { Timeout = TimeSpan.FromSeconds(25) };
        var done = new HashSet<(string, int)>();
        while (!cancellationToken.IsCancellationRequested)
        {
            IReadOnlyList<ReceivedMail> invitations = [];
            try
            {
                invitations = (await new Mailbox(Api(host())).AllAsync())
                    .Where(m => Ours(m, tag) && m.Subject.StartsWith("Invitation", StringComparison.Ordinal) && !m.Recipient.StartsWith("direktor", StringComparison.Ordinal))
                    .ToList();
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
            {
                // The host is down or storage frozen: look again.
            }

            foreach (ReceivedMail invitation in invitations)
            {
                int meeting = invitation.Subject.Contains("møde 2", StringComparison.Ordinal) ? 2 : 1;
                if (done.Contains((invitation.Recipient, meeting)) || invitation.FormLink.Length == 0)
                {
                    continue;
                }

                string title = $"Tema {invitation.Recipient.Split('.')[0]} til møde {meeting}";
                try
                {
                    using HttpResponseMessage answered = await forms.PostAsync(invitation.FormLink, new FormUrlEncodedContent(
                        [new("attendance", "yes"), new("type", "theme"), new("title", title)]), cancellationToken);
                    if (answered.StatusCode == HttpStatusCode.OK)
                    {
                        acknowledged[(invitation.Recipient, meeting)] = title;
                        done.Add((invitation.Recipient, meeting));
                    }
                    else if (answered.StatusCode is HttpStatusCode.Gone or HttpStatusCode.NotFound)
                    {
                        done.Add((invitation.Recipient, meeting));
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    // Not acknowledged: tried again on the next round.
                }
            }

            try
            {
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
            catch (TaskCanceledException)
            {
                return;
            }
        }
    }

    static bool Ours(ReceivedMail mail, string tag) => mail.Recipient.Contains($".{tag}@", StringComparison.Ordinal);

    static HttpClient Api(LocalHostProcess host)
    {
        HttpClient http = LocalHostFixture.KeyedClient(host.BaseAddress, Local.LocalHostOptions.DefaultFunctionKey);
        http.Timeout = TimeSpan.FromSeconds(20);
        return http;
    }

    static async Task<bool> ReportedAsync(LocalHostProcess host, string tag)
    {
        try
        {
            using HttpClient api = Api(host);
            return (await new Mailbox(api).AllAsync()).Count(m => Ours(m, tag) && m.Subject.StartsWith("Årsrapport", StringComparison.Ordinal)) >= 3;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
        {
            return false;
        }
    }

    static async Task TryAsync(Func<Task<HttpResponseMessage>> call)
    {
        try
        {
            using HttpResponseMessage response = await call();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            // The host is down this moment; the chaos goes on.
        }
    }
}
