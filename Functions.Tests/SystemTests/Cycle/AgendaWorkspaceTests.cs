using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using NetworkFunctions.Tests.SystemTests.EndToEnd;
using NetworkFunctions.Tests.Support;

namespace NetworkFunctions.Tests.SystemTests.Cycle;

/// <summary>
/// The preparers' agenda workspace on the local host (in-memory engine, Azurite, the mail sink): the draft-agenda mail
/// carries each preparer's link; the facilitator retitles, moves and notes; the consultant's stale save is refused with
/// the current version; the consultant approves; the members' final agenda is the approved version. A network nobody
/// approves sends the draft and tells both preparers.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class AgendaWorkspaceTests(InMemoryHostFixture fixture) : IClassFixture<InMemoryHostFixture>
{
    static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    /// <summary>One meeting 70 s after kickoff: invitation at once, deadline at +20 s, final agenda at +45 s (25 s to prepare), survey after the end.</summary>
    static readonly JsonObject Schedule = new()
    {
        ["invitationLead"] = "PT70S",
        ["contributionDeadlineLead"] = "PT50S",
        ["reminderLeads"] = new JsonArray(),
        ["finalAgendaLead"] = "PT25S",
        ["surveyDelay"] = "PT1S",
        ["surveyOpenFor"] = "PT20S",
        ["surveyReminderAfter"] = "PT10S",
    };

    [GeneratedRegex(@"https?://\S+/api/agenda/[A-Za-z0-9_.\-]+")]
    private static partial Regex WorkspaceLink();

    /// <summary>Every field of the page's form with the value a browser would post (selects: the selected option).</summary>
    static Dictionary<string, string> Fields(string html)
    {
        IHtmlDocument page = new HtmlParser().ParseDocument(html);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (IElement element in page.QuerySelectorAll("form input[name], form textarea[name], form select[name]"))
        {
            fields[element.GetAttribute("name")!] = element switch
            {
                IHtmlSelectElement select => select.Value ?? "",
                IHtmlTextAreaElement area => area.Value,
                IHtmlInputElement input => input.Value,
                _ => "",
            };
        }

        return fields;
    }

    /// <summary>The index of the block whose legend contains <paramref name="text"/>.</summary>
    static string BlockIndex(string html, string text) =>
        new HtmlParser().ParseDocument(html).QuerySelectorAll("fieldset[id^=block]")
            .Single(f => f.QuerySelector("legend")!.TextContent.Contains(text, StringComparison.Ordinal)).Id!["block".Length..];

    static async Task AnswerAsync(HttpClient client, ReceivedMail invitation, string type, string title)
    {
        using HttpResponseMessage answered = await client.PostAsync(invitation.FormLink, new FormUrlEncodedContent(
            [new("attendance", "yes"), new("type", type), new("title", title), new("description", "")]));
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
    }

    static async Task<string?> AgendaStateAsync(HttpClient http, string id) =>
        (await http.GetFromJsonAsync<JsonObject>($"/api/networks/{id}"))!["meetings"]![0]!["agenda"]?.GetValue<string>();

    [Fact]
    public async Task The_preparers_shape_and_approve_the_agenda_and_the_members_get_the_approved_version()
    {
        (HttpClient http, Mailbox mailbox, string id, string tag) = await PreparerYear.KickOffAsync(fixture, "workspace", Schedule, 70, 20);
        (_, Mailbox unapprovedMailbox, _, string quietTag) = await PreparerYear.KickOffAsync(fixture, "unapproved", Schedule, 70, 20);
        string facilitator = CompressedYear.Email("facilitator", tag);
        string consultant = CompressedYear.Email("konsulent", tag);
        using var browser = new HttpClient();
        IReadOnlyList<ReceivedMail> invitations = await mailbox.WaitForAsync(m => m.Recipient.Contains($".{tag}@", StringComparison.Ordinal) && m.Subject.StartsWith("Invitation", StringComparison.Ordinal), 5, Wait, "invitations");
        await AnswerAsync(browser, invitations.Single(m => m.Recipient == CompressedYear.Email("anne", tag)), "theme", "Frivillige i ældreplejen");
        await AnswerAsync(browser, invitations.Single(m => m.Recipient == CompressedYear.Email("bo", tag)), "theme", "Digitale borgermøder");
        await AnswerAsync(browser, invitations.Single(m => m.Recipient == CompressedYear.Email("cecilie", tag)), "case", "Borgermøde om <skoleveje>");

        string facilitatorLink = WorkspaceLink().Match((await mailbox.WaitForAsync(PreparerYear.To(facilitator, "Dagsorden til møde 1"), 1, Wait, "the facilitator's draft agenda")).Single().Text).Value;
        string consultantLink = WorkspaceLink().Match((await mailbox.WaitForAsync(PreparerYear.To(consultant, "Dagsorden til møde 1"), 1, Wait, "the consultant's draft agenda")).Single().Text).Value;
        Assert.NotEqual(facilitatorLink, consultantLink);

        // Both open the draft; the status says so.
        Assert.Equal("draft", await AgendaStateAsync(http, id));
        string draft = await browser.GetStringAsync(facilitatorLink);
        Assert.Contains("Udkast – ikke godkendt.", draft, StringComparison.Ordinal);
        Assert.Contains("Borgermøde om &lt;skoleveje&gt;", draft, StringComparison.Ordinal);
        Dictionary<string, string> consultantsView = Fields(await browser.GetStringAsync(consultantLink));

        // The facilitator retitles the expert input, puts the case first after the check-in, writes a note, and saves.
        Dictionary<string, string> edit = Fields(draft);
        string expert = BlockIndex(draft, "Fagligt input");
        string caseBlock = BlockIndex(draft, "Sparring på case");
        edit[$"title{expert}"] = "Samskabelse i praksis";
        edit[$"description{expert}"] = "Oplæg ved Lone fra <Borgerdialog>";
        edit[$"position{caseBlock}"] = "2";
        edit["note"] = "Vi mødes i kantinen & slutter med frokost.";
        edit["action"] = "save";
        (HttpStatusCode saved, string savedPage) = await PreparerYear.PostAsync(browser, facilitatorLink, edit);
        Assert.Equal(HttpStatusCode.OK, saved);
        Assert.Contains("Gemt som version 1.", savedPage, StringComparison.Ordinal);
        Assert.Contains("Oplæg ved Lone fra &lt;Borgerdialog&gt;", savedPage, StringComparison.Ordinal);

        // The consultant, still on version 0, approves: refused, with the current version and who changed it.
        consultantsView["action"] = "approve";
        (HttpStatusCode stale, string conflictPage) = await PreparerYear.PostAsync(browser, consultantLink, consultantsView);
        Assert.Equal(HttpStatusCode.Conflict, stale);
        Assert.Contains("facilitator ændrede dagsordenen", conflictPage, StringComparison.Ordinal);
        Assert.Contains("Samskabelse i praksis", conflictPage, StringComparison.Ordinal);

        // A bad time box is refused with the error summarised, and nothing is saved.
        Dictionary<string, string> current = Fields(conflictPage);
        Dictionary<string, string> bad = new(current) { [$"minutes{expert}"] = "lots" };
        (HttpStatusCode invalid, string invalidPage) = await PreparerYear.PostAsync(browser, consultantLink, bad);
        Assert.Equal(HttpStatusCode.BadRequest, invalid);
        Assert.Contains($"href=\"#minutes{expert}\"", invalidPage, StringComparison.Ordinal);

        // On the current version the approval goes through.
        current["action"] = "approve";
        (HttpStatusCode approved, string approvedPage) = await PreparerYear.PostAsync(browser, consultantLink, current);
        Assert.Equal(HttpStatusCode.OK, approved);
        Assert.Contains("Godkendt af intern konsulent", approvedPage, StringComparison.Ordinal);
        Assert.Contains("facilitator – rækkefølge, titler, fagligt input, note (version 1)", approvedPage, StringComparison.Ordinal);
        Assert.Equal("approved", await AgendaStateAsync(http, id));

        // The members' final agenda is the approved version.
        ReceivedMail final = (await mailbox.WaitForAsync(PreparerYear.To(CompressedYear.Email("anne", tag), "Dagsorden: "), 1, Wait, "Anne's final agenda")).Single();
        Assert.Contains("Samskabelse i praksis", final.Html, StringComparison.Ordinal);
        Assert.Contains("Vi mødes i kantinen &amp; slutter med frokost.", final.Html, StringComparison.Ordinal);
        Assert.True(final.Text.IndexOf("Borgermøde om <skoleveje>", StringComparison.Ordinal) < final.Text.IndexOf("Samskabelse i praksis", StringComparison.Ordinal), "the case comes before the expert input");
        Assert.Equal("sent", await AgendaStateAsync(http, id));
        string api = await http.GetStringAsync($"/api/networks/{id}/meetings/1/agenda");
        Assert.Contains("Samskabelse i praksis", api, StringComparison.Ordinal);

        // A change after the final agenda reaches every invited member as an updated agenda, once.
        string afterFinal = await browser.GetStringAsync(consultantLink);
        Assert.Contains("Den endelige dagsorden blev sendt til medlemmerne", afterFinal, StringComparison.Ordinal);
        Dictionary<string, string> late = Fields(afterFinal);
        late["note"] = "Vi mødes i byrådssalen i stedet.";
        late["action"] = "save";
        (HttpStatusCode lateSave, string lateSaved) = await PreparerYear.PostAsync(browser, consultantLink, late);
        Assert.Equal(HttpStatusCode.OK, lateSave);
        Assert.Contains("Gemt som version 2.", lateSaved, StringComparison.Ordinal);
        IReadOnlyList<ReceivedMail> updates = await mailbox.WaitForAsync(
            m => m.Recipient.Contains($".{tag}@", StringComparison.Ordinal) && m.Subject.StartsWith("Opdateret dagsorden", StringComparison.Ordinal), 5, Wait, "the updated agenda");
        Assert.All(updates, m => Assert.Contains("Vi mødes i byrådssalen i stedet.", m.Html, StringComparison.Ordinal));
        Assert.Equal(5, updates.Select(m => m.Recipient).Distinct().Count());

        // Once the meeting has begun the workspace is read only, and a workspace link never opens a member's form.
        Dictionary<string, string> unchanged = new(Fields(lateSaved)) { ["action"] = "save" };
        await Polling.UntilAsync(async () => (await PreparerYear.PostAsync(browser, consultantLink, unchanged)).Status == HttpStatusCode.Gone ? "closed" : null, Wait, "the workspace closed at the start");
        Assert.Equal(5, (await mailbox.AllAsync()).Count(m => m.Recipient.Contains($".{tag}@", StringComparison.Ordinal) && m.Subject.StartsWith("Opdateret dagsorden", StringComparison.Ordinal)));
        using HttpResponseMessage asForm = await browser.GetAsync(consultantLink.Replace("/api/agenda/", "/api/forms/", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, asForm.StatusCode);

        // A member's link opens neither the workspace nor the minutes (404), and a workspace link altered by one character is forged (403).
        string memberLink = invitations.Single(m => m.Recipient == CompressedYear.Email("anne", tag)).FormLink;
        foreach (string route in new[] { "/api/agenda/", "/api/minutes/" })
        {
            using HttpResponseMessage asPreparer = await browser.GetAsync(memberLink.Replace("/api/forms/", route, StringComparison.Ordinal));
            Assert.Equal(HttpStatusCode.NotFound, asPreparer.StatusCode);
        }

        string forged = facilitatorLink[..^10] + (facilitatorLink[^10] == 'A' ? 'B' : 'A') + facilitatorLink[^9..];
        using HttpResponseMessage altered = await browser.GetAsync(forged);
        Assert.Equal(HttpStatusCode.Forbidden, altered.StatusCode);
        Assert.DoesNotContain(await mailbox.AllAsync(), m => m.Recipient.Contains($".{tag}@", StringComparison.Ordinal) && m.Subject.Contains("uden godkendelse", StringComparison.Ordinal));

        // Nobody approved the other network's agenda: its members get the draft, and both preparers are told.
        await unapprovedMailbox.WaitForAsync(PreparerYear.To(CompressedYear.Email("anne", quietTag), "Dagsorden: "), 1, Wait, "the draft as final agenda");
        IReadOnlyList<ReceivedMail> told = await unapprovedMailbox.WaitForAsync(
            m => m.Recipient.Contains($".{quietTag}@", StringComparison.Ordinal) && m.Subject.StartsWith("Dagsordenen til møde 1 blev sendt uden godkendelse", StringComparison.Ordinal), 2, Wait, "the preparers' notices");
        Assert.Equal([CompressedYear.Email("facilitator", quietTag), CompressedYear.Email("konsulent", quietTag)], told.Select(m => m.Recipient).Order(StringComparer.Ordinal));
    }
}
