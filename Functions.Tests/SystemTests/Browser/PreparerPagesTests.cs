using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using NetworkFunctions.Tests.SystemTests.Cycle;
using NetworkFunctions.Tests.SystemTests.EndToEnd;
using NetworkFunctions.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace NetworkFunctions.Tests.SystemTests.Browser;

/// <summary>
/// The preparers' agenda workspace in headless Chromium, as the facilitator uses it: on a phone with taps, then on a
/// desktop with the keyboard alone; and the members' final agenda is what was approved. Real mail, real links, the
/// in-memory engine. Screenshots go to <c>bin/…/artifacts/screenshots</c>.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class PreparerPagesTests(InMemoryHostFixture fixture, Chromium chromium)
    : IClassFixture<InMemoryHostFixture>, IClassFixture<Chromium>
{
    static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    /// <summary>One meeting 70 s after kickoff: invitation at once, deadline at +20 s, final agenda at +55 s (35 s to prepare).</summary>
    static readonly JsonObject Schedule = new()
    {
        ["invitationLead"] = "PT70S",
        ["contributionDeadlineLead"] = "PT50S",
        ["reminderLeads"] = new JsonArray(),
        ["finalAgendaLead"] = "PT15S",
        ["surveyDelay"] = "PT1S",
        ["surveyOpenFor"] = "PT20S",
        ["surveyReminderAfter"] = "PT10S",
    };

    [GeneratedRegex(@"https?://\S+/api/agenda/[A-Za-z0-9_.\-]+")]
    private static partial Regex WorkspaceLink();

    /// <summary>The index of the block whose legend contains <paramref name="text"/>, read from the page.</summary>
    static Task<string> BlockAsync(IPage page, string text) =>
        page.EvaluateAsync<string>(
            "t => [...document.querySelectorAll('fieldset[id^=block]')].find(f => f.querySelector('legend').textContent.includes(t)).id.slice(5)", text);

    [Fact]
    public async Task The_facilitator_retitles_on_a_phone_and_reorders_and_approves_with_the_keyboard_on_a_desktop()
    {
        (_, Mailbox mailbox, _, string tag) = await PreparerYear.KickOffAsync(fixture, "browser-workspace", Schedule, 70, 20);
        IReadOnlyList<ReceivedMail> invitations = await mailbox.WaitForAsync(
            m => m.Recipient.Contains($".{tag}@", StringComparison.Ordinal) && m.Subject.StartsWith("Invitation", StringComparison.Ordinal), 5, Wait, "invitations");
        using var forms = new HttpClient();
        foreach ((string member, string type, string title) in new[] { ("anne", "theme", "Frivillige i ældreplejen"), ("bo", "case", "Borgermøde om <skoleveje>") })
        {
            using HttpResponseMessage answered = await forms.PostAsync(invitations.Single(m => m.Recipient == CompressedYear.Email(member, tag)).FormLink,
                new FormUrlEncodedContent([new("attendance", "yes"), new("type", type), new("title", title), new("description", "")]));
            Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        }

        ReceivedMail draft = (await mailbox.WaitForAsync(PreparerYear.To(CompressedYear.Email("facilitator", tag), "Dagsorden til møde 1"), 1, Wait, "the facilitator's draft agenda")).Single();
        string link = WorkspaceLink().Match(draft.Text).Value;

        // On the phone: the expert input gets a title, by taps; the page fits the width.
        await using IBrowserContext phone = await chromium.PhoneAsync();
        IPage onPhone = await phone.NewPageAsync();
        Assert.Equal(200, (await onPhone.GotoAsync(link))!.Status);
        await Expect(onPhone.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Dagsorden til møde 1: forbered og godkend");
        await Expect(onPhone.Locator("body")).ToContainTextAsync("Borgermøde om <skoleveje>");
        await Chromium.ScreenshotAsync(onPhone, "workspace-1-phone");
        Assert.True(await onPhone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the workspace fits the phone's width");
        string expert = await BlockAsync(onPhone, "Fagligt input");
        await onPhone.Locator($"#title{expert}").TapAsync();
        await onPhone.Locator($"#title{expert}").FillAsync("Samskabelse i praksis");
        await onPhone.Locator("#save").TapAsync();
        await Expect(onPhone.GetByRole(AriaRole.Status)).ToContainTextAsync("Gemt som version 1.");
        await Chromium.ScreenshotAsync(onPhone, "workspace-2-phone-saved");

        // At the desk, with the keyboard alone: the case moves up to second place, then Tab to "Gem og godkend" and Enter.
        await using IBrowserContext desktop = await chromium.DesktopAsync();
        IPage onDesk = await desktop.NewPageAsync();
        Assert.Equal(200, (await onDesk.GotoAsync(link))!.Status);
        string caseBlock = await BlockAsync(onDesk, "Sparring på case");
        await Chromium.TabToAsync(onDesk, $"position{caseBlock}", most: 80);
        await onDesk.Keyboard.PressAsync("Control+A");
        await onDesk.Keyboard.TypeAsync("2");
        await Chromium.TabToAsync(onDesk, "approve", most: 120);
        await onDesk.Keyboard.PressAsync("Enter");
        await Expect(onDesk.Locator(".state")).ToContainTextAsync("Godkendt af facilitator");
        await Expect(onDesk.Locator("body")).ToContainTextAsync("facilitator – rækkefølge");
        await Chromium.ScreenshotAsync(onDesk, "workspace-3-desktop-approved");

        // The members' final agenda is the approved one: retitled, the case second.
        ReceivedMail final = (await mailbox.WaitForAsync(PreparerYear.To(CompressedYear.Email("anne", tag), "Dagsorden: "), 1, Wait, "Anne's final agenda")).Single();
        Assert.Contains("Samskabelse i praksis", final.Text, StringComparison.Ordinal);
        Assert.True(final.Text.IndexOf("Borgermøde om <skoleveje>", StringComparison.Ordinal) < final.Text.IndexOf("Samskabelse i praksis", StringComparison.Ordinal), "the case comes before the expert input");
        Assert.DoesNotContain(await mailbox.AllAsync(), m => m.Recipient.Contains($".{tag}@", StringComparison.Ordinal) && m.Subject.Contains("uden godkendelse", StringComparison.Ordinal));
    }
}
