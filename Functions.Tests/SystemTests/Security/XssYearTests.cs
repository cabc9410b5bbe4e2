using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using NetworkFunctions.Storage;
using NetworkFunctions.Tests.SystemTests.EndToEnd;
using NetworkFunctions.Tests.Support;
using static NetworkFunctions.Tests.Support.XssCorpus;

namespace NetworkFunctions.Tests.SystemTests.Security;

/// <summary>
/// The <see cref="XssCorpus"/> as member text in one compressed meeting-year on the local host (in-memory engine):
/// member names and departments, the network's name and organisation, the meeting's place and title, contribution
/// titles and descriptions, survey answers. Every email (HTML, text, subject, .ics), every form and receipt page,
/// every stored document and the dashboard is read back and checked the same way.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class XssYearTests(InMemoryHostFixture fixture) : IClassFixture<InMemoryHostFixture>
{
    static readonly TimeSpan Wait = TimeSpan.FromSeconds(40);

    /// <summary>Members who never answer the invitation (so reminders go to someone).</summary>
    const int Silent = 2;

    /// <summary>Everything a reader was shown, over all outputs: every payload must be in it.</summary>
    readonly ConcurrentBag<string> shown = [];

    /// <summary>
    /// Invitations at once, reminder 13 s after kickoff, deadline 18 s, final agenda 26 s, the meeting 30–33 s,
    /// survey 34 s, its reminder 40 s, closing 46 s, then the report.
    /// </summary>
    static JsonObject Schedule() => new()
    {
        ["invitationLead"] = "PT30S",
        ["contributionDeadlineLead"] = "PT12S",
        ["reminderLeads"] = new JsonArray("PT5S"),
        ["finalAgendaLead"] = "PT4S",
        ["surveyDelay"] = "PT1S",
        ["surveyOpenFor"] = "PT12S",
        ["surveyReminderAfter"] = "PT6S",
    };

    static string MemberEmail(int i, string tag) => $"m{i:00}.{tag}@example.org";

    static string Role(string role, string tag) => $"{role}.{tag}@example.org";

    /// <summary>One member per single-line payload, as name and (shifted) as department.</summary>
    static JsonObject Kickoff(string id, string tag, DateTimeOffset now, int startSeconds, string name, string director, int members)
    {
        DateTimeOffset start = now.AddSeconds(startSeconds);
        return new JsonObject
        {
            ["networkId"] = id,
            ["name"] = name,
            ["organisation"] = Organisation,
            ["director"] = new JsonObject { ["name"] = director, ["email"] = Role("director", tag) },
            ["facilitator"] = new JsonObject { ["name"] = FacilitatorName, ["email"] = Role("facilitator", tag), ["organisation"] = FacilitatorOrganisation },
            ["consultant"] = new JsonObject { ["name"] = ConsultantName, ["email"] = Role("consultant", tag) },
            ["departments"] = new JsonArray([.. Inline.Select(d => JsonValue.Create(d))]),
            ["members"] = new JsonArray([.. Enumerable.Range(0, members).Select(i => new JsonObject
            {
                ["name"] = Inline[i],
                ["email"] = MemberEmail(i, tag),
                ["department"] = Department(i),
            })]),
            ["meetings"] = new JsonArray(new JsonObject
            {
                ["start"] = CompressedYear.Instant(start),
                ["end"] = CompressedYear.Instant(start.AddSeconds(3)),
                ["location"] = Location,
                ["title"] = MeetingTitle,
            }),
            ["schedule"] = Schedule(),
        };
    }

    static string Department(int member) => Inline[(member + 7) % Inline.Length];

    [Fact]
    public async Task The_kickoff_refuses_line_breaks_in_every_field_that_reaches_a_subject_or_a_calendar()
    {
        using HttpClient http = fixture.Api();
        string tag = Guid.NewGuid().ToString("N")[..10];
        JsonObject document = Kickoff($"xss-crlf-{tag}", tag, DateTimeOffset.UtcNow, 3600, Multiline[1], Multiline[0], 1);
        document["organisation"] = Multiline[0];
        document["meetings"]![0]!["location"] = Multiline[0];
        document["meetings"]![0]!["title"] = Multiline[1];
        document["members"]![0]!["name"] = Multiline[0];
        document["facilitator"]!["name"] = Multiline[1];
        document["consultant"]!["name"] = Multiline[2];
        document["departments"]!.AsArray().Add(Multiline[1]);

        using HttpResponseMessage response = await http.PostAsJsonAsync("/api/networks", document);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        JsonElement errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        string[] fields = ["name", "organisation", "director.name", "facilitator.name", "consultant.name", "members[0].name", "meetings[0].location", "meetings[0].title", $"departments[{Inline.Length}]"];
        Assert.All(fields, field => Assert.True(errors.TryGetProperty(field, out _), $"{field} was accepted with a line break."));
    }

    [Fact]
    public async Task Member_text_is_shown_as_text_in_every_email_page_document_and_calendar_of_a_year()
    {
        using HttpClient http = fixture.Api();
        using var forms = new HttpClient();
        var mailbox = new Mailbox(http);
        string tag = Guid.NewGuid().ToString("N")[..10];
        Func<ReceivedMail, bool> ours = m => m.Recipient.EndsWith($".{tag}@example.org", StringComparison.Ordinal);
        int members = Inline.Length;

        // A delivery-failure notice first: SendGrid refuses the first mail (network B's kickoff confirmation) for good.
        string otherName = "B " + Inline[34] + " " + Inline[0];
        string otherTag = tag + "b";
        using (HttpResponseMessage armed = await http.PostAsJsonAsync("/dev/sendgrid/faults", new { status = 400, count = 1 }))
        {
            Assert.Equal(HttpStatusCode.OK, armed.StatusCode);
        }

        await KickOffAsync(http, Kickoff($"xss-b-{tag}", otherTag, DateTimeOffset.UtcNow, 3600, otherName, Inline[3], 1));
        ReceivedMail notice = Assert.Single(await mailbox.WaitForAsync(m => m.Recipient == Role("consultant", otherTag), 1, Wait, "the delivery-failure notice"));
        CheckMail(notice, otherName, ConsultantName, [Inline[3], $"Netværket er sat i gang: {otherName}"]);

        // Network A: the whole corpus.
        string id = $"xss-{tag}";
        await KickOffAsync(http, Kickoff(id, tag, DateTimeOffset.UtcNow, 30, NetworkName, DirectorName, members));
        ReceivedMail confirmation = Assert.Single(await mailbox.WaitForAsync(m => ours(m) && m.Subject.StartsWith("Netværket er sat i gang", StringComparison.Ordinal), 1, Wait, "the kickoff confirmation"));
        CheckMail(confirmation, NetworkName, DirectorName, [Location]);

        IReadOnlyList<ReceivedMail> invitations = await mailbox.WaitForAsync(m => ours(m) && m.Subject.StartsWith("Invitation", StringComparison.Ordinal), members + 1, Wait, "the invitations");
        ReceivedMail InvitationOf(int i) => invitations.Single(m => m.Recipient == MemberEmail(i, tag));

        // Every member but the silent ones answers with their payload as title and a multi-line one as description;
        // one posts an invalid answer first and sees the form again with what they sent.
        string DescriptionOf(int i) => Multiline[i % Multiline.Length];
        string invalid = await PostAsync(forms, InvitationOf(1).FormLink, HttpStatusCode.BadRequest,
            ("type", "theme"), ("title", Multiline[2]), ("description", Multiline[0]), ("type", "case"), ("title", Inline[11]), ("description", Inline[12]));
        Show(invalid, "the invitation form with errors", AsStored(Multiline[2]), AsStored(Multiline[0]), Inline[11], Inline[12], NetworkName, Location);
        await Parallel.ForEachAsync(Enumerable.Range(0, members - Silent), new ParallelOptions { MaxDegreeOfParallelism = 6 }, async (i, _) =>
        {
            string receipt = await PostAsync(forms, InvitationOf(i).FormLink, HttpStatusCode.OK,
                ("attendance", i % 5 == 4 ? "maybe" : "yes"), ("type", "case"), ("title", Inline[i]), ("description", DescriptionOf(i)));
            Show(receipt, $"the receipt of member {i}", Inline[i], AsStored(DescriptionOf(i)), Location, NetworkName, Organisation);
        });
        Show(await forms.GetStringAsync(InvitationOf(2).FormLink), "the invitation form, prefilled", Inline[2], AsStored(DescriptionOf(2)), Location, NetworkName);

        IReadOnlyList<ReceivedMail> reminders = await mailbox.WaitForAsync(m => ours(m) && m.Subject.StartsWith("Påmindelse: svar", StringComparison.Ordinal), Silent, Wait, "the reminders");
        Assert.All(reminders, m => CheckMail(m, NetworkName, NameOf(m.Recipient), [Location]));

        // The agenda holds every contribution, to the facilitator and the consultant, then to every member.
        string[] titles = [.. Enumerable.Range(0, members - Silent).Select(i => Inline[i])];
        string[] descriptions = [.. Enumerable.Range(0, members - Silent).Select(i => AsStored(DescriptionOf(i))).Distinct()];
        IReadOnlyList<ReceivedMail> agendas = await mailbox.WaitForAsync(m => ours(m) && m.Subject.StartsWith("Dagsorden til møde 1", StringComparison.Ordinal), 2, Wait, "the agenda");
        Assert.All(agendas, m => CheckMail(m, NetworkName, NameOf(m.Recipient), [.. titles, Location], htmlOnly: descriptions));
        using (HttpResponseMessage closed = await forms.GetAsync(InvitationOf(members - 1).FormLink))
        {
            Assert.Equal(HttpStatusCode.Gone, closed.StatusCode);
            Show(await closed.Content.ReadAsStringAsync(), "the closed form", NetworkName, Organisation);
        }

        using (HttpResponseMessage bad = await forms.GetAsync(InvitationOf(0).FormLink[..^4] + "AAAA"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, bad.StatusCode);
            Show(await bad.Content.ReadAsStringAsync(), "the page for a bad link");
        }
        IReadOnlyList<ReceivedMail> finals = await mailbox.WaitForAsync(m => ours(m) && m.Subject.StartsWith("Dagsorden: ", StringComparison.Ordinal), members, Wait, "the final agenda");
        Assert.All(finals, m => CheckMail(m, NetworkName, NameOf(m.Recipient), [.. titles, Location]));

        // The survey: everyone who came answers with payloads but the last one, who gets the reminder.
        int surveyed = members - Silent;
        IReadOnlyList<ReceivedMail> surveys = await mailbox.WaitForAsync(m => ours(m) && m.Subject.StartsWith("Hvordan var møde 1", StringComparison.Ordinal), surveyed, Wait, "the surveys");
        (string Worked, string Improve, string Next) AnswersOf(int i) => (Inline[(i + 3) % members], Multiline[(i + 1) % Multiline.Length], Inline[(i + 5) % members]);
        ReceivedMail SurveyOf(int i) => surveys.Single(m => m.Recipient == MemberEmail(i, tag));
        string invalidSurvey = await PostAsync(forms, SurveyOf(0).FormLink, HttpStatusCode.BadRequest, ("usefulness", Inline[7]), ("worked", Multiline[2]), ("improve", Inline[8]));
        Show(invalidSurvey, "the survey form with errors", AsStored(Multiline[2]), Inline[8], NetworkName);
        await Parallel.ForEachAsync(Enumerable.Range(0, surveyed - 1), new ParallelOptions { MaxDegreeOfParallelism = 6 }, async (i, _) =>
        {
            (string worked, string improve, string next) = AnswersOf(i);
            string receipt = await PostAsync(forms, SurveyOf(i).FormLink, HttpStatusCode.OK,
                ("usefulness", "4"), ("relations", "5"), ("courage", "3"), ("worked", worked), ("improve", improve), ("nextThemes", next));
            Show(receipt, $"the survey receipt of member {i}", worked, AsStored(improve), next, NetworkName);
        });
        Show(await forms.GetStringAsync(SurveyOf(1).FormLink), "the survey form, prefilled", AnswersOf(1).Worked, AsStored(AnswersOf(1).Improve), AnswersOf(1).Next);

        IReadOnlyList<ReceivedMail> surveyReminders = await mailbox.WaitForAsync(m => ours(m) && m.Subject.StartsWith("Påmindelse: evaluering", StringComparison.Ordinal), 1, Wait, "the survey reminder");
        string[] answers = [.. Enumerable.Range(0, surveyed - 1).SelectMany(i => new[] { AnswersOf(i).Worked, AsStored(AnswersOf(i).Improve), AnswersOf(i).Next }).Distinct()];
        IReadOnlyList<ReceivedMail> summaries = await mailbox.WaitForAsync(m => ours(m) && m.Subject.StartsWith("Evaluering af møde 1", StringComparison.Ordinal), 2, Wait, "the survey summary");
        Assert.All(summaries, m => CheckMail(m, NetworkName, NameOf(m.Recipient), answers));
        IReadOnlyList<ReceivedMail> reports = await mailbox.WaitForAsync(m => ours(m) && m.Subject.StartsWith("Årsrapport", StringComparison.Ordinal), 3, Wait, "the year-end report");
        Assert.All(reports, m => CheckMail(m, NetworkName, NameOf(m.Recipient), [.. Inline]));

        // Every mail of the year, whatever its kind.
        IReadOnlyList<ReceivedMail> all = (await mailbox.AllAsync()).Where(m => ours(m) || m.Recipient.EndsWith($".{otherTag}@example.org", StringComparison.Ordinal)).ToList();
        Assert.True(all.Count >= 1 + 1 + invitations.Count + reminders.Count + 2 + finals.Count + surveys.Count + surveyReminders.Count + 2 + 3, $"{all.Count} mails");
        Assert.All(all, m => CheckMail(m, m.Id == notice.Id ? otherName : NetworkName, NameOf(m.Recipient), []));

        // The pages the API serves, and every HTML document in Blob Storage.
        Show(await http.GetStringAsync($"/api/networks/{id}/meetings/1/agenda"), "the agenda page", [.. titles, .. descriptions, Location, NetworkName, Organisation]);
        Show(await http.GetStringAsync($"/api/networks/{id}/meetings/1/survey-summary"), "the survey summary page", [.. answers, NetworkName]);
        Show(await http.GetStringAsync($"/api/networks/{id}/report"), "the report page", [.. Inline, NetworkName, Organisation]);
        Show(await http.GetStringAsync($"/api/networks/{id}/dashboard"), "the dashboard",
            [.. Inline, NetworkName, Organisation, Location]);
        await CheckStoredDocumentsAsync(id, "stored", [.. titles, .. answers]);

        // Erasing a member writes the documents again, without them.
        using (HttpResponseMessage erased = await http.DeleteAsync($"/api/networks/{id}/members/{await Roster.IdOfAsync(http, id, MemberEmail(0, tag))}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);
        }

        await CheckStoredDocumentsAsync(id, "rewritten after an erasure", titles[1..]);

        // And every payload reached a reader somewhere, as the text it was.
        string everything = string.Join("\n", shown);
        string[] expected = [.. All.Select(AsStored), NetworkName, Organisation, Location, MeetingTitle, DirectorName, FacilitatorName, ConsultantName];
        Assert.All(expected, text => Assert.True(everything.Contains(text, StringComparison.Ordinal), $"No output showed {HtmlSafety.Quote(text)}."));
    }

    static async Task KickOffAsync(HttpClient http, JsonObject document)
    {
        using HttpResponseMessage response = await http.PostAsJsonAsync("/api/networks", document);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    static string NameOf(string email) => email.Split('.')[0] switch
    {
        "director" => DirectorName,
        "facilitator" => FacilitatorName,
        "consultant" => ConsultantName,
        var member => Inline[int.Parse(member[1..], System.Globalization.CultureInfo.InvariantCulture)],
    };

    static async Task<string> PostAsync(HttpClient http, string link, HttpStatusCode status, params (string Name, string Value)[] fields)
    {
        using var content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        using HttpResponseMessage response = await http.PostAsync(link, content);
        string page = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{response.StatusCode}: {page}");
        return page;
    }

    /// <summary>An HTML output checked, and what it showed kept for the final check.</summary>
    void Show(string html, string where, params IEnumerable<string> texts) => shown.Add(HtmlSafety.AssertShows(html, where, texts));

    /// <summary>
    /// A mail: one-line subject naming the network as it is; HTML safe and showing the greeting, the network and the
    /// texts; the text part carrying the same text unencoded; any .ics holding the place, title and names as values.
    /// </summary>
    void CheckMail(ReceivedMail mail, string network, string recipient, IEnumerable<string> texts, IEnumerable<string>? htmlOnly = null)
    {
        string where = $"'{mail.Subject}' to {mail.Recipient}";
        Assert.DoesNotMatch("[\r\n]", mail.Subject);
        Assert.Contains(network, mail.Subject, StringComparison.Ordinal);
        string[] expected = [.. texts, network, $"Kære {recipient}", mail.Subject];
        Show(mail.Html, where + " (HTML)", [.. expected, .. htmlOnly ?? []]);
        string text = mail.Text.ReplaceLineEndings("\n");
        Assert.All(expected.Where(t => t != mail.Subject).SelectMany(t => t.Split('\n')), line =>
            Assert.True(text.Contains(line, StringComparison.Ordinal), $"{where} (text) does not hold {HtmlSafety.Quote(line)}."));
        foreach (MailAttachment ics in mail.Attachments.Where(a => a.Type == "text/calendar"))
        {
            IReadOnlyList<ContentLine> lines = CalendarSafety.Read(ics.Text, where + " .ics");
            Assert.All(lines.Where(l => l.Name == "LOCATION"), l => Assert.Equal(Location, CalendarSafety.Text(l)));
            Assert.All(lines.Where(l => l.Name == "SUMMARY"), l => Assert.Equal(MeetingTitle, CalendarSafety.Text(l)));
            Assert.All(lines.Where(l => l.Name == "ORGANIZER"), l => Assert.Equal(FacilitatorName, CalendarSafety.Parameter(l, "CN")));
            if (lines.FirstOrDefault(l => l.Name == "ATTENDEE") is { } attendee)
            {
                Assert.Single(lines, l => l.Name == "ATTENDEE");
                Assert.Equal($"mailto:{mail.Recipient}", attendee.Value);
                Assert.Equal(recipient.Replace("\"", "", StringComparison.Ordinal), CalendarSafety.Parameter(attendee, "CN"));
            }
            else
            {
                Assert.Equal(network, CalendarSafety.Text(lines.Single(l => l.Name == "X-WR-CALNAME")));
            }
        }
    }

    async Task CheckStoredDocumentsAsync(string networkId, string when, string[] contributionsAndAnswers)
    {
        NetworkStore store = fixture.Host.Services.GetRequiredService<NetworkStore>();
        IReadOnlyList<string> paths = [.. (await store.ListAsync(DocumentPaths.Network(networkId))).Where(p => p.EndsWith(".html", StringComparison.Ordinal))];
        Assert.Equal(5, paths.Count);
        var documents = new List<string>();
        foreach (string path in paths)
        {
            string html = (await store.ReadTextAsync(path))!;
            IHtmlDocument document = HtmlSafety.AssertSafe(html, $"{path} ({when})");
            documents.Add(HtmlSafety.Shown(document));
        }

        string text = string.Join("\n", documents);
        Assert.All(contributionsAndAnswers, t => Assert.True(text.Contains(t, StringComparison.Ordinal), $"No {when} document shows {HtmlSafety.Quote(t)}."));
        shown.Add(text);
    }
}
