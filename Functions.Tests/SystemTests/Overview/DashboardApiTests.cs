using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using NetworkFunctions.Forms;
using NetworkFunctions.Http;
using NetworkFunctions.Networks;
using NetworkFunctions.Reports;
using NetworkFunctions.Storage;
using NetworkFunctions.Tests.SystemTests.EndToEnd;
using NetworkFunctions.Tests.Support;

namespace NetworkFunctions.Tests.SystemTests.Overview;

/// <summary>The dashboard through HTTP on the local host (in-memory engine): a network kicked off, invited, one member answering.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DashboardApiTests(InMemoryHostFixture fixture) : IClassFixture<InMemoryHostFixture>
{
    static readonly TimeSpan Wait = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task ShowsWhoHasAnsweredAndWhoHasNotWithTheFormsSecurityHeaders()
    {
        string tag = Guid.NewGuid().ToString("N")[..10];
        string id = $"dashboard-{tag}";
        using HttpClient http = fixture.Api();
        JsonObject document = CompressedYear.Document(id, DateTimeOffset.UtcNow, [60], CompressedYear.DefaultSchedule(), tag);
        using (HttpResponseMessage kickoff = await http.PostAsJsonAsync("/api/networks", document))
        {
            Assert.Equal(HttpStatusCode.Accepted, kickoff.StatusCode);
        }

        using HttpResponseMessage first = await http.GetAsync($"/api/networks/{id}/dashboard");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("text/html", first.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HtmlPage.ContentSecurityPolicy, Assert.Single(first.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("no-referrer", Assert.Single(first.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("nosniff", Assert.Single(first.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-store", first.Headers.CacheControl?.ToString());
        string before = WebUtility.HtmlDecode(await first.Content.ReadAsStringAsync());
        Assert.Contains("Overblik: Netværk for samskabelse", before, StringComparison.Ordinal);
        Assert.Contains("Invitationerne er ikke sendt endnu.", before, StringComparison.Ordinal);
        Assert.Contains("Center for Økonomi", before, StringComparison.Ordinal);
        Assert.Contains("data:image/png;base64,", before, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.FunctionKey, before, StringComparison.Ordinal);

        var mailbox = new Mailbox(http);
        IReadOnlyList<ReceivedMail> invitations = await mailbox.WaitForAsync(
            m => m.Recipient.Contains($".{tag}@", StringComparison.Ordinal) && m.Subject.StartsWith("Invitation", StringComparison.Ordinal), 6, Wait, "invitations");
        using var forms = new HttpClient();
        ReceivedMail anne = invitations.Single(m => m.Recipient == CompressedYear.Email("anne", tag));
        using (HttpResponseMessage answered = await forms.PostAsync(anne.FormLink,
                   new FormUrlEncodedContent([new("attendance", "yes"), new("type", "theme"), new("title", "Samskabelse i praksis")])))
        {
            Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        }

        string after = await Polling.UntilAsync(async () =>
        {
            string html = WebUtility.HtmlDecode(await http.GetStringAsync($"/api/networks/{id}/dashboard"));
            return html.Contains("1 af 5 har svaret", StringComparison.Ordinal) && html.Contains("Svar og bidrag indsamles", StringComparison.Ordinal) ? html : null;
        }, Wait, "the dashboard to show the invitations and Anne's answer");

        string answeredTable = Between(after, "Har svaret til møde 1", "</table>");
        string waitingTable = Between(after, "Mangler at svare til møde 1", "</table>");
        Assert.Contains("Anne Andersen", answeredTable, StringComparison.Ordinal);
        foreach (string name in new[] { "Bo Berg", "Cecilie Carlsen", "Dennis Dam", "Eva Ebbesen" })
        {
            Assert.Contains(name, waitingTable, StringComparison.Ordinal);
            Assert.DoesNotContain(name, answeredTable, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Anne Andersen", waitingTable, StringComparison.Ordinal);
        Assert.Contains("Center for Sundhed & Ældre", waitingTable, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CarriesTheKeyOnItsLinksOnlyWhenItCameInTheQuery()
    {
        string id = $"dashboard-{Guid.NewGuid().ToString("N")[..10]}";
        using HttpClient http = fixture.Api();
        using (HttpResponseMessage kickoff = await http.PostAsJsonAsync("/api/networks", CompressedYear.Document(id, DateTimeOffset.UtcNow, [60], CompressedYear.DefaultSchedule(), id)))
        {
            Assert.Equal(HttpStatusCode.Accepted, kickoff.StatusCode);
        }

        using var anonymous = new HttpClient { BaseAddress = fixture.Host.BaseAddress };
        string code = Uri.EscapeDataString(fixture.FunctionKey);
        string keyed = await anonymous.GetStringAsync($"/api/networks/{id}/dashboard?code={code}");
        string headered = await http.GetStringAsync($"/api/networks/{id}/dashboard");

        Assert.Contains($"/api/networks/{id}?code={code}", keyed, StringComparison.Ordinal);
        Assert.DoesNotMatch("href=\"[^\"]*code=", headered);
        Assert.DoesNotContain(fixture.FunctionKey, headered, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NeedsTheKeyAndAnswers404ForAnUnknownNetwork()
    {
        using var anonymous = new HttpClient { BaseAddress = fixture.Host.BaseAddress };
        using HttpClient http = fixture.Api();

        using HttpResponseMessage noKey = await anonymous.GetAsync("/api/networks/no-such-network/dashboard");
        using HttpResponseMessage unknown = await http.GetAsync("/api/networks/no-such-network/dashboard");
        using HttpResponseMessage invalid = await http.GetAsync("/api/networks/NOT_AN_ID/dashboard");
        using HttpResponseMessage summary = await http.GetAsync("/api/networks/no-such-network/meetings/1/survey-summary");
        using HttpResponseMessage summaryNoKey = await anonymous.GetAsync("/api/networks/no-such-network/meetings/1/survey-summary");

        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.Contains("The network was not found.", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, invalid.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, summary.StatusCode);
        Assert.Equal("application/problem+json", summary.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, summaryNoKey.StatusCode);
    }

    static string Between(string html, string start, string end)
    {
        int from = html.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"'{start}' is not on the page");
        int to = html.IndexOf(end, from, StringComparison.Ordinal);
        return html[from..to];
    }

    [Fact]
    public async Task The_year_end_report_lists_the_steps_that_were_missed()
    {
        var store = fixture.Host.Services.GetRequiredService<NetworkStore>();
        Network network = DomainFixtures.Network() with { Id = $"missed-{Guid.NewGuid():N}"[..20] };
        Assert.True(await store.CreateNetworkAsync(network));
        DateTimeOffset at = DateTimeOffset.UtcNow;
        await store.RaiseAttentionAsync(network.Id, new Attention(AttentionKinds.StepMissed, at, "missed", 2, MailKinds.Reminder(1)));
        await store.RaiseAttentionAsync(network.Id, new Attention(AttentionKinds.StepWaiting, at, "waiting", 3, MailKinds.Agenda));

        await fixture.Host.Services.GetRequiredService<YearReportDocuments>().WriteAsync(network);

        string text = await store.ReadReportDocumentAsync(network.Id, ReportDocument.Text) ?? "";
        Assert.Contains("DET, DER IKKE NÅEDE UD", text, StringComparison.Ordinal);
        Assert.Contains("- Møde 2: påmindelse 1", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Møde 3: dagsordensforslag", text, StringComparison.Ordinal);
    }
}
