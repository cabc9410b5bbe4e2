using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using NetworkFunctions.Tests.SystemTests.EndToEnd;
using NetworkFunctions.Tests.Support;

namespace NetworkFunctions.Tests.SystemTests.Reliability;

/// <summary>
/// Storage frozen mid-year: the local host as its own process on its own Azurite, which is stopped with SIGSTOP and
/// resumed with SIGCONT. The host survives; health says storage is degraded meanwhile; a form answer sent during the
/// freeze is either acknowledged and kept, or answered 503 with Retry-After; nothing acknowledged is lost, and the
/// answer reaches the agenda.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class StorageFreezeTests
{
    static readonly TimeSpan Wait = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_frozen_storage_is_survived_and_no_acknowledged_answer_is_lost()
    {
        string tag = Guid.NewGuid().ToString("N")[..10];
        string data = Path.Combine(Path.GetTempPath(), $"networkfunctions-freeze-{tag}");
        int azuritePort = Local.FreePorts.Pick(3);
        var schedule = new JsonObject
        {
            ["invitationLead"] = "PT85S", ["contributionDeadlineLead"] = "PT20S", ["reminderLeads"] = new JsonArray(),
            ["finalAgendaLead"] = "PT5S", ["surveyDelay"] = "PT1S", ["surveyOpenFor"] = "PT5S", ["surveyReminderAfter"] = "PT2S",
        };
        string anne = CompressedYear.Email("anne", tag);
        await using LocalHostProcess host = await LocalHostProcess.StartAsync(LocalHostProcess.FreePort(),
            "--data", data, "--azurite-port", azuritePort.ToString(System.Globalization.CultureInfo.InvariantCulture), "--task-hub", TestNames.TaskHub("freeze"));
        try
        {
            using HttpClient http = LocalHostFixture.KeyedClient(host.BaseAddress, Local.LocalHostOptions.DefaultFunctionKey);
            Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsJsonAsync("/api/networks",
                CompressedYear.Document($"freeze-{tag}", DateTimeOffset.UtcNow, [90], schedule, tag, length: 3))).StatusCode);
            ReceivedMail invitation = (await new Mailbox(http).WaitForAsync(m => m.Recipient == anne && m.Subject.StartsWith("Invitation"), 1, Wait, "Anne's invitation"))[0];
            int azurite = AzuriteProcesses.PidFor(data);
            using var forms = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };

            Assert.True(AzuriteProcesses.Signal("STOP", azurite));
            HttpStatusCode during;
            try
            {
                JsonElement health = await Polling.UntilValueAsync<JsonElement>(async () =>
                {
                    using HttpResponseMessage response = await http.GetAsync("/api/health");
                    JsonElement body = await response.Content.ReadFromJsonAsync<JsonElement>();
                    return body.GetProperty("checks").GetProperty("storage").GetProperty("status").GetString() == "Degraded" ? body.Clone() : null;
                }, Wait, "the health check to see storage degraded");
                Assert.Equal("Degraded", health.GetProperty("status").GetString());

                using HttpResponseMessage answered = await forms.PostAsync(invitation.FormLink, Answer("Tema sendt under frysningen"));
                during = answered.StatusCode;
                Assert.True(during is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"A form during the freeze answered {(int)during}.");
                if (during == HttpStatusCode.ServiceUnavailable)
                {
                    Assert.True(answered.Headers.RetryAfter is not null, "A 503 carries Retry-After.");
                }
            }
            finally
            {
                Assert.True(AzuriteProcesses.Signal("CONT", azurite));
            }

            Assert.False(host.HasExited, "The host survives the freeze.");
            if (during != HttpStatusCode.OK)
            {
                // Told to send it again: the member does.
                using HttpResponseMessage again = await forms.PostAsync(invitation.FormLink, Answer("Tema sendt under frysningen"));
                Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            }

            JsonElement export = await http.GetFromJsonAsync<JsonElement>($"/api/networks/freeze-{tag}/members/{await Roster.IdOfAsync(http, $"freeze-{tag}", anne)}");
            Assert.Equal("Tema sendt under frysningen", export.GetProperty("answers")[0].GetProperty("contributions")[0].GetProperty("title").GetString());
            ReceivedMail agenda = (await new Mailbox(http).WaitForAsync(m => m.Recipient == CompressedYear.Email("facilitator", tag) && m.Subject.StartsWith("Dagsorden til"), 1, Wait * 2, "the agenda"))[0];
            Assert.Contains("Tema sendt under frysningen", agenda.Html, StringComparison.Ordinal);
        }
        finally
        {
            await host.DisposeAsync();
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

    static FormUrlEncodedContent Answer(string title) => new([new("attendance", "yes"), new("type", "theme"), new("title", title)]);
}
