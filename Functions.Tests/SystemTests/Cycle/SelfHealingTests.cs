using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using NetworkFunctions.Tests.SystemTests.EndToEnd;
using NetworkFunctions.Tests.Support;

namespace NetworkFunctions.Tests.SystemTests.Cycle;

/// <summary>
/// A year that heals itself, on the AzureStorage engine: SendGrid down (503) or refusing the app's key (401) from
/// before the kickoff for longer than a step's quick tries — every step waits, the fault shows on the status (and for
/// the key, on the health check), and once SendGrid takes mail again every mail goes out exactly once and the year
/// ends with its report.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SelfHealingTests(PatientHostFixture fixture) : IClassFixture<PatientHostFixture>
{
    static readonly TimeSpan Wait = TimeSpan.FromSeconds(90);

    /// <summary>One meeting 60 s ahead: invitation at +20 s, reminder at +35 s, deadline at +40 s, final agenda at +50 s.</summary>
    static JsonObject Schedule() => new()
    {
        ["invitationLead"] = "PT40S",
        ["contributionDeadlineLead"] = "PT20S",
        ["reminderLeads"] = new JsonArray("PT5S"),
        ["finalAgendaLead"] = "PT10S",
        ["surveyDelay"] = "PT1S",
        ["surveyOpenFor"] = "PT6S",
        ["surveyReminderAfter"] = "PT3S",
    };

    [Theory]
    [InlineData(401, "email-configuration")]
    [InlineData(503, "step-waiting")]
    public async Task SendGrid_failing_from_before_the_kickoff_is_waited_out_and_every_mail_goes_out_once(int status, string attentionKind)
    {
        using HttpClient http = fixture.Api();
        string tag = Guid.NewGuid().ToString("N")[..10];
        string networkId = $"healing-{status}-{tag}";
        var mailbox = new Mailbox(http);
        Func<ReceivedMail, bool> ours = m => m.Recipient.Contains($".{tag}@", StringComparison.Ordinal);
        DateTimeOffset kickoff = DateTimeOffset.UtcNow;

        using (HttpResponseMessage armed = await http.PostAsJsonAsync("/dev/sendgrid/faults", new { status, count = 100_000 }))
        {
            Assert.Equal(HttpStatusCode.OK, armed.StatusCode);
        }

        try
        {
            Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsJsonAsync("/api/networks",
                CompressedYear.Document(networkId, kickoff, [60], Schedule(), tag, length: 3))).StatusCode);

            // While SendGrid fails, the network says what waits; a refused key also degrades the health check.
            JsonElement attention = await Polling.UntilValueAsync<JsonElement>(async () =>
            {
                JsonElement network = await http.GetFromJsonAsync<JsonElement>($"/api/networks/{networkId}");
                return network.GetProperty("attention").EnumerateArray().Any(a => a.GetProperty("kind").GetString() == attentionKind)
                    ? network.GetProperty("attention").Clone()
                    : null;
            }, Wait, $"a '{attentionKind}' attention");
            Assert.DoesNotContain("@", attention.GetRawText(), StringComparison.Ordinal);
            if (status == 401)
            {
                JsonElement health = await Polling.UntilValueAsync<JsonElement>(async () =>
                {
                    using HttpResponseMessage response = await http.GetAsync("/api/health");
                    JsonElement body = await response.Content.ReadFromJsonAsync<JsonElement>();
                    return response.StatusCode == HttpStatusCode.OK && body.GetProperty("status").GetString() == "Degraded" ? body.Clone() : null;
                }, Wait, "a degraded health check");
                Assert.Equal("Degraded", health.GetProperty("checks").GetProperty("email").GetProperty("status").GetString());
                Assert.Equal("Healthy", health.GetProperty("checks").GetProperty("storage").GetProperty("status").GetString());
            }

            // The fault outlasts the invitation's due time, so the invitations wait too.
            TimeSpan untilInvitations = kickoff.AddSeconds(24) - DateTimeOffset.UtcNow;
            if (untilInvitations > TimeSpan.Zero)
            {
                await Task.Delay(untilInvitations);
            }

            Assert.DoesNotContain(await mailbox.AllAsync(), m => ours(m) && m.Subject.StartsWith("Invitation", StringComparison.Ordinal));
        }
        finally
        {
            await http.DeleteAsync("/dev/sendgrid/faults");
        }

        await mailbox.WaitForAsync(m => ours(m) && m.Subject.StartsWith("Årsrapport", StringComparison.Ordinal), 3, Wait * 2, "the year-end report after the fault");
        IReadOnlyList<ReceivedMail> all = (await mailbox.AllAsync()).Where(ours).ToList();

        // kickoff 1, invitations 6, reminders 5, agendas 2, final agendas 5, the preparers' notices that nobody approved the agenda 2,
        // surveys 5, minutes links 2, survey reminders 5, summaries 2, minutes reminders 2, reports 3 (+ for a refused key, the
        // consultant's notice that mail works again)
        Assert.Equal(status == 401 ? 41 : 40, all.Count);
        Assert.Equal(all.Count, all.Select(m => (m.Recipient, m.Subject)).Distinct().Count());
        Assert.Single(all, m => m.Subject.StartsWith("Netværket er sat i gang", StringComparison.Ordinal));
        Assert.Equal(status == 401 ? 1 : 0, all.Count(m => m.Recipient == CompressedYear.Email("konsulent", tag) && m.Subject.StartsWith("Mail virker igen", StringComparison.Ordinal)));

        JsonElement done = await Polling.UntilValueAsync<JsonElement>(async () =>
        {
            JsonElement network = await http.GetFromJsonAsync<JsonElement>($"/api/networks/{networkId}");
            return network.GetProperty("runtimeStatus").GetString() == "Completed" ? network.Clone() : null;
        }, Wait, "the network-year to complete");
        Assert.Empty(done.GetProperty("attention").EnumerateArray());
        JsonElement healthAfter = await http.GetFromJsonAsync<JsonElement>("/api/health");
        Assert.Equal("Healthy", healthAfter.GetProperty("checks").GetProperty("email").GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_stopped_meeting_moved_before_is_resumed_and_finishes_without_sending_anything_twice()
    {
        using HttpClient http = fixture.Api();
        string tag = Guid.NewGuid().ToString("N")[..10];
        string networkId = $"resumed-{tag}";
        var mailbox = new Mailbox(http);
        Func<ReceivedMail, bool> ours = m => m.Recipient.Contains($".{tag}@", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsJsonAsync("/api/networks",
            CompressedYear.Document(networkId, DateTimeOffset.UtcNow.AddSeconds(-15), [60], Schedule(), tag, length: 3))).StatusCode);
        await mailbox.WaitForAsync(m => ours(m) && m.Subject.StartsWith("Invitation", StringComparison.Ordinal), 6, Wait, "the invitations");

        // Moved a little later (revision 1): the restarted meeting must not invite again at the new revision.
        DateTimeOffset start = DateTimeOffset.UtcNow.AddSeconds(50);
        using (HttpResponseMessage moved = await http.PatchAsJsonAsync($"/api/networks/{networkId}/meetings/1",
            new { start = CompressedYear.Instant(start), end = CompressedYear.Instant(start.AddSeconds(3)) }))
        {
            Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        }

        await mailbox.WaitForAsync(m => ours(m) && m.Subject.StartsWith("Ændret", StringComparison.Ordinal), 6, Wait, "the updates");

        using (HttpResponseMessage nothing = await http.PostAsync($"/api/networks/{networkId}/resume", null))
        {
            Assert.Equal(HttpStatusCode.Conflict, nothing.StatusCode);
            Assert.Equal("application/problem+json", nothing.Content.Headers.ContentType?.MediaType);
        }

        string meeting = $"{networkId}:meeting:1";
        await fixture.Host.DurableClient.TerminateInstanceAsync(meeting, "stopped by the test");
        await Polling.UntilAsync(async () =>
            (await fixture.Host.DurableClient.GetInstanceAsync(meeting))?.RuntimeStatus == Microsoft.DurableTask.Client.OrchestrationRuntimeStatus.Terminated ? "terminated" : null,
            Wait, "the meeting to stop");
        using (HttpResponseMessage changed = await http.PatchAsJsonAsync($"/api/networks/{networkId}/meetings/1", new { cancelled = true }))
        {
            Assert.Equal(HttpStatusCode.Conflict, changed.StatusCode);
        }

        using HttpResponseMessage resumed = await http.PostAsync($"/api/networks/{networkId}/resume", null);
        Assert.Equal(HttpStatusCode.Accepted, resumed.StatusCode);
        Assert.Contains(meeting, (await resumed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("resumed").EnumerateArray().Select(e => e.GetString()));

        await mailbox.WaitForAsync(m => ours(m) && m.Subject.StartsWith("Evaluering af møde 1", StringComparison.Ordinal), 2, Wait * 2, "the survey summary of the resumed meeting");
        IReadOnlyList<ReceivedMail> all = (await mailbox.AllAsync()).Where(ours).ToList();
        Assert.Equal(all.Count, all.Select(m => (m.Recipient, m.Subject)).Distinct().Count());
        Assert.Equal(6, all.Count(m => m.Subject.StartsWith("Invitation", StringComparison.Ordinal)));
        Assert.Equal(6, all.Count(m => m.Subject.StartsWith("Ændret", StringComparison.Ordinal)));
    }
}
