using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Text.Json;
using System.Text.RegularExpressions;
using Fluid;
using NetworkFunctions.Networks;

namespace NetworkFunctions.Rendering;

/// <summary>
/// Renders the Liquid templates embedded under <c>Functions/Templates</c> with Fluid. HTML output is HTML-encoded
/// by default (a value is shown raw only through the <c>raw</c> filter, used for HTML this code built itself);
/// plain-text output is not encoded. Every template sees the network language's texts as <c>t</c>.
/// </summary>
public sealed partial class TemplateRenderer
{
    static readonly FluidParser Parser = new(new FluidParserOptions { AllowFunctions = false });
    static readonly JsonSerializerOptions ModelJson = new(JsonSerializerDefaults.Web);
    static readonly ConcurrentDictionary<string, IFluidTemplate> Templates = new();
    static readonly ConcurrentDictionary<Language, IReadOnlyDictionary<string, object?>> TextTables = new();
    static readonly TemplateOptions Options = new() { MaxSteps = 1_000_000 };

    /// <summary>Encodes what HTML needs encoded (&lt; &gt; &amp; quotes) and leaves æ, ø, å and other letters readable.</summary>
    static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>The named template rendered as HTML, inside the <c>layout</c> template unless <paramref name="layout"/> is null.</summary>
    public string RenderHtml(string name, object model, Language language, string? layout = "layout")
    {
        Dictionary<string, object?> values = ToValues(model, language);
        string body = Render(name + ".html", values, Html);
        if (layout is null)
        {
            return body;
        }

        values["content"] = body;
        return Render(layout + ".html", values, Html);
    }

    /// <summary>
    /// The content of a page rendered in the <c>layout</c> template, without the page around it: to put an agenda,
    /// summary or report into an email. Member text inside is encoded, so it cannot contain the markers.
    /// </summary>
    public static string BodyOf(string page)
    {
        const string Start = "<!--content-->";
        const string End = "<!--/content-->";
        int from = page.IndexOf(Start, StringComparison.Ordinal);
        int to = page.LastIndexOf(End, StringComparison.Ordinal);
        return from >= 0 && to > from ? page[(from + Start.Length)..to] : page;
    }

    /// <summary>The named template rendered as plain text (no encoding).</summary>
    public string RenderText(string name, object model, Language language) =>
        Render(name + ".txt", ToValues(model, language), NullEncoder.Default).Trim() + Environment.NewLine;

    /// <summary>
    /// One text of the language's table, with <c>{name}</c> placeholders filled in (no encoding: callers encode). One
    /// pass over the text of the table: a value is never searched for placeholders, so a network called "{date}" keeps
    /// its name.
    /// </summary>
    public string Text(Language language, string key, IReadOnlyDictionary<string, string>? placeholders = null)
    {
        string text = TextsOf(language).TryGetValue(key, out object? value) && value is string s
            ? s
            : throw new KeyNotFoundException($"No text '{key}' for language {language}.");
        return placeholders is null or { Count: 0 }
            ? text
            : Placeholder().Replace(text, m => placeholders.TryGetValue(m.Groups[1].Value, out string? replacement) ? replacement : m.Value);
    }

    [GeneratedRegex(@"\{(\w+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    static string Render(string file, Dictionary<string, object?> values, TextEncoder encoder)
    {
        IFluidTemplate template = Templates.GetOrAdd(file, Parse);
        var context = new TemplateContext(Options);
        foreach ((string key, object? value) in values)
        {
            context.SetValue(key, value);
        }

        return template.Render(context, encoder);
    }

    static IFluidTemplate Parse(string file)
    {
        string source = ReadResource(file + ".liquid");
        return Parser.TryParse(source, out IFluidTemplate? template, out string? error)
            ? template
            : throw new InvalidOperationException($"Template {file}: {error}");
    }

    static Dictionary<string, object?> ToValues(object model, Language language)
    {
        var values = (Dictionary<string, object?>)FromJson(JsonSerializer.SerializeToElement(model, model.GetType(), ModelJson))!;
        values["t"] = TextsOf(language);
        values["lang"] = language.ToString().ToLowerInvariant();
        return values;
    }

    static IReadOnlyDictionary<string, object?> TextsOf(Language language) =>
        TextTables.GetOrAdd(language, l =>
        {
            // texts.da.json plus any area's agenda.texts.da.json, report.texts.da.json, …; a key may appear once only.
            string suffix = $"texts.{l.ToString().ToLowerInvariant()}.json";
            var texts = new Dictionary<string, object?>();
            foreach (string resource in typeof(TemplateRenderer).Assembly.GetManifestResourceNames()
                         .Where(r => r.StartsWith("Templates/", StringComparison.Ordinal) && r.EndsWith(suffix, StringComparison.Ordinal))
                         .Order(StringComparer.Ordinal))
            {
                using JsonDocument document = JsonDocument.Parse(ReadResource(resource["Templates/".Length..]));
                foreach ((string key, object? value) in (Dictionary<string, object?>)FromJson(document.RootElement)!)
                {
                    if (!texts.TryAdd(key, value))
                    {
                        throw new InvalidOperationException($"The text '{key}' is defined twice for {l} ({resource}).");
                    }
                }
            }

            return texts;
        });

    /// <summary>JSON turned into the dictionaries, lists and scalars Fluid reads without member registration.</summary>
    static object? FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => FromJson(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().Select(FromJson).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetInt64(out long l) ? l : element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    static string ReadResource(string name)
    {
        Assembly assembly = typeof(TemplateRenderer).Assembly;
        using Stream stream = assembly.GetManifestResourceStream("Templates/" + name)
            ?? throw new FileNotFoundException($"No embedded template Templates/{name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
