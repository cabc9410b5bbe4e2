using System.Globalization;
using Microsoft.Playwright;
using MiniExcelLibs;
using NetworkFunctions.Tests.SystemTests.EndToEnd;
using NetworkFunctions.Tests.Support;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace NetworkFunctions.Tests.SystemTests.Browser;

/// <summary>
/// The office's console in headless Chromium on a desktop, as the internal consultant uses it: the local development
/// sign-in, a new network from the form and an Excel roster (first with three bad rows, then fixed), the year's
/// preview, the kickoff, then moving meeting 1 and adding a member on the network's page; the mailbox shows the updated
/// calendar entries and the new member's invitation. Meeting 1 lies two weeks ahead, so with the default invitation lead
/// of 28 days its invitations go out at kickoff. Every console page visited passes axe at WCAG 2.1 A and AA (as
/// <see cref="AccessibilityTests"/> checks: a serious or critical violation fails). Real host, in-memory engine;
/// screenshots go to <c>bin/…/artifacts/screenshots</c>.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ConsoleBrowserTests(InMemoryHostFixture fixture, Chromium chromium, ITestOutputHelper output)
    : IClassFixture<InMemoryHostFixture>, IClassFixture<Chromium>
{
    static readonly TimeSpan Wait = TimeSpan.FromSeconds(45);

    const string TimeZone = "Europe/Copenhagen";
    const string Teknik = "Center for Teknik og Miljø";
    const string Born = "Center for Børn og Unge";
    const string Sundhed = "Center for Sundhed";
    const string Kultur = "Center for Kultur og Fritid";

    /// <summary>The roster's members (first name, department) in the order of the sheet's rows 2 to 12.</summary>
    static readonly (string Name, string Department)[] People =
    [
        ("Anne", Teknik), ("Bo", Born), ("Carl", Sundhed), ("Dorte", Teknik), ("Erik", Born), ("Freja", Sundhed),
        ("Gitte", Teknik), ("Hans", Born), ("Ida", Sundhed), ("Jens", Teknik), ("Karl", Born),
    ];

    [Fact]
    public async Task A_consultant_starts_a_network_from_a_roster_file_then_moves_a_meeting_and_adds_a_member()
    {
        string tag = Guid.NewGuid().ToString("N")[..10];
        string Email(string who) => CompressedYear.Email(who.ToLowerInvariant(), tag);
        string consultant = Email("konsulent");
        var blocking = new List<string>();
        TimeZoneInfo zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
        DateOnly today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).DateTime);
        DateOnly first = today.AddDays(14), second = today.AddDays(60), moved = today.AddDays(15);

        await using IBrowserContext desktop = await chromium.DesktopAsync();
        IPage page = await desktop.NewPageAsync();

        // 1. Signed out, the console sends her to the sign-in and back.
        await page.GotoAsync(new Uri(fixture.Host.BaseAddress, "/api/console").ToString());
        Assert.Contains("/.auth/login/aad", page.Url, StringComparison.Ordinal);
        await page.Locator("#name").FillAsync("Karen Konsulent");
        await page.Locator("#email").FillAsync(consultant);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(fixture.Host.BaseAddress, "/api/console").ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Jeres læringsnetværk");
        await Expect(page.Locator("main")).ToContainTextAsync("Du har ikke nogen netværk endnu.");
        blocking.AddRange(await AxeAsync(page, "console home"));

        // 2. The form, with a roster holding three bad rows: nothing is created, each problem is named by row and column.
        await page.GetByRole(AriaRole.Link, new() { Name = "Start et nyt netværk" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Start et nyt netværk");
        await page.Locator("#f-name").FillAsync($"Læringsnetværket {tag}");
        await page.Locator("#f-organisation").FillAsync("Slagelse Kommune");
        await page.Locator("#f-director-name").FillAsync("Dorthe Direktør");
        await page.Locator("#f-director-email").FillAsync(Email("direktor"));
        await page.Locator("#f-facilitator-name").FillAsync("Frank Facilitator");
        await page.Locator("#f-facilitator-email").FillAsync(Email("facilitator"));
        await page.Locator("#f-consultant-name").FillAsync("Karen Konsulent");
        await page.Locator("#f-consultant-email").FillAsync(consultant);
        await page.Locator("#f-departments").FillAsync(string.Join("\n", Teknik, Born, Sundhed, Kultur));
        await FillMeetingAsync(page, 1, first, "Rådhuset, mødelokale 1");
        await FillMeetingAsync(page, 2, second, "Byrådssalen");
        await page.Locator("#f-schedule-reminderDays").FillAsync("1");
        await page.Locator("#f-roster").SetInputFilesAsync(new FilePayload
        {
            Name = "deltagere.xlsx",
            MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Buffer = Roster(Email, bad: true),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Se året igennem" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Problemer i deltagerlisten" })).ToBeVisibleAsync();
        ILocator problems = page.Locator("#roster-problems + .scroll tbody tr");
        await Expect(problems).ToHaveCountAsync(3);
        var rows = new List<(string Row, string Column, string Problem)>();
        for (int i = 0; i < 3; i++)
        {
            IReadOnlyList<string> cells = await problems.Nth(i).Locator("td").AllInnerTextsAsync();
            rows.Add((cells[0], cells[1], cells[2]));
        }

        output.WriteLine(string.Join("\n", rows.Select(r => $"row {r.Row}, {r.Column}: {r.Problem}")));
        (string Row, string Column)[] expected = [("4", "E-mail (B)"), ("7", "Afdeling (C)"), ("11", "E-mail (B)")];
        Assert.Equal(expected, rows.Select(r => (r.Row, r.Column)));
        Assert.Contains("row 2", rows.Single(r => r.Row == "11").Problem, StringComparison.Ordinal);
        Assert.Equal($"Læringsnetværket {tag}", await page.Locator("#f-name").InputValueAsync());
        await Chromium.ScreenshotAsync(page, "console-1-new-network-with-errors");
        blocking.AddRange(await AxeAsync(page, "new network form with errors"));
        IPage home = await desktop.NewPageAsync();
        await home.GotoAsync(new Uri(fixture.Host.BaseAddress, "/api/console").ToString());
        await Expect(home.Locator("main")).ToContainTextAsync("Du har ikke nogen netværk endnu.");
        await home.CloseAsync();

        // 3. The fixed file: the preview shows each meeting's steps and the department without a member; then the kickoff.
        await page.Locator("#f-roster").SetInputFilesAsync(new FilePayload
        {
            Name = "deltagere.xlsx",
            MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Buffer = Roster(Email, bad: false),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Se året igennem" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Året for Læringsnetværket {tag}");
        await Expect(page.Locator("main")).ToContainTextAsync("11 medlemmer fra 3 afdelinger.");
        await Expect(page.Locator("main")).ToContainTextAsync($"Afdelinger uden medlemmer: {Kultur}.");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveCountAsync(2);
        foreach (int n in new[] { 1, 2 })
        {
            ILocator steps = page.Locator($"h2:has-text('Møde {n}:') + .scroll tbody");
            foreach (string step in new[] { "Invitation med kalenderinvitation", "Påmindelse", "Frist for bidrag", "Endelig dagsorden til medlemmerne", "Mødet", "Evaluering sendes", "Evalueringen lukker" })
            {
                await Expect(steps).ToContainTextAsync(step);
            }
        }

        blocking.AddRange(await AxeAsync(page, "preview"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Start netværket" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Netværket er startet.");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Læringsnetværket {tag}");
        string networkId = new Uri(page.Url).AbsolutePath.Split('/')[^1];
        output.WriteLine($"started {networkId}");
        blocking.AddRange(await AxeAsync(page, "network page"));

        // Meeting 1's invitations go out at kickoff (its invitation step is already due).
        var mailbox = new Mailbox(fixture.Api());
        var members = People.Select(p => Email(p.Name)).ToHashSet(StringComparer.Ordinal);
        await mailbox.WaitForAsync(m => members.Contains(m.Recipient) && m.Subject.StartsWith("Invitation:", StringComparison.Ordinal), members.Count, Wait, "meeting 1's invitations");

        // 4. Move meeting 1 a day later and an hour later; then add a member while the invitation is open.
        await page.GetByText("Flyt møde 1", new() { Exact = true }).ClickAsync();
        await page.Locator("#meeting1-date").FillAsync(moved.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.Locator("#meeting1-start").FillAsync("10:00");
        await page.Locator("#meeting1-end").FillAsync("13:00");
        await page.Locator("#meeting1-move").GetByRole(AriaRole.Button, new() { Name = "Flyt mødet" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Mødet er flyttet");
        Assert.Equal(moved.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), await page.Locator("#meeting1-date").InputValueAsync());

        string newcomer = Email("Lise");
        await page.Locator("#member-add-name").FillAsync("Lise Larsen");
        await page.Locator("#member-add-email").FillAsync(newcomer);
        await page.Locator("#member-add-department").SelectOptionAsync(Kultur);
        await page.GetByRole(AriaRole.Button, new() { Name = "Tilføj medlemmet" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Medlemmet er tilføjet");
        await Chromium.ScreenshotAsync(page, "console-2-network-page");
        blocking.AddRange(await AxeAsync(page, "network page after changes"));

        // 5. The mailbox: every member's updated calendar entry (same UID, SEQUENCE 1, the new time), the newcomer's invitation.
        string movedDay = moved.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        IReadOnlyList<ReceivedMail> updates = await mailbox.WaitForAsync(
            m => members.Contains(m.Recipient) && m.Subject.StartsWith("Ændret:", StringComparison.Ordinal), members.Count, Wait, "the updated calendar entries");
        Assert.Equal(members.Count, updates.Select(u => u.Recipient).Distinct().Count());
        Assert.All(updates, update =>
        {
            string ics = Assert.Single(update.Attachments).Unfolded;
            Assert.Contains("SEQUENCE:1", ics, StringComparison.Ordinal);
            Assert.Contains("METHOD:REQUEST", ics, StringComparison.Ordinal);
            Assert.Contains($"UID:{networkId}-meeting-1@networkfunctions", ics, StringComparison.Ordinal);
            Assert.Contains(movedDay, ics, StringComparison.Ordinal);
        });
        ReceivedMail invitation = (await mailbox.WaitForAsync(
            m => m.Recipient == newcomer && m.Subject.StartsWith("Invitation:", StringComparison.Ordinal), 1, Wait, "the new member's invitation")).Single();
        Assert.Contains("møde 1", invitation.Subject, StringComparison.Ordinal);
        Assert.Contains(movedDay, Assert.Single(invitation.Attachments).Unfolded, StringComparison.Ordinal);

        // 6. No serious or critical WCAG 2.1 AA violation on any console page visited.
        Assert.True(blocking.Count == 0, "Serious or critical WCAG 2.1 AA violations:\n" + string.Join("\n", blocking));
    }

    static async Task FillMeetingAsync(IPage page, int n, DateOnly date, string location)
    {
        await page.Locator($"#f-meeting{n}-date").FillAsync(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.Locator($"#f-meeting{n}-start").FillAsync("09:00");
        await page.Locator($"#f-meeting{n}-end").FillAsync("12:00");
        await page.Locator($"#f-meeting{n}-location").FillAsync(location);
    }

    /// <summary>
    /// The roster as the office keeps it in Excel, with Danish headers in row 1 and <see cref="People"/> in rows 2–12.
    /// <paramref name="bad"/>: row 4 has an invalid address, row 7 a department not on the list, row 11 row 2's address again.
    /// </summary>
    static byte[] Roster(Func<string, string> email, bool bad)
    {
        List<Dictionary<string, object>> sheet = [.. People.Select((p, i) => new Dictionary<string, object>
        {
            ["Navn"] = $"{p.Name} Hansen",
            ["E-mail"] = (bad, i + 2) switch
            {
                (true, 4) => $"{p.Name.ToLowerInvariant()}-at-example.org",
                (true, 11) => email("Anne").ToUpperInvariant(),
                _ => email(p.Name),
            },
            ["Afdeling"] = bad && i + 2 == 7 ? "Center for Kunst" : p.Department,
        })];
        using var stream = new MemoryStream();
        stream.SaveAs(sheet, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    Task<IReadOnlyList<string>> AxeAsync(IPage page, string name) => AxeCheck.BlockingAsync(page, name, output);
}
