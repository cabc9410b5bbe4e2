using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using NetworkFunctions.Tests.SystemTests.EndToEnd;
using NetworkFunctions.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace NetworkFunctions.Tests.SystemTests.Browser;

/// <summary>
/// The pages a member opens from the mail, in headless Chromium on a phone-sized screen: the invitation form, the
/// survey form and their receipts, and the dashboard. Real mail from the local host's mailbox, real form links, the
/// in-memory engine. Screenshots go to <c>bin/…/artifacts/screenshots</c>.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class MemberPagesTests(InMemoryHostFixture fixture, Chromium chromium)
    : IClassFixture<InMemoryHostFixture>, IClassFixture<Chromium>
{
    static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    /// <summary>One meeting <paramref name="start"/> s from now, 4 s long: invitation at once, deadline 10 s before the start, survey 1 s after the end, open for 90 s.</summary>
    static JsonObject Schedule(int start) => new()
    {
        ["invitationLead"] = $"PT{start}S",
        ["contributionDeadlineLead"] = "PT10S",
        ["reminderLeads"] = new JsonArray("PT3S"),
        ["finalAgendaLead"] = "PT5S",
        ["surveyDelay"] = "PT1S",
        ["surveyOpenFor"] = "PT90S",
        ["surveyReminderAfter"] = "PT80S",
    };

    async Task<(HttpClient Http, Mailbox Mailbox, string Id, string Tag)> KickOffAsync(int[] starts)
    {
        string tag = Guid.NewGuid().ToString("N")[..10];
        string id = $"browser-{tag}";
        HttpClient http = fixture.Api();
        JsonObject document = CompressedYear.Document(id, DateTimeOffset.UtcNow, starts, Schedule(starts[0]), tag, length: 4);
        using HttpResponseMessage response = await http.PostAsJsonAsync("/api/networks", document);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (http, new Mailbox(http), id, tag);
    }

    static Func<ReceivedMail, bool> To(string member, string tag, string subjectStart) =>
        m => m.Recipient == CompressedYear.Email(member, tag) && m.Subject.StartsWith(subjectStart, StringComparison.Ordinal);

    /// <summary>Whether the page fits the phone's width (nothing to scroll sideways).</summary>
    static Task<bool> FitsTheWidthAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth");

    async Task<IPage> OpenOnPhoneAsync(IBrowserContext phone, string link)
    {
        IPage page = await phone.NewPageAsync();
        IResponse? response = await page.GotoAsync(link);
        Assert.NotNull(response);
        Assert.Equal(200, response.Status);
        return page;
    }

    [Fact]
    public async Task A_member_answers_the_invitation_on_a_phone_and_sees_what_was_received()
    {
        (HttpClient http, Mailbox mailbox, string id, string tag) = await KickOffAsync([45]);
        ReceivedMail invitation = (await mailbox.WaitForAsync(To("anne", tag, "Invitation"), 1, Wait, "Anne's invitation")).Single();
        await using IBrowserContext phone = await chromium.PhoneAsync();
        IPage page = await OpenOnPhoneAsync(phone, invitation.FormLink);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Møde 1: svar og bidrag");
        await Expect(page.Locator("dl")).ToContainTextAsync("Rådhuset, mødelokale 1");
        await Chromium.ScreenshotAsync(page, "invitation-1-form");
        Assert.True(await FitsTheWidthAsync(page), "the invitation form fits the phone's width");

        await page.GetByLabel("Ja, jeg kommer").TapAsync();
        await page.Locator("#type1").SelectOptionAsync("case");
        await page.Locator("#title1").FillAsync("Borgermøde om trafiksikkerhed ved skolen");
        await page.Locator("#description1").FillAsync("Forældrene kom med <b>gode</b> idéer & forslag – hvad gør vi nu?");
        await Expect(page.Locator("#title2")).ToBeHiddenAsync();
        await page.GetByText("Tilføj endnu et bidrag").First.TapAsync();
        await page.Locator("#type2").SelectOptionAsync("challenge");
        await page.Locator("#title2").FillAsync("Tid til samskabelse i en presset hverdag");
        await Chromium.ScreenshotAsync(page, "invitation-2-filled");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).TapAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Tak for dit svar");
        ILocator received = page.Locator("dl");
        string receipt = await received.InnerTextAsync();
        Assert.StartsWith("Tid\n", receipt);
        Assert.Contains("Sted\nRådhuset, mødelokale 1\nKommer du?\nKommer\n", receipt);
        await Expect(received).ToContainTextAsync("Case til sparring: Borgermøde om trafiksikkerhed ved skolen");
        await Expect(received).ToContainTextAsync("Forældrene kom med <b>gode</b> idéer & forslag – hvad gør vi nu?");
        await Expect(received).ToContainTextAsync("Udfordring: Tid til samskabelse i en presset hverdag");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Ret dit svar" })).ToBeVisibleAsync();
        await Chromium.ScreenshotAsync(page, "invitation-3-received");
        Assert.True(await FitsTheWidthAsync(page), "the receipt fits the phone's width");

        JsonElement meeting = (await http.GetFromJsonAsync<JsonElement>($"/api/networks/{id}")).GetProperty("meetings")[0];
        Assert.Equal(1, meeting.GetProperty("answered").GetInt32());
        Assert.Equal(2, meeting.GetProperty("contributions").GetInt32());
    }

    [Fact]
    public async Task A_member_completes_the_invitation_with_the_keyboard_alone_and_is_led_from_the_error_summary_to_the_field()
    {
        (HttpClient http, Mailbox mailbox, string id, string tag) = await KickOffAsync([45]);
        ReceivedMail invitation = (await mailbox.WaitForAsync(To("cecilie", tag, "Invitation"), 1, Wait, "Cecilie's invitation")).Single();
        await using IBrowserContext phone = await chromium.PhoneAsync();
        IPage page = await OpenOnPhoneAsync(phone, invitation.FormLink);

        // In page order: the attendance choice, then the first contribution's type, title and description.
        Assert.Equal(["attendance-yes", "type1", "title1"], await Chromium.TabToAsync(page, "title1"));
        await page.Keyboard.TypeAsync("Frivillige & foreninger");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("description1", await Chromium.FocusedAsync(page));
        await page.Keyboard.TypeAsync("Hvordan inddrager vi dem?");
        // The second contribution is folded away: Enter on its summary opens it.
        Assert.Equal("summary", (await Chromium.TabToAsync(page, "summary"))[^1]);
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("type2", await Chromium.FocusedAsync(page));
        await page.Keyboard.PressAsync("ArrowDown");
        await Chromium.TabToAsync(page, "title2");
        await page.Keyboard.TypeAsync("Tid til samskabelse");
        await Chromium.TabToAsync(page, "button");
        await page.Keyboard.PressAsync("Enter");

        // Attendance was left out: the page says so at the top, and the first Tab reaches the link to the field.
        await Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^Fejl: Møde 1: svar og bidrag"));
        ILocator summary = page.Locator("#errors");
        await Expect(summary.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Ret følgende og send igen:");
        await Expect(summary.GetByRole(AriaRole.Link)).ToHaveTextAsync(["Kommer du? Vælg ja, måske eller nej."]);
        await Expect(page.Locator("#title1")).ToHaveValueAsync("Frivillige & foreninger");
        await Expect(page.Locator("#title2")).ToHaveValueAsync("Tid til samskabelse");
        await Chromium.ScreenshotAsync(page, "invitation-4-error-summary");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("a", await Chromium.FocusedAsync(page));
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("attendance-yes", await Chromium.FocusedAsync(page));
        await page.Keyboard.PressAsync("Space");
        await Chromium.TabToAsync(page, "button");
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Tak for dit svar");
        string receipt = await page.Locator("dl").InnerTextAsync();
        Assert.Contains("Kommer du?\nKommer\n", receipt);
        Assert.Contains("Tema: Frivillige & foreninger\nHvordan inddrager vi dem?", receipt);
        Assert.Contains("Case til sparring: Tid til samskabelse", receipt);
        JsonElement meeting = (await http.GetFromJsonAsync<JsonElement>($"/api/networks/{id}")).GetProperty("meetings")[0];
        Assert.Equal(2, meeting.GetProperty("contributions").GetInt32());
    }

    [Fact]
    public async Task A_member_rates_the_meeting_with_taps_and_the_keyboard_on_a_phone()
    {
        (_, Mailbox mailbox, _, string tag) = await KickOffAsync([12]);
        ReceivedMail survey = (await mailbox.WaitForAsync(To("bo", tag, "Hvordan var møde 1"), 1, Wait, "Bo's survey")).Single();
        await using IBrowserContext phone = await chromium.PhoneAsync();
        IPage page = await OpenOnPhoneAsync(phone, survey.FormLink);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Evaluering af møde 1");
        await Chromium.ScreenshotAsync(page, "survey-1-form");
        Assert.True(await FitsTheWidthAsync(page), "the survey form fits the phone's width");

        // Usefulness by a tap; relations and courage by the keyboard: Tab into the group, Space, then the arrow keys.
        await page.Locator("input[name=usefulness][value='5']").TapAsync();
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Space");
        for (int i = 0; i < 3; i++)
        {
            await page.Keyboard.PressAsync("ArrowRight");
        }

        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Space");
        for (int i = 0; i < 2; i++)
        {
            await page.Keyboard.PressAsync("ArrowRight");
        }

        await Expect(page.Locator("input[name=usefulness][value='5']")).ToBeCheckedAsync();
        await Expect(page.Locator("input[name=relations][value='4']")).ToBeCheckedAsync();
        await Expect(page.Locator("input[name=courage][value='3']")).ToBeCheckedAsync();
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("Casesparringen på tværs af centrene.");
        await page.Locator("#nextThemes").FillAsync("Frivillige i ældreplejen.");
        await Chromium.ScreenshotAsync(page, "survey-2-filled");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Tak for dit svar");
        string receipt = await page.Locator("dl").InnerTextAsync();
        Assert.Contains("Hvor brugbart var mødet for dit arbejde?\n5 af 5", receipt);
        Assert.Contains("Har mødet givet dig nye relationer på tværs af centrene?\n4", receipt);
        Assert.Contains("Har mødet givet dig mod til at prøve nyt?\n3", receipt);
        Assert.Contains("Hvad virkede godt?\nCasesparringen på tværs af centrene.", receipt);
        Assert.Contains("Hvilke temaer vil du tage op næste gang?\nFrivillige i ældreplejen.", receipt);
        await Chromium.ScreenshotAsync(page, "survey-3-received");
        Assert.True(await FitsTheWidthAsync(page), "the receipt fits the phone's width");
    }

    [Fact]
    public async Task The_dashboard_shows_the_year_at_a_glance_on_a_phone()
    {
        (HttpClient http, Mailbox mailbox, string id, string tag) = await KickOffAsync([14, 60]);
        IReadOnlyList<ReceivedMail> invitations = await mailbox.WaitForAsync(
            m => m.Recipient.Contains($".{tag}@", StringComparison.Ordinal) && m.Subject.StartsWith("Invitation", StringComparison.Ordinal), 6, Wait, "invitations");
        using var forms = new HttpClient();
        foreach ((string member, string attendance, string title) in new[] { ("anne", "yes", "Samarbejde med frivillige foreninger"), ("bo", "yes", "Frivillige foreninger som samarbejdspartnere"), ("cecilie", "no", "") })
        {
            ReceivedMail mail = invitations.Single(m => m.Recipient == CompressedYear.Email(member, tag));
            using HttpResponseMessage answered = await forms.PostAsync(mail.FormLink, new FormUrlEncodedContent(
                [new("attendance", attendance), new("type", "theme"), new("title", title), new("description", "")]));
            Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        }

        await mailbox.WaitForAsync(m => m.Recipient.Contains($".{tag}@", StringComparison.Ordinal) && m.Subject.StartsWith("Hvordan var møde 1", StringComparison.Ordinal), 4, Wait, "surveys of meeting 1");
        string dashboard = $"/api/networks/{id}/dashboard?code={Uri.EscapeDataString(fixture.FunctionKey)}";
        await using IBrowserContext phone = await chromium.PhoneAsync();
        IPage page = await OpenOnPhoneAsync(phone, new Uri(fixture.Host.BaseAddress, dashboard).ToString());
        await Expect(page.Locator("body")).ToContainTextAsync("Netværk for samskabelse");
        await Chromium.ScreenshotAsync(page, "dashboard-1");
        Assert.True(await FitsTheWidthAsync(page), "the dashboard fits the phone's width");
    }
}
