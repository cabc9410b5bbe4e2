using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using NetworkFunctions.Kickoff;
using NetworkFunctions.Networks;
using NetworkFunctions.Office;
using NetworkFunctions.Overview;
using NetworkFunctions.Rendering;
using NetworkFunctions.Tests.Support;
using NetworkFunctions.Validation;
using static NetworkFunctions.Tests.Support.DomainFixtures;
using NetworkFunctions.Tests.Unit.Overview;
using static NetworkFunctions.Tests.Unit.Overview.DashboardData;

namespace NetworkFunctions.Tests.Unit.Office;

/// <summary>
/// The console's pages: every text found in both languages, what people typed shown as text only, each problem in the
/// summary linked to a field on the page, every form carrying its antiforgery token, and the dashboard's links kept in
/// the console.
/// </summary>
public sealed class ConsolePagesTests
{
    const string Token = "1796141346.0123456789abcdef0123456789abcdef";
    const string Payload = "<script>alert(1)</script>\"><img src=x onerror=alert(1)>";

    static readonly ConsolePages Pages = new(new TemplateRenderer());
    static readonly ConsolePrincipal Sara = new("oid", "t", "Sara " + Payload, new HashSet<string>(["karl@slagelse.dk"]), new HashSet<string>());

    static IHtmlDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    /// <summary>Every console form posts with its token; every link of the summary points at an element of the page.</summary>
    static void AssertWellFormed(string html, string where)
    {
        IHtmlDocument document = HtmlSafety.AssertSafe(html, where);
        foreach (IHtmlFormElement form in document.Forms)
        {
            Assert.Equal("post", form.Method, ignoreCase: true);
            Assert.Equal(Token, form.QuerySelector($"input[name={ConsoleTokens.Field}]")?.GetAttribute("value"));
        }

        foreach (IElement link in document.QuerySelectorAll(".errors a"))
        {
            string target = link.GetAttribute("href")![1..];
            Assert.True(document.GetElementById(target) is not null, $"{where}: the summary links to #{target}, which the page lacks.");
        }

        foreach (IElement field in document.QuerySelectorAll("input:not([type=hidden]), select, textarea"))
        {
            Assert.True(document.QuerySelector($"label[for='{field.Id}']") is not null, $"{where}: the field {field.Id} has no label.");
        }
    }

