using System.Net;
using System.Text.Json;
using NetworkFunctions.Agenda;
using NetworkFunctions.Networks;
using NetworkFunctions.Rendering;
using static NetworkFunctions.Tests.Unit.Agenda.AgendaFixtures;
using AgendaModel = NetworkFunctions.Agenda.MeetingAgenda;

namespace NetworkFunctions.Tests.Unit.Agenda;

public sealed class AgendaPageTests
{
    const string Script = "<script>alert(1)</script>";
    const string Breakout = "\"><img src=x onerror=alert(1)>";

    static readonly TemplateRenderer Renderer = new();
    static readonly TimeZoneInfo Copenhagen = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");

    static AgendaContext Context(Language language = Language.Da, string? title = "Samskabelse i praksis") =>
        new("Læringsnetværk for samskabelse", "Slagelse Kommune", title, "Rådhuset, mødelokale 1", language, Copenhagen);

    static AgendaModel Sample(TimeSpan? length = null, DateTimeOffset? start = null, IReadOnlyList<AgendaCandidate>? candidates = null) =>
        AgendaAssembler.Assemble(Input(
            length ?? TimeSpan.FromHours(3.5),
            candidates ??
            [
                Theme("a", "Samskabelse i landdistrikterne", minute: 1),
                Candidate("b", ContributionType.Experience, "Landdistrikter og samskabelse", minute: 2, department: Skole, description: "Vi prøvede et borgermøde i forsamlingshuset."),
                Case("c", "Byen møder vandet", minute: 3, from: 1),
                Challenge("d", "Ingen tid til borgerinddragelse", minute: 4),
            ],
            meeting: 2,
            attendance: [new(Teknik, Attendance.Yes), new(Teknik, Attendance.Maybe), new(Skole, null), new(Borger, Attendance.No)],
            start: start));

    static string Decoded(string html) => WebUtility.HtmlDecode(html);

    [Fact]
    public void EscapesMemberTextEverywhere()
    {
        AgendaCandidate Hostile(string member, ContributionType type, int minute) =>
            new(member, Script + " Bo", Breakout, new Contribution(type, Script, Breakout + "\n" + Script), Submitted.AddMinutes(minute), 2);
        var candidates = new List<AgendaCandidate>
        {
            Hostile("a", ContributionType.Theme, 0),
            Hostile("b", ContributionType.Case, 1),
            Hostile("c", ContributionType.Challenge, 2),
        };
        candidates.AddRange(Enumerable.Range(0, 8).Select(i => Hostile($"x{i}", ContributionType.Case, 10 + i)));
        AgendaModel agenda = Sample(candidates: candidates);
        Assert.NotEmpty(agenda.NotFitted);
        var context = Context() with { MeetingTitle = Breakout, Location = Script };

        (string html, string text) = AgendaPage.Render(Renderer, agenda, context);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
        int shown = Decoded(html).Split(Script).Length - 1;
        Assert.True(shown >= 20, $"member text shown {shown} times");
        Assert.Contains(Script, text, StringComparison.Ordinal);
        Assert.Contains(Breakout, text, StringComparison.Ordinal);
    }

