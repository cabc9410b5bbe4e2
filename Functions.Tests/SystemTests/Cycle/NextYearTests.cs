using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NetworkFunctions.Tests.SystemTests.EndToEnd;
using NetworkFunctions.Tests.Support;

namespace NetworkFunctions.Tests.SystemTests.Cycle;

/// <summary>
/// Next year's draft kickoff on the local host (in-memory engine, Azurite, the mail sink): a one-meeting year whose
/// agenda cannot fit every theme, the draft asked for with the key, posted back as a kickoff, and the themes that
/// waited on the new year's first agenda, marked as carried over from last year.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class NextYearTests(InMemoryHostFixture fixture) : IClassFixture<InMemoryHostFixture>
{
    static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    /// <summary>A meeting at +25 s, 4 s long: invitations at once, deadline (the agenda) 12 s before the start.</summary>
    static JsonObject Schedule() => new()
    {
        ["invitationLead"] = "PT60S",
        ["contributionDeadlineLead"] = "PT12S",
        ["reminderLeads"] = new JsonArray(),
        ["finalAgendaLead"] = "PT5S",
        ["surveyDelay"] = "PT1S",
        ["surveyOpenFor"] = "PT20S",
        ["surveyReminderAfter"] = "PT10S",
    };

    /// <summary>Six themes on subjects that do not group: a compressed half-day has room for four theme blocks.</summary>
    static readonly string[] Themes = ["Frivillige <i> foreninger", "Digitale borgermøder", "Klimatilpasning lokalt", "Unge og fritidsjob", "Bibliotekets nye rolle", "Trafiksikkerhed ved skoler"];

    [Fact]
    public async Task The_draft_for_next_year_posts_back_as_a_kickoff_and_brings_what_waited_to_the_first_agenda()
    {
        string tag = Guid.NewGuid().ToString("N")[..10];
        string id = $"nextyear-{tag}";
        using HttpClient http = fixture.Api();
        DateTimeOffset now = DateTimeOffset.UtcNow;
        using (HttpResponseMessage kickoff = await http.PostAsJsonAsync("/api/networks", CompressedYear.Document(id, now, [25], Schedule(), tag, length: 4)))
        {
            Assert.Equal(HttpStatusCode.Accepted, kickoff.StatusCode);
        }

        var mailbox = new Mailbox(http);
        using var member = new HttpClient();
        foreach ((string who, string[] themes) in new[] { ("anne", Themes[..3]), ("bo", Themes[3..]) })
        {
            ReceivedMail invitation = (await mailbox.WaitForAsync(PreparerYear.To(CompressedYear.Email(who, tag), "Invitation"), 1, Wait, $"{who}'s invitation")).Single();
            Assert.Equal(HttpStatusCode.OK, (await PreparerYear.PostAsync(member, invitation.FormLink,
                [new("attendance", "yes"), .. themes.SelectMany(t => new KeyValuePair<string, string>[] { new("type", "theme"), new("title", t), new("description", "Hvorfor: " + t) })])).Status);
        }

        await mailbox.WaitForAsync(PreparerYear.To(CompressedYear.Email("facilitator", tag), "Dagsorden til møde 1"), 1, Wait, "the draft agenda of meeting 1");
        using HttpResponseMessage asked = await http.PostAsync($"/api/networks/{id}/next-year", null);
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Equal("application/json", asked.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-store", asked.Headers.CacheControl?.ToString());
        JsonObject draft = JsonNode.Parse(await asked.Content.ReadAsStringAsync())!.AsObject();

        Assert.Null(draft["networkId"]); // no year in the id: the kickoff generates one
        Assert.Equal(CompressedYear.Members.Length, draft["members"]!.AsArray().Count);
        JsonObject meeting = draft["meetings"]!.AsArray().Single()!.AsObject();
        TimeZoneInfo copenhagen = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");
        DateTimeOffset first = DateTimeOffset.Parse(CompressedYear.Instant(now.AddSeconds(25)), System.Globalization.CultureInfo.InvariantCulture);
        DateTimeOffset moved = DateTimeOffset.Parse(meeting["start"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(TimeZoneInfo.ConvertTime(first, copenhagen).DateTime.AddDays(364), TimeZoneInfo.ConvertTime(moved, copenhagen).DateTime);
        Assert.Equal("PT1M", draft["schedule"]!["invitationLead"]!.GetValue<string>());
        JsonArray carried = draft["carriedOver"]!.AsArray();
        Assert.Equal(2, carried.Count);
        Assert.All(carried, c => Assert.Equal("theme", c!["type"]!.GetValue<string>()));
        string[] waited = [.. carried.Select(c => c!["title"]!.GetValue<string>())];
        Assert.All(waited, t => Assert.Contains(t, Themes));
        Assert.All(carried, c => Assert.Equal("Hvorfor: " + c!["title"]!.GetValue<string>(), c["description"]!.GetValue<string>()));

        // As it stands the draft is a kickoff the API takes (its meeting a year ahead) …
        using (HttpResponseMessage postedBack = await http.PostAsJsonAsync("/api/networks", draft))
        {
            Assert.Equal(HttpStatusCode.Accepted, postedBack.StatusCode);
        }

        // … and with its meeting moved to the next minute, the first agenda weighs what waited, marked as from last year.
        string next = $"nextyear2-{tag}";
        draft["networkId"] = next;
        DateTimeOffset start = DateTimeOffset.UtcNow.AddSeconds(25);
        draft["meetings"] = new JsonArray(new JsonObject { ["start"] = CompressedYear.Instant(start), ["end"] = CompressedYear.Instant(start.AddSeconds(4)), ["location"] = meeting["location"]!.GetValue<string>() });
        using (HttpResponseMessage kickoff = await http.PostAsJsonAsync("/api/networks", draft))
        {
            Assert.Equal(HttpStatusCode.Accepted, kickoff.StatusCode);
        }

        ReceivedMail agenda = (await mailbox.WaitForAsync(
            m => m.Recipient == CompressedYear.Email("facilitator", tag) && m.Subject.StartsWith("Dagsorden til møde 1", StringComparison.Ordinal) && m.Text.Contains("sidste år", StringComparison.Ordinal),
            1, Wait, "the next year's first draft agenda")).Single();
        Assert.All(waited, t => Assert.Contains($"{t} – ", agenda.Text, StringComparison.Ordinal));
        Assert.Equal(2, agenda.Text.Split("(videreført fra sidste år)").Length - 1);
        string page = await http.GetStringAsync($"/api/networks/{next}/meetings/1/agenda");
        Assert.All(waited, t => Assert.Contains(t, WebUtility.HtmlDecode(page), StringComparison.Ordinal));
        Assert.DoesNotContain("<i>", page, StringComparison.Ordinal);
        Assert.Equal(2, WebUtility.HtmlDecode(page).Split("videreført fra sidste år").Length - 1);

        // Each member's right of access shows what they carried over from last year.
        JsonArray members = JsonNode.Parse(await http.GetStringAsync($"/api/networks/{next}/members"))!["members"]!.AsArray();
        var held = new List<string>();
        foreach (JsonNode? m in members)
        {
            JsonNode access = JsonNode.Parse(await http.GetStringAsync($"/api/networks/{next}/members/{m!["id"]!.GetValue<string>()}"))!;
            held.AddRange(access["carriedOver"]!.AsArray().Select(c => c!["title"]!.GetValue<string>()));
        }

        Assert.Equal(waited.Order(StringComparer.Ordinal), held.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Needs_the_key_and_answers_404_with_a_problem_for_an_unknown_network()
    {
        using var anonymous = new HttpClient { BaseAddress = fixture.Host.BaseAddress };
        using HttpClient http = fixture.Api();

        using HttpResponseMessage noKey = await anonymous.PostAsync("/api/networks/no-such-network/next-year", null);
        using HttpResponseMessage unknown = await http.PostAsync("/api/networks/no-such-network/next-year", null);
        using HttpResponseMessage invalid = await http.PostAsync("/api/networks/NOT_AN_ID/next-year", null);

        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, invalid.StatusCode);
    }
}
