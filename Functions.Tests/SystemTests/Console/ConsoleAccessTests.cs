using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NetworkFunctions.Office;
using NetworkFunctions.Tests.SystemTests.EndToEnd;
using NetworkFunctions.Tests.Support;

namespace NetworkFunctions.Tests.SystemTests.Console;

/// <summary>
/// The office's console on the local host, over HTTP, signed in through the host's development sign-in (which plays
/// the platform's part: it removes any principal a client sends and adds the signed-in person's). Who sees which
/// network, what happens without a principal or with a forged one, and that no console form acts without its
/// antiforgery token. The networks' meetings lie a month ahead, so nothing of their year runs meanwhile.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class ConsoleAccessTests(InMemoryHostFixture fixture) : IClassFixture<InMemoryHostFixture>
{
    [GeneratedRegex("name=\"__console\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    /// <summary>A browser of its own, signed in as <paramref name="email"/>: cookies kept, redirects not followed.</summary>
    async Task<HttpClient> SignedInAsync(string name, string email, bool admin = false)
    {
        HttpClient browser = Browser();
        using HttpResponseMessage signedIn = await browser.PostAsync("/.auth/login/aad", new FormUrlEncodedContent(
            [new("name", name), new("email", email), new("admin", admin ? "yes" : ""), new("target", ConsoleRoutes.Home)]));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return browser;
    }

    HttpClient Browser() => new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = fixture.Host.BaseAddress };

    static async Task<string> TokenAsync(HttpClient browser, string page = ConsoleRoutes.Home + "/new") =>
        TokenField().Match(await browser.GetStringAsync(page)).Groups[1].Value;

    static MultipartFormDataContent Form(string? token, params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        if (token is not null)
        {
            form.Add(new StringContent(token, Encoding.UTF8), ConsoleTokens.Field);
        }

        foreach ((string name, string value) in fields)
        {
            form.Add(new StringContent(value, Encoding.UTF8), name);
        }

        return form;
    }

    /// <summary>A network whose one meeting is a month away, kicked off through the keyed API; its tag names its people.</summary>
    async Task<string> NetworkAsync(string tag)
    {
        string id = $"console-{tag}";
        using HttpClient api = fixture.Api();
        using HttpResponseMessage kickoff = await api.PostAsJsonAsync("/api/networks", CompressedYear.Document(id, DateTimeOffset.UtcNow, [30 * 24 * 3600], CompressedYear.DefaultSchedule(), tag));
        Assert.Equal(HttpStatusCode.Accepted, kickoff.StatusCode);
        return id;
    }

    async Task<string[]> MemberEmailsAsync(string networkId)
    {
        using HttpClient api = fixture.Api();
        JsonObject list = (await api.GetFromJsonAsync<JsonObject>($"/api/networks/{networkId}/members"))!;
        return [.. list["members"]!.AsArray().Select(m => (string)m!["email"]!)];
    }

    static (string, string)[] NewMember(string email) => [("name", "Nanna Ny"), ("email", email), ("department", CompressedYear.Departments[0])];

    [Fact]
    public async Task A_consultant_sees_and_changes_their_own_network_and_no_other()
    {
        string tag = Guid.NewGuid().ToString("N")[..8];
        string own = await NetworkAsync(tag + "a");
        string other = await NetworkAsync(tag + "b");
        using HttpClient kim = await SignedInAsync("Kim Konsulent", CompressedYear.Email("konsulent", tag + "a"));

        string home = await kim.GetStringAsync(ConsoleRoutes.Home);
        Assert.Contains(ConsoleRoutes.Network(own), home, StringComparison.Ordinal);
        Assert.DoesNotContain(ConsoleRoutes.Network(other), home, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await kim.GetAsync(ConsoleRoutes.Network(own))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await kim.GetAsync(ConsoleRoutes.Network(other))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await kim.GetAsync($"{ConsoleRoutes.Network(other)}/export.xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await kim.GetAsync($"{ConsoleRoutes.Network(other)}/next-year.json")).StatusCode);

        string token = await TokenAsync(kim, ConsoleRoutes.Network(own));
        using (HttpResponseMessage refused = await kim.PostAsync(ConsoleRoutes.Members(other), Form(token, NewMember($"ny.{tag}@example.org"))))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        using (HttpResponseMessage added = await kim.PostAsync(ConsoleRoutes.Members(own), Form(token, NewMember($"ny.{tag}@example.org"))))
        {
            Assert.Equal(HttpStatusCode.SeeOther, added.StatusCode);
            Assert.Equal(ConsoleRoutes.Done(own, "member-added"), added.Headers.Location?.OriginalString);
        }

        Assert.Contains($"ny.{tag}@example.org", await MemberEmailsAsync(own));
        string memberId = NewMemberId().Match(await kim.GetStringAsync(ConsoleRoutes.Network(own))).Groups[1].Value;
        using (HttpResponseMessage data = await kim.GetAsync(ConsoleRoutes.MemberData(own, memberId)))
        {
            Assert.Equal(HttpStatusCode.OK, data.StatusCode);
            Assert.Equal("attachment", data.Content.Headers.ContentDisposition?.DispositionType);
            Assert.Contains("Nanna Ny", await data.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await kim.GetAsync(ConsoleRoutes.MemberData(other, memberId))).StatusCode);
        Assert.DoesNotContain($"ny.{tag}@example.org", await MemberEmailsAsync(other));
    }

    [Fact]
    public async Task A_member_of_a_network_cannot_open_it_in_the_console()
    {
        string tag = Guid.NewGuid().ToString("N")[..8];
        string id = await NetworkAsync(tag);
        using HttpClient anne = await SignedInAsync("Anne Andersen", CompressedYear.Email("anne", tag));

        Assert.DoesNotContain(ConsoleRoutes.Network(id), await anne.GetStringAsync(ConsoleRoutes.Home), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await anne.GetAsync(ConsoleRoutes.Network(id))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await anne.GetAsync($"{ConsoleRoutes.Network(id)}/export.csv")).StatusCode);
    }

    [Fact]
    public async Task The_admin_group_sees_every_network()
    {
        string tag = Guid.NewGuid().ToString("N")[..8];
        string first = await NetworkAsync(tag + "a");
        string second = await NetworkAsync(tag + "b");
        using HttpClient admin = await SignedInAsync("Ada Admin", $"ada.{tag}@example.org", admin: true);

        string home = await admin.GetStringAsync(ConsoleRoutes.Home);

        Assert.Contains(ConsoleRoutes.Network(first), home, StringComparison.Ordinal);
        Assert.Contains(ConsoleRoutes.Network(second), home, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(ConsoleRoutes.Network(second))).StatusCode);
    }

    [Fact]
    public async Task Without_a_principal_pages_lead_to_sign_in_forms_are_refused_and_a_forged_principal_counts_for_nothing()
    {
        string tag = Guid.NewGuid().ToString("N")[..8];
        string id = await NetworkAsync(tag);
        using HttpClient stranger = Browser();

        using (HttpResponseMessage page = await stranger.GetAsync(ConsoleRoutes.Network(id)))
        {
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
            Assert.Equal($"/.auth/login/aad?post_login_redirect_uri={Uri.EscapeDataString(ConsoleRoutes.Network(id))}", page.Headers.Location?.OriginalString);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.PostAsync(ConsoleRoutes.Members(id), Form("1.x", NewMember($"ny.{tag}@example.org")))).StatusCode);

        // The claims of the network's consultant, sent by the client itself: the host removes them, as the platform does.
        string forged = ConsolePrincipal.Encode([("oid", "forged"), ("tid", "local-development"), ("email", CompressedYear.Email("konsulent", tag)), ("groups", "local-console-admins")]);
        using (var request = new HttpRequestMessage(HttpMethod.Get, ConsoleRoutes.Network(id)))
        {
            request.Headers.Add(ConsolePrincipal.Header, forged);
            request.Headers.Add(ConsolePrincipal.ProviderHeader, "aad");
            Assert.Equal(HttpStatusCode.Redirect, (await stranger.SendAsync(request)).StatusCode);
        }

        using HttpClient anne = await SignedInAsync("Anne Andersen", CompressedYear.Email("anne", tag));
        using (var request = new HttpRequestMessage(HttpMethod.Get, ConsoleRoutes.Network(id)))
        {
            request.Headers.Add(ConsolePrincipal.Header, forged);
            Assert.Equal(HttpStatusCode.Forbidden, (await anne.SendAsync(request)).StatusCode);
        }

        Assert.DoesNotContain($"ny.{tag}@example.org", await MemberEmailsAsync(id));
    }

    [Fact]
    public async Task A_console_form_without_its_token_with_another_persons_or_from_another_site_changes_nothing()
    {
        string tag = Guid.NewGuid().ToString("N")[..8];
        string id = await NetworkAsync(tag);
        using HttpClient kim = await SignedInAsync("Kim Konsulent", CompressedYear.Email("konsulent", tag));
        using HttpClient dorte = await SignedInAsync("Dorte Direktør", CompressedYear.Email("direktor", tag));
        string kims = await TokenAsync(kim);
        string dortes = await TokenAsync(dorte);

        Assert.Equal(HttpStatusCode.Forbidden, (await kim.PostAsync(ConsoleRoutes.Members(id), Form(null, NewMember($"a.{tag}@example.org")))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await kim.PostAsync(ConsoleRoutes.Members(id), Form(dortes, NewMember($"b.{tag}@example.org")))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await kim.PostAsync(ConsoleRoutes.Members(id), Form(kims[..^1] + (kims[^1] == '0' ? '1' : '0'), NewMember($"c.{tag}@example.org")))).StatusCode);
        using (var crossSite = new HttpRequestMessage(HttpMethod.Post, ConsoleRoutes.Members(id)) { Content = Form(kims, NewMember($"d.{tag}@example.org")) })
        {
            crossSite.Headers.Add("Sec-Fetch-Site", "cross-site");
            Assert.Equal(HttpStatusCode.Forbidden, (await kim.SendAsync(crossSite)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await kim.PostAsync(ConsoleRoutes.Resume(id), Form(null, ("confirm", "yes")))).StatusCode);
        string[] members = await MemberEmailsAsync(id);
        Assert.All(new[] { "a", "b", "c", "d" }, who => Assert.DoesNotContain($"{who}.{tag}@example.org", members));
        Assert.Equal(HttpStatusCode.SeeOther, (await kim.PostAsync(ConsoleRoutes.Members(id), Form(kims, NewMember($"e.{tag}@example.org")))).StatusCode);
    }

    [Fact]
    public async Task What_cannot_be_undone_is_done_only_with_its_confirmation_ticked()
    {
        string tag = Guid.NewGuid().ToString("N")[..8];
        string id = await NetworkAsync(tag);
        using HttpClient kim = await SignedInAsync("Kim Konsulent", CompressedYear.Email("konsulent", tag));
        string token = await TokenAsync(kim, ConsoleRoutes.Network(id));
        using HttpClient api = fixture.Api();
        JsonObject anne = (await api.GetFromJsonAsync<JsonObject>($"/api/networks/{id}/members"))!["members"]!.AsArray()
            .Select(m => m!.AsObject()).Single(m => (string)m["email"]! == CompressedYear.Email("anne", tag));
        string anneId = (string)anne["id"]!;

        Assert.Equal(HttpStatusCode.BadRequest, (await kim.PostAsync(ConsoleRoutes.EraseMember(id, anneId), Form(token))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await kim.PostAsync(ConsoleRoutes.CancelMeeting(id, 1), Form(token, ("confirm", "on")))).StatusCode);
        Assert.Contains(CompressedYear.Email("anne", tag), await MemberEmailsAsync(id));
        Assert.NotEqual("cancelled", (string?)(await api.GetFromJsonAsync<JsonObject>($"/api/networks/{id}"))!["meetings"]![0]!["phase"]);

        Assert.Equal(HttpStatusCode.SeeOther, (await kim.PostAsync(ConsoleRoutes.EraseMember(id, anneId), Form(token, (ConsoleActions.Confirm, "yes")))).StatusCode);
        using HttpResponseMessage cancelled = await kim.PostAsync(ConsoleRoutes.CancelMeeting(id, 1), Form(token, (ConsoleActions.Confirm, "yes")));
        Assert.Equal(ConsoleRoutes.Done(id, "meeting-cancelled"), cancelled.Headers.Location?.OriginalString);
        Assert.DoesNotContain(CompressedYear.Email("anne", tag), await MemberEmailsAsync(id));
        Assert.Equal("cancelled", (string?)(await api.GetFromJsonAsync<JsonObject>($"/api/networks/{id}"))!["meetings"]![0]!["phase"]);
    }

    [Fact]
    public async Task A_network_started_from_the_form_and_a_roster_file_is_the_one_the_form_described()
    {
        string tag = Guid.NewGuid().ToString("N")[..8];
        string consultant = $"kim.{tag}@example.org";
        using HttpClient kim = await SignedInAsync("Kim Konsulent", consultant);
        string token = await TokenAsync(kim);
        DateTimeOffset day = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow.AddDays(40), TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen"));
        (string, string)[] fields =
        [
            ("name", $"Konsolnetværk {tag}"), ("organisation", "Testrup Kommune"), ("language", "da"), ("timeZone", "Europe/Copenhagen"),
            ("director.name", "Dorte Direktør"), ("director.email", $"dorte.{tag}@example.org"),
            ("facilitator.name", "Frida Facilitator"), ("facilitator.email", $"frida.{tag}@example.org"),
            ("consultant.name", "Kim Konsulent"), ("consultant.email", consultant),
            ("departments", "Center for Skole\nCenter for Kultur"),
            ("meeting1.date", day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), ("meeting1.start", "09:00"), ("meeting1.end", "12:00"), ("meeting1.location", "Rådhuset"),
        ];
        string csv = "\uFEFFNavn;E-mail;Afdeling\r\nAnne Andersen;anne." + tag + "@example.org;Center for Skole\r\nBo Berg;bo." + tag + "@example.org;center for skole\r\n";

        MultipartFormDataContent Post(string roster)
        {
            MultipartFormDataContent form = Form(token, fields);
            form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(roster)), NewNetworkForm.RosterFile, "deltagere.csv");
            return form;
        }

        using (HttpResponseMessage refused = await kim.PostAsync(ConsoleRoutes.New, Post(csv + "Cecilie;ikke-en-adresse;Center for Månen\r\n")))
        {
            string page = await refused.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("<tr><td>4</td><td>E-mail (B)</td>", page, StringComparison.Ordinal);
            Assert.Contains("<tr><td>4</td><td>Afdeling (C)</td>", page, StringComparison.Ordinal);
        }

        (string, string)[] asTyped = fields;
        fields = [.. fields.Select(f => f.Item1 == "consultant.email" ? (f.Item1, $"someone.{tag}@example.org") : f)];
        using (HttpResponseMessage notHers = await kim.PostAsync(ConsoleRoutes.New, Post(csv)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, notHers.StatusCode);
            Assert.Contains("Du kan kun starte et netværk, hvor du selv er", await notHers.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        fields = asTyped;
        using HttpResponseMessage preview = await kim.PostAsync(ConsoleRoutes.New, Post(csv));
        string previewPage = await preview.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("Afdelinger uden medlemmer: Center for Kultur.", previewPage, StringComparison.Ordinal);
        string document = WebUtility.HtmlDecode(DocumentField().Match(previewPage).Groups[1].Value);
        string id = (string)JsonNode.Parse(document)!["networkId"]!;
        using (HttpClient api = fixture.Api())
        {
            Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/networks/{id}")).StatusCode);
        }

        foreach (int attempt in new[] { 1, 2 })
        {
            using HttpResponseMessage kickoff = await kim.PostAsync(ConsoleRoutes.Kickoff, Form(token, ("document", document)));
            Assert.True(kickoff.StatusCode == HttpStatusCode.SeeOther, $"Kickoff {attempt}: {kickoff.StatusCode}");
            Assert.Equal(ConsoleRoutes.Done(id, "started"), kickoff.Headers.Location?.OriginalString);
        }

        Assert.Equal([$"anne.{tag}@example.org", $"bo.{tag}@example.org"], await MemberEmailsAsync(id));
        Assert.Contains("Netværket er startet", await kim.GetStringAsync(ConsoleRoutes.Done(id, "started")), StringComparison.Ordinal);
    }

    /// <summary>The id of the member whose correction form is titled with Nanna's name.</summary>
    [GeneratedRegex("id=\"m-([a-z0-9]+)-edit-details\"><summary>[^<]*Nanna Ny")]
    private static partial Regex NewMemberId();

    [GeneratedRegex("name=\"document\" value=\"([^\"]+)\"")]
    private static partial Regex DocumentField();
}
