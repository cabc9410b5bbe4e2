using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using BouncingMail = NetworkFunctions.Local.Mail.BouncingMail;
using NetworkFunctions.Networks;
using NetworkFunctions.Tests.SystemTests.EndToEnd;
using NetworkFunctions.Tests.Support;

namespace NetworkFunctions.Tests.SystemTests.Mail;

/// <summary>
/// SendGrid's signed event webhook on the local host: the mail sink posts a signed bounce for an address marked as
/// bouncing, the network's attention lists the member (by id), the consultant is told once, and a corrected address
/// clears it and gets the steps still to come. Unsigned or wrongly signed posts change nothing.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class BounceTests(InMemoryHostFixture fixture) : IClassFixture<InMemoryHostFixture>
{
    static readonly TimeSpan Wait = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task A_bouncing_address_is_seen_told_once_and_cleared_by_its_correction()
    {
        using HttpClient http = fixture.Api();
        var mailbox = new Mailbox(http);
        string tag = Guid.NewGuid().ToString("N")[..10];
        string id = $"bounce-{tag}";
        string bo = CompressedYear.Email("bo", tag), boNew = CompressedYear.Email("bony", tag);
        string consultant = CompressedYear.Email("konsulent", tag);
        using (HttpResponseMessage marked = await http.PostAsJsonAsync("/dev/sendgrid/bounces", new { address = bo }))
        {
            Assert.Equal(HttpStatusCode.OK, marked.StatusCode);
        }

        var schedule = new JsonObject
        {
            ["invitationLead"] = "PT20S", ["contributionDeadlineLead"] = "PT10S", ["reminderLeads"] = new JsonArray("PT4S"),
            ["finalAgendaLead"] = "PT4S", ["surveyDelay"] = "PT1S", ["surveyOpenFor"] = "PT6S", ["surveyReminderAfter"] = "PT3S",
        };
        Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsJsonAsync("/api/networks", CompressedYear.Document(id, DateTimeOffset.UtcNow, [20], schedule, tag, length: 3))).StatusCode);
        await mailbox.WaitForAsync(m => m.Recipient == bo && m.Subject.StartsWith("Invitation"), 1, Wait, "Bo's invitation (taken, then bounced)");

        // The bounce shows as attention on Bo's id, with no address in it; the consultant hears of it once.
        string boId = await Roster.IdOfAsync(http, id, bo);
        JsonElement attention = await Polling.UntilValueAsync(async () =>
        {
            JsonElement status = await http.GetFromJsonAsync<JsonElement>($"/api/networks/{id}");
            return status.GetProperty("attention").EnumerateArray().Where(a => a.GetProperty("kind").GetString() == AttentionKinds.MailUndeliverable).Select(a => a.Clone()).FirstOrDefault() is { ValueKind: JsonValueKind.Object } found
                ? found : (JsonElement?)null;
        }, Wait, "the bounce in the attention");
        Assert.Equal(boId, attention.GetProperty("step").GetString());
        Assert.DoesNotContain("@", attention.GetProperty("detail").GetString(), StringComparison.Ordinal);
        ReceivedMail notice = Assert.Single(await mailbox.WaitForAsync(m => m.Recipient == consultant && m.Subject.StartsWith("Mail når ikke frem"), 1, Wait, "the consultant's notice"));
        Assert.Contains(bo, notice.Html, StringComparison.Ordinal);
        Assert.Contains("Bo Berg", notice.Html, StringComparison.Ordinal);
        Assert.Contains("Afvist af modtagerens mailserver", notice.Text, StringComparison.Ordinal);

        // The same event again (SendGrid posts again after a failed answer) records nothing new.
        var poster = new SignedPoster(fixture);
        string again = JsonSerializer.Serialize(new[] { new Dictionary<string, object>
        {
            ["email"] = bo, ["event"] = "dropped", ["timestamp"] = 1, ["nf_network"] = id, ["nf_meeting"] = "1", ["nf_kind"] = "reminder-0", ["nf_recipient"] = boId,
        } });
        Assert.Equal(HttpStatusCode.OK, await poster.PostAsync(again));

        // Unsigned, wrongly signed, or signed but not events: refused, nothing recorded.
        Assert.Equal(HttpStatusCode.Unauthorized, await poster.PostAsync(again, signature: ""));
        Assert.Equal(HttpStatusCode.Unauthorized, await poster.PostAsync(again, signature: poster.Sign("1", again.Replace("dropped", "bounce", StringComparison.Ordinal))));
        Assert.Equal(HttpStatusCode.BadRequest, await poster.PostAsync("""{"event":"bounce"}"""));
        Assert.Equal(HttpStatusCode.BadRequest, await poster.PostAsync("[{\"event\":"));

        // The address is corrected: the attention goes, and the steps still to come reach the new address.
        Assert.Equal(HttpStatusCode.OK, (await http.PatchAsJsonAsync($"/api/networks/{id}/members/{boId}", new { email = boNew })).StatusCode);
        JsonElement after = await http.GetFromJsonAsync<JsonElement>($"/api/networks/{id}");
        Assert.DoesNotContain(after.GetProperty("attention").EnumerateArray(), a => a.GetProperty("kind").GetString() == AttentionKinds.MailUndeliverable);
        await mailbox.WaitForAsync(m => m.Recipient == boNew && m.Subject.StartsWith("Dagsorden: "), 1, Wait, "the final agenda at Bo's new address");
        Assert.Single(await mailbox.AllAsync(), m => m.Recipient == consultant && m.Subject.StartsWith("Mail når ikke frem"));
        await http.DeleteAsync("/dev/sendgrid/bounces");
    }

    /// <summary>Posts to the webhook as SendGrid does, signed with the local host's key (or the signature given).</summary>
    sealed class SignedPoster(InMemoryHostFixture host)
    {
        BouncingMail Sink => host.Host.Services.GetRequiredService<BouncingMail>();

        public string Sign(string timestamp, string payload) => Sink.Sign(timestamp, payload);

        public async Task<HttpStatusCode> PostAsync(string payload, string? signature = null)
        {
            using var anonymous = new HttpClient { BaseAddress = host.Host.BaseAddress };
            using HttpRequestMessage request = Sink.SignedRequest(new Uri(host.Host.BaseAddress, "/api/sendgrid/events"), payload, DateTimeOffset.UtcNow, signature);
            using HttpResponseMessage response = await anonymous.SendAsync(request);
            return response.StatusCode;
        }
    }
}
