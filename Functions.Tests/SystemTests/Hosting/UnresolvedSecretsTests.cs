using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using NetworkFunctions.Networks;
using NetworkFunctions.Tests.SystemTests.EndToEnd;
using NetworkFunctions.Tests.Support;

namespace NetworkFunctions.Tests.SystemTests.Hosting;

/// <summary>
/// Key Vault cannot be read (App Service passes the references through as text): the app still starts and serves;
/// health says which secret is missing, a kickoff is taken and its mail waits with attention, nothing is signed or
/// sent with the reference's text, and the forms answer 503.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class UnresolvedSecretsTests(UnresolvedSecretsHostFixture fixture) : IClassFixture<UnresolvedSecretsHostFixture>
{
    static readonly TimeSpan Wait = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task An_unresolved_secret_degrades_what_needs_it_and_the_rest_serves()
    {
        using HttpClient http = fixture.Api();
        using HttpResponseMessage health = await http.GetAsync("/api/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        JsonElement report = await health.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Degraded", report.GetProperty("status").GetString());
        Assert.Contains("Email:SendGridApiKey is an unresolved Key Vault reference", report.GetProperty("checks").GetProperty("email").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains("Forms:SigningKey is an unresolved Key Vault reference", report.GetProperty("checks").GetProperty("forms").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains("Inbound:Secret is an unresolved Key Vault reference", report.GetProperty("checks").GetProperty("inbound").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal("Healthy", report.GetProperty("checks").GetProperty("storage").GetProperty("status").GetString());

        string tag = Guid.NewGuid().ToString("N")[..10];
        string id = $"unresolved-{tag}";
        var schedule = new JsonObject
        {
            ["invitationLead"] = "PT30S", ["contributionDeadlineLead"] = "PT20S", ["reminderLeads"] = new JsonArray(),
            ["finalAgendaLead"] = "PT5S", ["surveyDelay"] = "PT1S", ["surveyOpenFor"] = "PT5S", ["surveyReminderAfter"] = "PT2S",
        };
        Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsJsonAsync("/api/networks", CompressedYear.Document(id, DateTimeOffset.UtcNow, [30], schedule, tag, length: 3))).StatusCode);

        // The kickoff's mail and the invitations wait, and say why; nothing reached the mail sink.
        JsonElement attention = await Polling.UntilValueAsync<JsonElement>(async () =>
        {
            JsonElement status = await http.GetFromJsonAsync<JsonElement>($"/api/networks/{id}");
            JsonElement[] items = [.. status.GetProperty("attention").EnumerateArray().Select(a => a.Clone())];
            return items.Any(a => a.GetProperty("kind").GetString() == AttentionKinds.EmailConfiguration)
                && items.Any(a => a.GetProperty("kind").GetString() == AttentionKinds.StepWaiting && a.GetProperty("meeting").ValueKind == JsonValueKind.Number)
                ? status.GetProperty("attention").Clone() : (JsonElement?)null;
        }, Wait, "the waiting mail and invitations in the attention");
        Assert.Contains(attention.EnumerateArray(), a => a.GetProperty("detail").GetString()!.Contains("unresolved Key Vault reference", StringComparison.Ordinal));
        Assert.DoesNotContain(await new Mailbox(http).AllAsync(), m => m.Recipient.Contains($".{tag}@", StringComparison.Ordinal));
        Assert.Single(fixture.Logs.Lines, l => l.Contains("Email:SendGridApiKey is an unresolved Key Vault reference: every mail waits", StringComparison.Ordinal));

        // A form cannot be checked without the key: 503 with the page that says to try later, for any token.
        using var anonymous = new HttpClient { BaseAddress = fixture.Host.BaseAddress };
        using HttpResponseMessage form = await anonymous.GetAsync("/api/forms/k1.eyJOIjoieCJ9.c2lnbmF0dXJl");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, form.StatusCode);
        Assert.Equal("text/html", form.Content.Headers.ContentType!.MediaType);

        // Nor can a calendar reply be taken: 503, so SendGrid posts it again, and the reference's text is no password.
        using var reply = new HttpRequestMessage(HttpMethod.Post, "/api/inbound/email") { Content = new MultipartFormDataContent { { new StringContent("x"), "email" } } };
        reply.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("inbound:@Microsoft.KeyVault(SecretUri=https://kv-test.vault.azure.net/secrets/InboundSecret/)")));
        using HttpResponseMessage refused = await anonymous.SendAsync(reply);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
    }
}
