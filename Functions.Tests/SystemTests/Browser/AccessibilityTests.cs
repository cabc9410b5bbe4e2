using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using NetworkFunctions.Tests.SystemTests.EndToEnd;
using NetworkFunctions.Tests.Support;
using Xunit.Abstractions;

namespace NetworkFunctions.Tests.SystemTests.Browser;

/// <summary>
/// Every kind of page a person sees, checked with axe-core in headless Chromium against WCAG 2.1 A and AA (the
/// Danish web-accessibility law's level): the invitation and survey forms, a form with errors, the receipts, the
/// closed and bad-link pages, the preparers' agenda workspace (and with errors) and minutes form, the dashboard, the agenda, the survey summary, the year-end report, two mails (the
/// invitation and the report with its charts) and the local mailbox — all from one compressed year on the local host. Every violation is written to the output; a serious or
/// critical one fails the test. Each page opened by its address must also carry the security headers (a CSP that
/// runs no script, no-referrer, nosniff).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AccessibilityTests(InMemoryHostFixture fixture, Chromium chromium, ITestOutputHelper output)
    : IClassFixture<InMemoryHostFixture>, IClassFixture<Chromium>
{
    static readonly TimeSpan Wait = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Every_page_passes_axe_at_WCAG_2_1_AA()
    {
        string tag = Guid.NewGuid().ToString("N")[..10];
        string id = $"axe-{tag}";
        HttpClient http = fixture.Api();
        var schedule = new JsonObject
        {
            ["invitationLead"] = "PT50S", ["contributionDeadlineLead"] = "PT20S", ["reminderLeads"] = new JsonArray("PT4S"),
            ["finalAgendaLead"] = "PT8S", ["surveyDelay"] = "PT1S", ["surveyOpenFor"] = "PT30S", ["surveyReminderAfter"] = "PT20S",
        };
        Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsJsonAsync("/api/networks", CompressedYear.Document(id, DateTimeOffset.UtcNow, [50], schedule, tag, length: 4))).StatusCode);
        var mailbox = new Mailbox(http);
        using var member = new HttpClient();
        await using IBrowserContext phone = await chromium.PhoneAsync();
        var blocking = new List<string>();
        async Task CheckAsync(string name, Func<IPage, Task> open, bool frames = true) => blocking.AddRange(await AxeAsync(phone, name, open, frames));

        // The preparers' workspace is editable only between the agenda and the final agenda (12 s here): fetched as soon
        // as the facilitator's link arrives, checked with the rest below.
        Task<(string Page, string WithErrors)> workspace = FetchWorkspaceAsync(mailbox, CompressedYear.Email("facilitator", tag));
        ReceivedMail invitation = (await mailbox.WaitForAsync(Mail(tag, "anne", "Invitation"), 1, Wait, "Anne's invitation")).Single();
        string link = invitation.FormLink;
        await CheckAsync("invitation mail", Html(invitation.Html));
        await CheckAsync("invitation form", Url(link));
        await CheckAsync("invitation form with errors", Html(await PostAsync(member, link, [new("attendance", "perhaps"), new("type", "theme"), new("title", ""), new("description", "Uden titel")], HttpStatusCode.BadRequest)));
        await CheckAsync("invitation receipt", Html(await PostAsync(member, link, [new("attendance", "yes"), new("type", "case"), new("title", "Borgermøde om <trafik> & skoleveje"), new("description", "Hvad gør vi nu?")], HttpStatusCode.OK)));
        await CheckAsync("bad link", Url(FormLinks.Tampered(link), HttpStatusCode.Forbidden));
        await CheckAsync("no such link", Url(FormLinks.NotAToken(link), HttpStatusCode.NotFound));

        (string workspacePage, string workspaceWithErrors) = await workspace;
        await CheckAsync("agenda workspace", Html(workspacePage));
        await CheckAsync("agenda workspace with errors", Html(workspaceWithErrors));

        ReceivedMail survey = (await mailbox.WaitForAsync(Mail(tag, "anne", "Hvordan var møde 1"), 1, Wait, "Anne's survey")).Single();
        await CheckAsync("survey form", Url(survey.FormLink));
        await CheckAsync("survey form with errors", Html(await PostAsync(member, survey.FormLink, [new("usefulness", "9")], HttpStatusCode.BadRequest)));
        await CheckAsync("survey receipt", Html(await PostAsync(member, survey.FormLink, [new("usefulness", "4"), new("relations", "5"), new("courage", "3"), new("worked", "Casen & <b>dialogen</b>"), new("improve", "Mere tid"), new("nextThemes", "")], HttpStatusCode.OK)));
        await CheckAsync("invitation form closed", Url(link, HttpStatusCode.Gone));
        ReceivedMail minutesRequest = (await mailbox.WaitForAsync(m => m.Recipient == CompressedYear.Email("facilitator", tag) && m.Subject.StartsWith("Skriv referatet", StringComparison.Ordinal), 1, Wait, "the minutes link")).Single();
        await CheckAsync("minutes form", Url(System.Text.RegularExpressions.Regex.Match(minutesRequest.Text, @"https?://\S+/api/minutes/[A-Za-z0-9_.\-]+").Value));

        ReceivedMail report = (await mailbox.WaitForAsync(m => m.Recipient.Contains($".{tag}@", StringComparison.Ordinal) && m.Subject.StartsWith("Årsrapport", StringComparison.Ordinal), 1, Wait, "the year-end report")).First();
        await CheckAsync("year-end report mail", Html(report.Html));
        string key = "?code=" + Uri.EscapeDataString(fixture.FunctionKey);
        string api = new Uri(fixture.Host.BaseAddress, "/api/networks/" + id).ToString();
        await CheckAsync("dashboard", Url(api + "/dashboard" + key));
        await CheckAsync("agenda", Url(api + "/meetings/1/agenda" + key));
        await CheckAsync("survey summary", Url(api + "/meetings/1/survey-summary" + key));
        await CheckAsync("year-end report", Url(api + "/report" + key));
        await PrintsOnA4Async(api + "/report" + key);
        // The mailbox shows each mail in a sandboxed frame, where no script (axe's included) runs; the mails are checked above.
        await CheckAsync("mailbox", Url(new Uri(fixture.Host.BaseAddress, "/dev/mailbox").ToString()), frames: false);

        Assert.True(blocking.Count == 0, "Serious or critical WCAG 2.1 AA violations:\n" + string.Join("\n", blocking));
    }

    /// <summary>
    /// The year-end report printed from the browser, as it is handed on to the management forum: A4 pages (the page's
    /// own <c>@page</c> size, not the printer's default Letter), more than one, the charts kept. Saved next to the screenshots.
    /// </summary>
    async Task PrintsOnA4Async(string url)
    {
        await using IBrowserContext desk = await chromium.DesktopAsync();
        IPage page = await desk.NewPageAsync();
        Assert.Equal(200, (await page.GotoAsync(url))!.Status);
        byte[] pdf = await page.PdfAsync(new PagePdfOptions { PreferCSSPageSize = true, PrintBackground = true });
        await File.WriteAllBytesAsync(Path.Combine(Chromium.Screenshots, "year-end-report.pdf"), pdf);
        string raw = System.Text.Encoding.Latin1.GetString(pdf);
        MatchCollection boxes = Regex.Matches(raw, @"/MediaBox\s*\[\s*0\s+0\s+(?<w>[0-9.]+)\s+(?<h>[0-9.]+)\s*\]");
        Assert.True(boxes.Count >= 2, $"the report prints on more than one page ({boxes.Count})");
        Assert.All(boxes, b => Assert.Equal((595, 842), ((int)Math.Round(double.Parse(b.Groups["w"].Value, CultureInfo.InvariantCulture)), (int)Math.Round(double.Parse(b.Groups["h"].Value, CultureInfo.InvariantCulture)))));
        Assert.Contains("/Subtype /Image", raw, StringComparison.Ordinal);
    }

    /// <summary>Opens one page and runs axe on it; every violation goes to the output, the serious and critical ones are returned.</summary>
    async Task<IReadOnlyList<string>> AxeAsync(IBrowserContext phone, string name, Func<IPage, Task> open, bool frames)
    {
        IPage page = await phone.NewPageAsync();
        await open(page).WaitAsync(TimeSpan.FromSeconds(30));
        IReadOnlyList<string> blocking = await AxeCheck.BlockingAsync(page, name, output, frames);
        await page.CloseAsync();
        return blocking;
    }

    /// <summary>The facilitator's workspace as shown, and as shown back after a save with a bad time box and a drop without a reason.</summary>
    static async Task<(string Page, string WithErrors)> FetchWorkspaceAsync(Mailbox mailbox, string facilitator)
    {
        ReceivedMail agenda = (await mailbox.WaitForAsync(m => m.Recipient == facilitator && m.Subject.StartsWith("Dagsorden til møde 1", StringComparison.Ordinal), 1, Wait, "the facilitator's draft agenda")).Single();
        string link = System.Text.RegularExpressions.Regex.Match(agenda.Text, @"https?://\S+/api/agenda/[A-Za-z0-9_.\-]+").Value;
        using var preparer = new HttpClient();
        string page = await preparer.GetStringAsync(link);
        string withErrors = await PostAsync(preparer, link, [new("revision", "0"), new("minutes0", "lots"), new("place0", "drop"), new("reason0", "")], HttpStatusCode.BadRequest);
        return (page, withErrors);
    }

    static Func<ReceivedMail, bool> Mail(string tag, string member, string subjectStart) =>
        m => m.Recipient == CompressedYear.Email(member, tag) && m.Subject.StartsWith(subjectStart, StringComparison.Ordinal);

    static async Task<string> PostAsync(HttpClient client, string link, KeyValuePair<string, string>[] fields, HttpStatusCode status)
    {
        using HttpResponseMessage response = await client.PostAsync(link, new FormUrlEncodedContent(fields));
        Assert.Equal(status, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Opens the page at its address, expecting <paramref name="status"/> and the security headers every HTML response carries.</summary>
    static Func<IPage, Task> Url(string url, HttpStatusCode status = HttpStatusCode.OK) => async page =>
    {
        IResponse? response = await page.GotoAsync(url);
        Assert.Equal((int)status, response?.Status);
        Dictionary<string, string> headers = await response!.AllHeadersAsync();
        // No script runs on any page (the mailbox's policy names what its sandboxed frames need, scripts not among them).
        string policy = headers.GetValueOrDefault("content-security-policy") ?? "";
        Assert.True(policy.Contains("default-src 'none'", StringComparison.Ordinal) || policy.Contains("script-src 'none'", StringComparison.Ordinal), $"{url}: CSP '{policy}'");
        Assert.Equal("no-referrer", headers.GetValueOrDefault("referrer-policy"));
        Assert.Equal("nosniff", headers.GetValueOrDefault("x-content-type-options"));
    };

    /// <summary>Shows a page the server answered to a POST (a receipt, a form with errors) as the browser would.</summary>
    static Func<IPage, Task> Html(string html) => page => page.SetContentAsync(html);
}