    [Fact]
    public void UsesNoRawOutputInTheAgendaTemplates()
    {
        foreach (string name in new[] { "Templates/agenda.html.liquid", "Templates/agenda.txt.liquid" })
        {
            using Stream stream = typeof(AgendaPage).Assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            Assert.DoesNotContain("raw", reader.ReadToEnd(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void WritesDanishTexts()
    {
        (string html, string text) = AgendaPage.Render(Renderer, Sample(), Context(Language.Da));

        string page = Decoded(html);
        Assert.Contains("<html lang=\"da\">", html, StringComparison.Ordinal);
        Assert.Contains("Dagsorden – Møde 2: Samskabelse i praksis", page, StringComparison.Ordinal);
        Assert.Contains("onsdag den 3. februar 2027, kl. 09:00–12:30", page, StringComparison.Ordinal);
        Assert.Contains("Fra frustration til handlemuligheder", page, StringComparison.Ordinal);
        Assert.Contains("Næste skridt og evaluering", page, StringComparison.Ordinal);
        Assert.Contains("Sparring på case", page, StringComparison.Ordinal);
        Assert.Contains("på tværs af centre", page, StringComparison.Ordinal);
        Assert.Contains("videreført fra møde 1", page, StringComparison.Ordinal);
        Assert.Contains("Tilmeldinger fordelt på centre", page, StringComparison.Ordinal);
        Assert.DoesNotContain("From frustration", page, StringComparison.Ordinal);
        Assert.Contains("Fra frustration til handlemuligheder", text, StringComparison.Ordinal);
        Assert.Contains("Rådhuset, mødelokale 1", text, StringComparison.Ordinal);
    }

    [Fact]
    public void WritesEnglishTexts()
    {
        (string html, string text) = AgendaPage.Render(Renderer, Sample(), Context(Language.En, title: null));

        string page = Decoded(html);
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("Agenda – Meeting 2", page, StringComparison.Ordinal);
        Assert.Contains("Wednesday 3 February 2027, 09:00–12:30", page, StringComparison.Ordinal);
        Assert.Contains("From frustration to options for action", page, StringComparison.Ordinal);
        Assert.Contains("Next steps and evaluation", page, StringComparison.Ordinal);
        Assert.Contains("carried over from meeting 1", page, StringComparison.Ordinal);
        Assert.Contains("Attendance by department", page, StringComparison.Ordinal);
        Assert.DoesNotContain("handlemuligheder", page, StringComparison.Ordinal);
        Assert.Contains("From frustration to options for action", text, StringComparison.Ordinal);
    }

    [Fact]
    public void HasTheSameTextKeysInBothLanguages()
    {
        static IEnumerable<string> Keys(string language)
        {
            using Stream stream = typeof(AgendaPage).Assembly.GetManifestResourceStream($"Templates/agenda.texts.{language}.json")!;
            using JsonDocument document = JsonDocument.Parse(stream);
            return document.RootElement.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
        }

        Assert.Equal(Keys("da"), Keys("en"));
        Assert.All(Keys("da"), key => Assert.StartsWith("agenda_", key, StringComparison.Ordinal));
    }

    [Fact]
    public void ShowsTimesInTheNetworksTimeZone()
    {
        AgendaModel winter = Sample(start: new DateTimeOffset(2027, 2, 3, 8, 0, 0, TimeSpan.Zero));
        AgendaModel summer = Sample(start: new DateTimeOffset(2027, 6, 2, 7, 0, 0, TimeSpan.Zero));

        string winterHtml = AgendaPage.Render(Renderer, winter, Context()).Html;
        string summerHtml = AgendaPage.Render(Renderer, summer, Context()).Html;

        foreach (string html in new[] { winterHtml, summerHtml })
        {
            Assert.Contains(">09:00<br>", html, StringComparison.Ordinal);
            Assert.Contains(">09:15<br>", html, StringComparison.Ordinal);
            Assert.Contains(">12:30</span>", html, StringComparison.Ordinal);
            Assert.DoesNotContain("08:00", html, StringComparison.Ordinal);
            Assert.DoesNotContain("07:00", html, StringComparison.Ordinal);
            Assert.Contains("Europe/Copenhagen", html, StringComparison.Ordinal);
        }

        Assert.Contains("onsdag den 2. juni 2027", Decoded(summerHtml), StringComparison.Ordinal);
    }

    [Fact]
    public void ShowsSecondsForCompressedMeetings()
    {
        AgendaModel agenda = Sample(length: TimeSpan.FromSeconds(30), start: new DateTimeOffset(2027, 2, 3, 8, 0, 0, TimeSpan.Zero));

        (string html, string text) = AgendaPage.Render(Renderer, agenda, Context());

        Assert.Contains(">09:00:00<br>", html, StringComparison.Ordinal);
        Assert.Contains(">09:00:30</span>", html, StringComparison.Ordinal);
        Assert.Contains("kl. 09:00:00–09:00:30", Decoded(html), StringComparison.Ordinal);
        Assert.Contains("komprimeret", Decoded(html), StringComparison.Ordinal);
        Assert.Contains("09:00:00–09:00:02  Check-in", text, StringComparison.Ordinal);
        Assert.DoesNotContain("komprimeret", Decoded(AgendaPage.Render(Renderer, Sample(), Context()).Html), StringComparison.Ordinal);
    }

    [Fact]
    public void ListsTheTimeBoxesWithTheirContributions()
    {
        (string html, string text) = AgendaPage.Render(Renderer, Sample(), Context());

        string page = Decoded(html);
        Assert.Equal(7, html.Split("class=\"agenda-item ").Length - 1);
        Assert.Contains("Tema: Samskabelse i landdistrikterne", page, StringComparison.Ordinal);
        Assert.Contains("Vi prøvede et borgermøde i forsamlingshuset.", page, StringComparison.Ordinal);
        Assert.Contains("Navn b, Center for Skole", page, StringComparison.Ordinal);
        Assert.Contains("Erfaring", page, StringComparison.Ordinal);
        Assert.Contains("Sparring på case: Byen møder vandet", page, StringComparison.Ordinal);
        Assert.True(
            page.IndexOf("Check-in", StringComparison.Ordinal) < page.IndexOf("Fagligt input", StringComparison.Ordinal)
            && page.IndexOf("Fagligt input", StringComparison.Ordinal) < page.IndexOf("Tema: Samskabelse", StringComparison.Ordinal)
            && page.IndexOf("Fra frustration til handlemuligheder", StringComparison.Ordinal) < page.IndexOf("Næste skridt og evaluering", StringComparison.Ordinal));
        Assert.Contains("09:00–09:15  Check-in", text, StringComparison.Ordinal);
        Assert.Contains("  - [Udfordring] Ingen tid til borgerinddragelse – Navn d, Center for Teknik & Miljø", text, StringComparison.Ordinal);
        Assert.Contains("    Vi prøvede et borgermøde i forsamlingshuset.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void SaysSoWhenNoChallengesWereSentIn()
    {
        AgendaModel agenda = Sample(candidates: [Theme("a", "Samskabelse")]);

        string page = Decoded(AgendaPage.Render(Renderer, agenda, Context()).Html);

        Assert.Contains("Fra frustration til handlemuligheder", page, StringComparison.Ordinal);
        Assert.Contains("Ingen udfordringer er meldt ind på forhånd", page, StringComparison.Ordinal);
    }

    [Fact]
    public void ShowsAttendanceByDepartment()
    {
        (string html, string text) = AgendaPage.Render(Renderer, Sample(), Context());

        string page = Decoded(html);
        Assert.Contains("Center for Teknik & Miljø</td><td align=\"right\" style=\"padding:4px;border-bottom:1px solid #eceeed;\">1</td><td align=\"right\" style=\"padding:4px;border-bottom:1px solid #eceeed;\">1</td>", page, StringComparison.Ordinal);
        Assert.Contains("Center for Teknik &amp; Miljø", html.Replace("&#xF8;", "ø", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("- Center for Skole: Ja 0, Måske 0, Nej 0, Ikke svaret 1", text, StringComparison.Ordinal);
        Assert.Contains("- I alt: Ja 1, Måske 1, Nej 1, Ikke svaret 1", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ListsWhatDidNotFit()
    {
        var candidates = Enumerable.Range(0, 8).Select(i => Theme($"m{i}", Subjects[i], minute: i)).ToList();
        candidates.Add(Theme("old", Subjects[9], minute: 99, from: 1));
        AgendaModel agenda = Sample(candidates: candidates);

        (string html, string text) = AgendaPage.Render(Renderer, agenda, Context());

        string page = Decoded(html);
        string notFitted = page[page.IndexOf("Ikke plads denne gang", StringComparison.Ordinal)..];
        Assert.Contains(Subjects[5], notFitted, StringComparison.Ordinal);
        Assert.Contains(Subjects[7], notFitted, StringComparison.Ordinal);
        Assert.DoesNotContain(Subjects[9], notFitted, StringComparison.Ordinal);
        Assert.Contains("- [Tema] " + Subjects[6], text, StringComparison.Ordinal);
        Assert.Contains(
            "Alle bidrag fik plads på dagsordenen.",
            Decoded(AgendaPage.Render(Renderer, Sample(), Context()).Html),
            StringComparison.Ordinal);
    }

    [Fact]
    public void TitlesThePage()
    {
        Assert.Equal("Dagsorden – Møde 2: Samskabelse i praksis", AgendaPage.Title(Renderer, Sample(), Context()));
        Assert.Equal("Agenda – Meeting 2", AgendaPage.Title(Renderer, Sample(), Context(Language.En, title: " ")));
    }
}