    [Theory]
    [InlineData(Language.Da)]
    [InlineData(Language.En)]
    public void The_home_page_lists_the_networks_with_the_persons_role(Language language)
    {
        Network network = Network() with { Name = "Netværk " + Payload };

        string html = Pages.Home(language, Sara, admin: false, [Pages.NetworkRow(language, Sara, network)]);

        AssertWellFormed(html, "home");
        HtmlSafety.AssertShows(html, "home", "Netværk " + Payload, "Sara " + Payload);
        Assert.Contains(language == Language.Da ? "Din rolle: konsulent" : "Your role: consultant", HtmlSafety.Shown(Parse(html)), StringComparison.Ordinal);
        Assert.Contains("href=\"/api/console/networks/slagelse-samskabelse-2027\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Language.Da)]
    [InlineData(Language.En)]
    public void The_new_network_form_shows_every_problem_at_its_field_and_keeps_what_was_typed(Language language)
    {
        var fields = new Dictionary<string, string> { ["name"] = Payload, ["meeting2.location"] = Payload, ["director.email"] = "lise(at)slagelse.dk" };
        var errors = new FieldErrors();
        errors.Add("director.email", "Not a valid email address.");
        errors.Add("meeting2.date", "Required: the meeting's date.");
        errors.Add("meetings", "Must hold 1–24 entries; it holds 0.");
        errors.Add("networkId", "Use 3–64 characters.");
        var draft = new NewNetworkDraft(null, errors, [new RosterProblem(4, "E-mail", "B", "Not a valid email address."), RosterProblem.OfFile("The file is empty.")], null);

        string html = Pages.NewNetwork(language, Sara, Token, fields, draft);

        AssertWellFormed(html, "new network");
        IHtmlDocument document = Parse(html);
        Assert.Equal(Payload, ((IHtmlInputElement)document.GetElementById("f-name")!).Value);
        Assert.Equal("true", document.GetElementById("f-director-email")!.GetAttribute("aria-invalid"));
        Assert.Contains("f-director-email-error", document.GetElementById("f-director-email")!.GetAttribute("aria-describedby")!, StringComparison.Ordinal);
        Assert.Equal(5, document.QuerySelectorAll(".errors li").Length);
        Assert.Equal(["4", "E-mail (B)", "Not a valid email address."], document.QuerySelectorAll("#roster-problems + div tbody tr")[0].Children.Select(c => c.TextContent));
        Assert.Equal("multipart/form-data", document.Forms[0].Enctype);
        Assert.Equal(NewNetworkForm.MeetingRows, document.QuerySelectorAll("input[type=date]").Length);
    }

    [Fact]
    public void A_kept_roster_is_carried_in_the_form_and_the_file_is_no_longer_required()
    {
        KickoffMember[] roster = [new("Anne " + Payload, "anne@slagelse.dk", Teknik)];
        var draft = new NewNetworkDraft(null, new FieldErrors(), [], roster);

        IHtmlDocument document = Parse(Pages.NewNetwork(Language.Da, Sara, Token, new Dictionary<string, string>(), draft));

        Assert.Equal(NewNetworkForm.RosterJson(roster), document.QuerySelector($"input[name={NewNetworkForm.RosterField}]")!.GetAttribute("value"));
        Assert.False(document.GetElementById("f-roster")!.HasAttribute("required"));
        Assert.Contains("1 medlemmer", document.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_preview_shows_every_step_of_every_meeting_and_carries_the_document_and_the_way_back()
    {
        Network network = Network(members: [Member("a", Teknik)]);
        var fields = new Dictionary<string, string> { ["name"] = network.Name, ["__console"] = "old", [NewNetworkForm.RosterField] = "old" };

        string html = Pages.Preview(Language.Da, Sara, Token, network, "{\"name\":\"" + Payload + "\"}", fields, [new("A", "a@example.dk", Teknik)]);

        AssertWellFormed(html, "preview");
        IHtmlDocument document = Parse(html);
        Assert.Equal(3, document.QuerySelectorAll("main h2").Length);
        Assert.Equal(8, document.QuerySelectorAll("tbody")[0].Children.Length); // invitation, 2 reminders, deadline, final agenda, meeting, survey, its close
        Assert.Contains("Afdelinger uden medlemmer: " + Born, document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("{\"name\":\"" + Payload + "\"}", document.QuerySelector("#kickoff input[name=document]")!.GetAttribute("value"));
        Assert.Equal("edit", document.QuerySelector("#back input[name=step]")!.GetAttribute("value"));
        Assert.Single(document.QuerySelectorAll($"#back input[name={ConsoleTokens.Field}]"));
        Assert.Single(document.QuerySelectorAll($"#back input[name={NewNetworkForm.RosterField}]"));
    }

    [Fact]
    public void The_network_page_has_a_form_for_each_change_and_keeps_the_dashboards_links_in_the_console()
    {
        Network year = Year(members: [Member("a", Teknik) with { Name = "Anne " + Payload }, Member("b", Born)]);
        DashboardInput input = Input(year, meetings: [Snapshot(1, agenda: true)]) with { Now = At("2027-03-01T10:00:00+01:00"), BasePath = ConsoleRoutes.Network(year.Id) };

        string html = Pages.Network(Sara, Token, input, DashboardPage.RenderBody(new TemplateRenderer(), input), "member-added", null);

        AssertWellFormed(html, "network");
        IHtmlDocument document = Parse(html);
        string[] actions = [.. document.Forms.Select(f => f.Action.Replace("about://", "", StringComparison.Ordinal))];
        Assert.Contains(ConsoleRoutes.Member(year.Id, "a"), actions);
        Assert.Contains(ConsoleRoutes.EraseMember(year.Id, "b"), actions);
        Assert.Contains(ConsoleRoutes.Members(year.Id), actions);
        Assert.Contains(ConsoleRoutes.MoveMeeting(year.Id, 2), actions);
        Assert.DoesNotContain(ConsoleRoutes.MoveMeeting(year.Id, 1), actions); // held already
        Assert.Contains(ConsoleRoutes.Resume(year.Id), actions);
        Assert.True(document.QuerySelector($"form[action='{ConsoleRoutes.CancelMeeting(year.Id, 3)}'] input[type=checkbox][required]") is not null);
        Assert.All(document.QuerySelectorAll("a[href^='/api/networks']"), a => Assert.Fail($"A keyed API link in the console: {a.GetAttribute("href")}"));
        Assert.Contains("Medlemmet er tilføjet", document.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains($"{ConsoleRoutes.Network(year.Id)}/meetings/1/agenda", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"{ConsoleRoutes.MemberData(year.Id, "b")}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("?code=", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refused_change_shows_the_apis_problem_and_an_unknown_done_says_nothing()
    {
        DashboardInput input = Input() with { BasePath = ConsoleRoutes.Network("x") };
        var problem = new ConsoleProblem("The member is not valid.", new Dictionary<string, string[]> { ["email"] = ["Already a member of this network."] });

        IHtmlDocument document = Parse(Pages.Network(Sara, Token, input, "", "<b>made-up</b>", problem));

        Assert.Null(document.QuerySelector("[role=status]"));
        Assert.Contains("email: Already a member of this network.", document.QuerySelector(".errors")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Language.Da)]
    [InlineData(Language.En)]
    public void Every_message_page_renders(Language language)
    {
        foreach ((string title, string text) in new[]
                 {
                     ("console_not_set_up_title", "console_not_set_up"), ("console_signin_title", "console_signin"), ("console_tenant_title", "console_tenant"),
                     ("console_forged_title", "console_forged"), ("console_missing_title", "console_missing"), ("console_unavailable_title", "console_unavailable"),
                     ("console_unavailable_title", "console_unavailable_act"), ("console_being_started_title", "console_being_started"),
                     ("console_refused_title", "console_refused"), ("console_refused_title", "console_refused_start"),
                 })
        {
            string html = Pages.Message(language, Sara, title, text, [("name", Sara.Name)], (ConsoleRoutes.Home, "console_to_home"));
            AssertWellFormed(html, title);
        }
    }
}
