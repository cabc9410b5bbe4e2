using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NetworkFunctions.Tests.SystemTests.EndToEnd;
using NetworkFunctions.Tests.Support;

namespace NetworkFunctions.Tests.SystemTests.Cycle;

/// <summary>
/// SendGrid's faults, driven with the local mail sink's failure switch: throttling and server errors are retried
/// with backoff by the durable retry policy and every mail still arrives once; a permanent refusal is recorded, not
/// retried, and reported to the consultant.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class MailFaultTests(InMemoryHostFixture fixture) : IClassFixture<InMemoryHostFixture>
{
    static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    static JsonObject Schedule() => new()
    {
        ["invitationLead"] = "PT18S",
        ["contributionDeadlineLead"] = "PT8S",
        ["reminderLeads"] = new JsonArray("PT4S"),
        ["finalAgendaLead"] = "PT3S",
        ["surveyDelay"] = "PT1S",
        ["surveyOpenFor"] = "PT6S",
        ["surveyReminderAfter"] = "PT3S",
    };

    static async Task ArmAsync(HttpClient http, int status, int count)
    {
        using HttpResponseMessage armed = await http.PostAsJsonAsync("/dev/sendgrid/faults", new { status, count, retryAfterSeconds = 1 });
        Assert.Equal(HttpStatusCode.OK, armed.StatusCode);
    }

    [Fact]
    public async Task Throttling_and_server_errors_are_retried_and_every_mail_arrives_once()
    {
        using HttpClient http = fixture.Api();
        string tag = Guid.NewGuid().ToString("N")[..10];
        var mailbox = new Mailbox(http);
        Func<ReceivedMail, bool> ours = m => m.Recipient.Contains($".{tag}@", StringComparison.Ordinal);

        await ArmAsync(http, 429, 2);
        Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsJsonAsync("/api/networks",
            CompressedYear.Document($"faults-{tag}", DateTimeOffset.UtcNow, [18], Schedule(), tag, length: 3))).StatusCode);
        await mailbox.WaitForAsync(m => ours(m) && m.Subject.StartsWith("Invitation"), 6, Wait, "invitations after throttling");
        await ArmAsync(http, 503, 3);

        await mailbox.WaitForAsync(m => ours(m) && m.Subject.StartsWith("Årsrapport"), 3, Wait * 2, "the year-end report after server errors");
        IReadOnlyList<ReceivedMail> all = (await mailbox.AllAsync()).Where(ours).ToList();

        // kickoff 1, invitations 6, reminders 5, agendas 2, final agendas 5, unapproved-agenda notices 2, surveys 5, minutes links 2,
        // survey reminders 5, summaries 2, minutes reminders 2, reports 3
        Assert.Equal(40, all.Count);
        Assert.Equal(all.Count, all.Select(m => (m.Recipient, m.Subject)).Distinct().Count());
        Assert.False((await http.GetFromJsonAsync<System.Text.Json.JsonElement>("/dev/sendgrid/faults")).GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task A_permanent_refusal_is_not_retried_and_the_consultant_is_told()
    {
        using HttpClient http = fixture.Api();
        string tag = Guid.NewGuid().ToString("N")[..10];
        var mailbox = new Mailbox(http);

        await ArmAsync(http, 400, 1);
        Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsJsonAsync("/api/networks",
            CompressedYear.Document($"refused-{tag}", DateTimeOffset.UtcNow, [60], Schedule(), tag, length: 3))).StatusCode);

        ReceivedMail notice = Assert.Single(await mailbox.WaitForAsync(
            m => m.Recipient == CompressedYear.Email("konsulent", tag) && m.Subject.StartsWith("Mail kunne ikke leveres"), 1, Wait, "the consultant's notice"));
        Assert.Contains(CompressedYear.Email("direktor", tag), notice.Text);
        Assert.Contains("Netværket er sat i gang", notice.Text);
        await mailbox.WaitForAsync(m => m.Recipient.Contains($".{tag}@") && m.Subject.StartsWith("Invitation"), 6, Wait, "the invitations that follow");
        Assert.DoesNotContain(await mailbox.AllAsync(), m => m.Recipient == CompressedYear.Email("direktor", tag) && m.Subject.StartsWith("Netværket er sat i gang"));
    }
}
