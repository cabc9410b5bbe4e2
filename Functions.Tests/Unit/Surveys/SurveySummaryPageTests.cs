using System.Net;
using NetworkFunctions.Networks;
using NetworkFunctions.Rendering;
using NetworkFunctions.Surveys;
using static NetworkFunctions.Tests.Unit.Surveys.SurveyAnswers;

namespace NetworkFunctions.Tests.Unit.Surveys;

public sealed class SurveySummaryPageTests
{
    const string Script = "<script>alert(1)</script>";
    const string Breakout = "\"><img src=x onerror=alert(1)>";

    static readonly TemplateRenderer Renderer = new();

    /// <summary>The HTML as a reader sees it: entities decoded (the encoder writes æ and ø as character references).</summary>
    static string Shown(string html) => WebUtility.HtmlDecode(html);

    static SummaryContext Context(Language language = Language.Da, string? title = "Samskabelse i landdistrikterne") =>
        new("Læringsnetværk for samskabelse", "Slagelse Kommune", 2, title, language);

    static SurveySummary Summary() =>
        SurveySummary.From(
            2,
            [
                Answer("member-anne", 4, 3, 4, worked: "Casesparring på tværs", improve: "Mere tid", nextThemes: "Borgerinddragelse"),
                Answer("member-bo", 5, 4, 3, worked: Script, improve: Breakout, nextThemes: "Tillid & mod"),
                Answer("member-gry", 4, 4, 4),
            ],
            invited: 4);

    [Fact]
    public void WritesDanishWithCommaDecimals()
    {
        (string html, string text) = SurveySummaryPage.Render(Renderer, Summary(), Context());

        Assert.Contains("<html lang=\"da\">", html, StringComparison.Ordinal);
        Assert.Contains("Evaluering af møde 2: Samskabelse i landdistrikterne", Shown(html), StringComparison.Ordinal);
        Assert.Contains("3 af 4 medlemmer har svaret (75 %).", html, StringComparison.Ordinal);
        Assert.Contains("Nye relationer på tværs", Shown(html), StringComparison.Ordinal);
        Assert.Contains(">4,3<", html, StringComparison.Ordinal);
        Assert.Contains(">3,7<", html, StringComparison.Ordinal);
        Assert.Contains("Det fungerede godt", html, StringComparison.Ordinal);
        Assert.Contains("- Nye relationer på tværs: 3,7 (3 svar; 1: 0 · 2: 0 · 3: 1 · 4: 2 · 5: 0)", text, StringComparison.Ordinal);
        Assert.Contains("- Casesparring på tværs", text, StringComparison.Ordinal);
    }

    [Fact]
    public void WritesEnglishWithPointDecimals()
    {
        (string html, string text) = SurveySummaryPage.Render(Renderer, Summary(), Context(Language.En));

        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("Survey summary: meeting 2, Samskabelse i landdistrikterne", html, StringComparison.Ordinal);
        Assert.Contains("3 of 4 members answered (75%).", html, StringComparison.Ordinal);
        Assert.Contains("New relations across departments", html, StringComparison.Ordinal);
        Assert.Contains(">4.3<", html, StringComparison.Ordinal);
        Assert.Contains("- Courage to experiment: 3.7 (3 answers; 1: 0 · 2: 0 · 3: 1 · 4: 2 · 5: 0)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Evaluering", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ShowsMemberTextOnlyEscaped()
    {
        (string html, string text) = SurveySummaryPage.Render(Renderer, Summary(), Context());

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
        Assert.Contains("Tillid &amp; mod", html, StringComparison.Ordinal);
        Assert.Contains("- " + Script, text, StringComparison.Ordinal);
    }

    [Fact]
    public void EscapesTheNetworkAndMeetingNames()
    {
        var context = new SummaryContext("Netværk <b>", "Kommune & co", 3, "<i>tema</i>", Language.Da);

        (string html, _) = SurveySummaryPage.Render(Renderer, Summary(), context);

        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<i>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;", html, StringComparison.Ordinal);
        Assert.Contains(": &lt;i&gt;tema&lt;/i&gt;", html, StringComparison.Ordinal);
        Assert.Contains("Netværk <b>", Shown(html), StringComparison.Ordinal);
        Assert.Contains("Evaluering af møde 3: <i>tema</i>", Shown(html), StringComparison.Ordinal);
    }

    [Fact]
    public void NamesNoMember()
    {
        (string html, string text) = SurveySummaryPage.Render(Renderer, Summary(), Context());

        Assert.DoesNotContain("member-", html + text, StringComparison.Ordinal);
        Assert.Contains("anonyme", html, StringComparison.Ordinal);
    }

    [Fact]
    public void SaysSoWhenNobodyAnswered()
    {
        (string html, string text) = SurveySummaryPage.Render(Renderer, SurveySummary.From(2, [], invited: 18), Context(title: null));

        Assert.Contains("Evaluering af møde 2</h1>", Shown(html), StringComparison.Ordinal);
        Assert.Contains("Ingen af de 18 medlemmer har svaret på evalueringen.", Shown(html), StringComparison.Ordinal);
        Assert.DoesNotContain("Gennemsnit", html, StringComparison.Ordinal);
        Assert.Contains("Ingen af de 18 medlemmer har svaret på evalueringen.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void SaysSoWhenAFreeTextQuestionHasNoAnswers()
    {
        SurveySummary summary = SurveySummary.From(2, [Answer("m1", 3, 3, 3, worked: "Godt")], invited: 2);

        (string html, string text) = SurveySummaryPage.Render(Renderer, summary, Context(Language.En));

        Assert.Contains("Nobody wrote anything here.", html, StringComparison.Ordinal);
        Assert.Contains("Nobody wrote anything here.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void TitlesTheMessage()
    {
        Assert.Equal("Evaluering af møde 2: Samskabelse i landdistrikterne", SurveySummaryPage.Title(Renderer, Context()));
        Assert.Equal("Survey summary: meeting 2", SurveySummaryPage.Title(Renderer, Context(Language.En, title: " ")));
    }
}
