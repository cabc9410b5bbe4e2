using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using NetworkFunctions.Tests.SystemTests.EndToEnd;
using NetworkFunctions.Tests.Support;

namespace NetworkFunctions.Tests.SystemTests.Cycle;

/// <summary>
/// The minutes (referat) on the local host: after the meeting both preparers get a link to a form prefilled from the
/// agenda with a register ticked for those who said yes; the facilitator writes and corrects the register, the
/// consultant's stale save is refused, the consultant sends; every invited member and the director get the minutes,
/// which then no longer change. Minutes nobody sent by the survey's close bring both preparers one reminder.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class MinutesTests(InMemoryHostFixture fixture) : IClassFixture<InMemoryHostFixture>
{
    static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    /// <summary>One 4 s meeting 25 s after kickoff: invitation at once, deadline at +15 s, survey at +30 s, closing at +60 s.</summary>
    static readonly JsonObject Schedule = new()
    {
        ["invitationLead"] = "PT25S",
        ["contributionDeadlineLead"] = "PT10S",
        ["reminderLeads"] = new JsonArray(),
        ["finalAgendaLead"] = "PT5S",
        ["surveyDelay"] = "PT1S",
        ["surveyOpenFor"] = "PT30S",
        ["surveyReminderAfter"] = "PT20S",
    };

    [GeneratedRegex(@"https?://\S+/api/minutes/[A-Za-z0-9_.\-]+")]
    private static partial Regex MinutesLink();

    /// <summary>The form's fields as a browser posts them: text areas and the hidden revision once each, a <c>came</c> per ticked box.</summary>
    static List<KeyValuePair<string, string>> Fields(string html)
    {
        IHtmlDocument page = new HtmlParser().ParseDocument(html);
        var fields = new List<KeyValuePair<string, string>>();
        foreach (IHtmlTextAreaElement area in page.QuerySelectorAll("form textarea").Cast<IHtmlTextAreaElement>())
        {
            fields.Add(new(area.Name!, area.Value));
        }

        foreach (IHtmlInputElement input in page.QuerySelectorAll("form input").Cast<IHtmlInputElement>().Where(i => i.Type != "checkbox" || i.IsChecked))
        {
            fields.Add(new(input.Name!, input.Value));
        }

        return fields;
    }

    static List<KeyValuePair<string, string>> With(List<KeyValuePair<string, string>> fields, params (string Name, string Value)[] set) =>
        [.. fields.Where(f => !set.Any(s => s.Name == f.Key)), .. set.Select(s => new KeyValuePair<string, string>(s.Name, s.Value))];

    [Fact]
    public async Task The_preparers_write_the_minutes_correct_the_register_and_send_them_to_everyone_invited()
    {
        (HttpClient http, Mailbox mailbox, string id, string tag) = await PreparerYear.KickOffAsync(fixture, "minutes", Schedule, 25, 4);
        (_, Mailbox quietMailbox, _, string quietTag) = await PreparerYear.KickOffAsync(fixture, "nominutes", Schedule, 25, 4);
        using var browser = new HttpClient();
        IReadOnlyList<ReceivedMail> invitations = await mailbox.WaitForAsync(m => m.Recipient.Contains($".{tag}@", StringComparison.Ordinal) && m.Subject.StartsWith("Invitation", StringComparison.Ordinal), 5, Wait, "invitations");
        foreach ((string member, string attendance) in new[] { ("anne", "yes"), ("bo", "yes"), ("cecilie", "no") })
        {
            using HttpResponseMessage answered = await browser.PostAsync(invitations.Single(m => m.Recipient == CompressedYear.Email(member, tag)).FormLink,
                new FormUrlEncodedContent([new("attendance", attendance), new("type", "theme"), new("title", member == "anne" ? "Frivillige i ældreplejen" : ""), new("description", "")]));
            Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        }

        string facilitatorLink = MinutesLink().Match((await mailbox.WaitForAsync(PreparerYear.To(CompressedYear.Email("facilitator", tag), "Skriv referatet af møde 1"), 1, Wait, "the facilitator's minutes link")).Single().Text).Value;
        string consultantLink = MinutesLink().Match((await mailbox.WaitForAsync(PreparerYear.To(CompressedYear.Email("konsulent", tag), "Skriv referatet af møde 1"), 1, Wait, "the consultant's minutes link")).Single().Text).Value;

        // Prefilled: a block per agenda block, the register ticked for Anne and Bo, who said yes.
        Assert.Equal("rsvp", (await http.GetFromJsonAsync<JsonObject>($"/api/networks/{id}"))!["meetings"]![0]!["cameFrom"]!.GetValue<string>());
        string prefilled = await browser.GetStringAsync(facilitatorLink);
        Assert.Contains("Tema: Frivillige i ældreplejen", prefilled, StringComparison.Ordinal);
        IHtmlDocument page = new HtmlParser().ParseDocument(prefilled);
        Assert.Equal(["Anne Andersen", "Bo Berg"], page.QuerySelectorAll("input[name=came]").Cast<IHtmlInputElement>().Where(i => i.IsChecked)
            .Select(i => i.ParentElement!.TextContent.Split(',')[0].Trim()).Order(StringComparer.Ordinal));
        List<KeyValuePair<string, string>> stale = Fields(await browser.GetStringAsync(consultantLink));

        // The facilitator writes and corrects the register: Bo did not come, Cecilie did after all.
        string bo = page.QuerySelectorAll("input[name=came]").Cast<IHtmlInputElement>().Single(i => i.ParentElement!.TextContent.Contains("Bo Berg", StringComparison.Ordinal)).Value;
        string cecilie = page.QuerySelectorAll("input[name=came]").Cast<IHtmlInputElement>().Single(i => i.ParentElement!.TextContent.Contains("Cecilie", StringComparison.Ordinal)).Value;
        List<KeyValuePair<string, string>> written = [.. With(Fields(prefilled), ("keyPoints0", "Alle delte en <succes> & en udfordring."), ("followUps0", "Anne sender materialet rundt."))
            .Where(f => f.Value != bo), new("came", cecilie), new("action", "save")];
        (HttpStatusCode saved, string savedPage) = await PreparerYear.PostAsync(browser, facilitatorLink, written);
        Assert.Equal(HttpStatusCode.OK, saved);
        Assert.Contains("Gemt som version 1.", savedPage, StringComparison.Ordinal);

        // The status counts who came from the register now (two), no longer from the yes answers (also two, but Bo's).
        JsonObject status = (await http.GetFromJsonAsync<JsonObject>($"/api/networks/{id}"))!;
        Assert.Equal((2, "register"), (status["meetings"]![0]!["came"]!.GetValue<int>(), status["meetings"]![0]!["cameFrom"]!.GetValue<string>()));

        // The consultant's page was on version 0: refused with the current version.
        (HttpStatusCode conflict, string conflictPage) = await PreparerYear.PostAsync(browser, consultantLink, With(stale, ("action", "send")));
        Assert.Equal(HttpStatusCode.Conflict, conflict);
        Assert.Contains("Alle delte en &lt;succes&gt; &amp; en udfordring.", conflictPage, StringComparison.Ordinal);

        // On the current version the consultant sends.
        (HttpStatusCode sent, string sentPage) = await PreparerYear.PostAsync(browser, consultantLink, With(Fields(conflictPage), ("action", "send")));
        Assert.Equal(HttpStatusCode.OK, sent);
        Assert.Contains("Referatet er sendt til medlemmerne og direktøren.", sentPage, StringComparison.Ordinal);

        // Every invited member and the director get the minutes, once.
        IReadOnlyList<ReceivedMail> minutes = await mailbox.WaitForAsync(m => m.Recipient.Contains($".{tag}@", StringComparison.Ordinal) && m.Subject.StartsWith("Referat af møde 1", StringComparison.Ordinal), 6, Wait, "the minutes");
        Assert.Contains(CompressedYear.Email("direktor", tag), minutes.Select(m => m.Recipient));
        ReceivedMail anne = minutes.Single(m => m.Recipient == CompressedYear.Email("anne", tag));
        Assert.Contains("Alle delte en &lt;succes&gt; &amp; en udfordring.", anne.Html, StringComparison.Ordinal);
        Assert.Contains("Deltog (2)", anne.Text, StringComparison.Ordinal);
        Assert.Contains("Cecilie Carlsen", anne.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Bo Berg", anne.Text, StringComparison.Ordinal);
        Assert.Contains("Anne sender materialet rundt.", await http.GetStringAsync($"/api/networks/{id}/meetings/1/minutes"), StringComparison.Ordinal);

        // Sent minutes no longer change; a minutes link opens no member form.
        (HttpStatusCode late, _) = await PreparerYear.PostAsync(browser, facilitatorLink, With(Fields(savedPage), ("action", "save")));
        Assert.Equal(HttpStatusCode.Gone, late);
        using HttpResponseMessage asForm = await browser.GetAsync(facilitatorLink.Replace("/api/minutes/", "/api/forms/", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, asForm.StatusCode);

        // Nobody sent the other network's minutes: at the survey's close both preparers get one reminder.
        IReadOnlyList<ReceivedMail> reminded = await quietMailbox.WaitForAsync(
            m => m.Recipient.Contains($".{quietTag}@", StringComparison.Ordinal) && m.Subject.StartsWith("Påmindelse: referatet af møde 1", StringComparison.Ordinal), 2, Wait, "the minutes reminders");
        Assert.Equal([CompressedYear.Email("facilitator", quietTag), CompressedYear.Email("konsulent", quietTag)], reminded.Select(m => m.Recipient).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(await mailbox.AllAsync(), m => m.Recipient.Contains($".{tag}@", StringComparison.Ordinal) && m.Subject.StartsWith("Påmindelse: referatet", StringComparison.Ordinal));
    }
}
