using System.Text.Json;
using NetworkFunctions.Email;
using NetworkFunctions.Networks;
using NetworkFunctions.Rendering;
using static NetworkFunctions.Tests.Support.DomainFixtures;

namespace NetworkFunctions.Tests.Unit.Rendering;

public sealed class TemplateRendererTests
{
    static readonly string Templates = Path.Combine(RepositoryRoot, "Functions", "Templates");

    readonly TemplateRenderer renderer = new();

    static Dictionary<string, string> TextFile(string name) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(Templates, name)))!;

    public static TheoryData<string> TextKeys()
    {
        var data = new TheoryData<string>();
        foreach (string key in TextFile("texts.da.json").Keys)
        {
            data.Add(key);
        }

        return data;
    }

    public static TheoryData<string> TextFiles()
    {
        var data = new TheoryData<string>();
        foreach (string? file in Directory.GetFiles(Path.Combine(RepositoryRoot, "Functions", "Templates"), "*texts.da.json").Select(Path.GetFileName).Order(StringComparer.Ordinal))
        {
            data.Add(file!);
        }

        return data;
    }

    public static TheoryData<string, string> LiquidTemplates()
    {
        var data = new TheoryData<string, string>();
        foreach (string? file in Directory.GetFiles(Path.Combine(RepositoryRoot, "Functions", "Templates"), "*.liquid").Select(Path.GetFileName).Order(StringComparer.Ordinal))
        {
            string name = file![..^".liquid".Length];
            data.Add(name[..name.LastIndexOf('.')], name[(name.LastIndexOf('.') + 1)..]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TextKeys))]
    public void HasEveryTextInBothLanguages(string key)
    {
        string da = renderer.Text(Language.Da, key);
        string en = renderer.Text(Language.En, key);

        Assert.False(string.IsNullOrWhiteSpace(da));
        Assert.False(string.IsNullOrWhiteSpace(en));
    }

    [Theory]
    [MemberData(nameof(TextFiles))]
    public void HasTheSameKeysAndPlaceholdersInBothLanguages(string daFile)
    {
        Dictionary<string, string> da = TextFile(daFile);
        Dictionary<string, string> en = TextFile(daFile.Replace(".da.", ".en.", StringComparison.Ordinal));

        Assert.Equal(da.Keys.Order(StringComparer.Ordinal), en.Keys.Order(StringComparer.Ordinal));
        Assert.All(da.Keys, key =>
        {
            Assert.Equal(Placeholders(da[key]), Placeholders(en[key]));
            Assert.Equal(da[key], renderer.Text(Language.Da, key));
            Assert.Equal(en[key], renderer.Text(Language.En, key));
        });
    }

    static string[] Placeholders(string text) =>
        System.Text.RegularExpressions.Regex.Matches(text, @"\{(\w+)\}").Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void FillsInPlaceholdersWithoutEncoding()
    {
        Assert.Equal("Kære <Nina & Ole>", renderer.Text(Language.Da, "greeting", new Dictionary<string, string> { ["name"] = "<Nina & Ole>" }));
        Assert.Equal("Kære {name}", renderer.Text(Language.Da, "greeting"));
    }

    [Fact]
    public void RefusesAnUnknownText()
    {
        Assert.Throws<KeyNotFoundException>(() => renderer.Text(Language.En, "no_such_text"));
    }

    [Theory]
    [MemberData(nameof(LiquidTemplates))]
    public void RendersEveryTemplateWithAnEmptyModel(string name, string kind)
    {
        foreach (Language language in new[] { Language.Da, Language.En })
        {
            var model = new Dictionary<string, object?> { ["title"] = "T", ["networkName"] = "N" };
            string output = kind == "txt"
                ? renderer.RenderText(name, model, language)
                : renderer.RenderHtml(name, model, language, layout: null);

            Assert.NotNull(output);
            Assert.DoesNotContain("{{", output, StringComparison.Ordinal);
            Assert.DoesNotContain("{%", output, StringComparison.Ordinal);
            if (kind == "html" && name is not ("layout" or "page"))
            {
                Assert.Contains("<!--content-->", renderer.RenderHtml(name, model, language), StringComparison.Ordinal);
                Assert.Contains("<!DOCTYPE html>", renderer.RenderHtml(name, model, language, layout: "page"), StringComparison.Ordinal);
            }
        }
    }

    static MessageView Message(string evil) => new(
        evil,
        "Netværk " + evil,
        "Slagelse Kommune",
        "Kære " + evil,
        ["Afsnit " + evil],
        [new DetailRow("Sted " + evil, "Rådhuset " + evil)],
        new ButtonView("https://example.dk/api/forms/abc?x=1&y=2", "Svar " + evil),
        ["Hilsen " + evil],
        Text: "Tekst " + evil);

    [Theory]
    [InlineData(Language.Da)]
    [InlineData(Language.En)]
    public void EncodesTextValuesInTheHtmlMessage(Language language)
    {
        const string Evil = "<script>alert('x')</script>";

        string html = renderer.RenderHtml("message", Message(Evil), language);

        Assert.DoesNotContain("<script>", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("?x=1&amp;y=2", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"" + language.ToString().ToLowerInvariant() + "\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void KeepsTextValuesLiteralInTheTextMessage()
    {
        const string Evil = "<script>alert('x')</script>";

        string text = renderer.RenderText("message", Message(Evil), Language.Da);

        Assert.Contains("Kære " + Evil, text, StringComparison.Ordinal);
        Assert.Contains("Afsnit " + Evil, text, StringComparison.Ordinal);
        Assert.Contains("Sted " + Evil + ": Rådhuset " + Evil, text, StringComparison.Ordinal);
        Assert.Contains("Svar " + Evil + ": https://example.dk/api/forms/abc?x=1&y=2", text, StringComparison.Ordinal);
        Assert.Contains("Tekst " + Evil, text, StringComparison.Ordinal);
        Assert.Contains("Hilsen " + Evil, text, StringComparison.Ordinal);
        Assert.DoesNotContain("&lt;", text, StringComparison.Ordinal);
        Assert.EndsWith(Environment.NewLine, text, StringComparison.Ordinal);
    }

    [Fact]
    public void InsertsTheMessagesOwnHtmlAsItIs()
    {
        string html = renderer.RenderHtml("message", Message("x") with { Html = "<table id=\"agenda\"><tr><td>1</td></tr></table>" }, Language.Da);

        Assert.Contains("<table id=\"agenda\"><tr><td>1</td></tr></table>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ExtractsTheLayoutsContent()
    {
        MessageView view = Message("<!--/content--> & <b>");

        string page = renderer.RenderHtml("message", view, Language.Da);
        string body = TemplateRenderer.BodyOf(page);

        Assert.Equal(renderer.RenderHtml("message", view, Language.Da, layout: null), body);
        Assert.DoesNotContain("<html", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<!--content-->", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<p>no layout</p>")]
    [InlineData("<!--/content--><p>x</p><!--content-->")]
    [InlineData("")]
    public void ReturnsAPageWithoutMarkersAsItIs(string page)
    {
        Assert.Equal(page, TemplateRenderer.BodyOf(page));
    }

    [Fact]
    public void ExtractsBetweenTheFirstStartAndTheLastEndMarker()
    {
        Assert.Equal("<p>a</p><!--/content--><p>b</p>", TemplateRenderer.BodyOf("<html><!--content--><p>a</p><!--/content--><p>b</p><!--/content--></html>"));
    }
}
