using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace NetworkFunctions.Tests.Support;

/// <summary>
/// An HTML output read the way a browser or mail client reads it (AngleSharp's HTML5 parser), then checked for
/// anything a member's text could have added: script, event handlers, script URLs, frames, elements no template
/// writes. And the text a reader sees, to check that member text arrived as text.
/// </summary>
public static class HtmlSafety
{
    static readonly HtmlParser Parser = new();

    /// <summary>Every element the templates write. An element of another name came from a payload.</summary>
    static readonly HashSet<string> TemplateElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "html", "head", "meta", "title", "style", "body", "main", "header", "nav", "section", "h1", "h2", "h3", "p", "div", "span",
        "strong", "em", "br", "a", "img", "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "ul", "ol", "li",
        "dl", "dt", "dd", "blockquote", "form", "fieldset", "legend", "label", "input", "select", "option", "textarea",
        "button", "details", "summary",
    };

    static readonly string[] UrlAttributes = ["href", "src", "action", "formaction", "data", "xlink:href", "background", "poster"];

    /// <summary>Fails with <paramref name="where"/> named if the HTML holds anything a payload could have put there.</summary>
    public static IHtmlDocument AssertSafe(string html, string where)
    {
        IHtmlDocument document = Parser.ParseDocument(html);
        var problems = new List<string>();
        foreach (IElement element in document.All)
        {
            string tag = element.LocalName;
            if (!TemplateElements.Contains(tag))
            {
                problems.Add($"<{tag}> element");
            }

            if (tag is "style" or "meta" && element.ParentElement?.LocalName != "head")
            {
                problems.Add($"<{tag}> outside <head>");
            }

            if (tag == "meta" && element.HasAttribute("http-equiv"))
            {
                problems.Add("<meta http-equiv>");
            }

            foreach (IAttr attribute in element.Attributes)
            {
                string name = attribute.Name.ToLowerInvariant();
                if (name.StartsWith("on", StringComparison.Ordinal))
                {
                    problems.Add($"<{tag} {name}=…> event handler");
                }

                if (name is "srcdoc" or "autofocus")
                {
                    problems.Add($"<{tag} {name}>");
                }

                if (UrlAttributes.Contains(name) && IsScriptUrl(attribute.Value))
                {
                    problems.Add($"<{tag} {name}=\"{attribute.Value}\"> script URL");
                }
            }
        }

        if (document.QuerySelectorAll("body").Length != 1 || document.QuerySelectorAll("head").Length != 1)
        {
            problems.Add("not exactly one head and one body");
        }

        Assert.True(problems.Count == 0, $"{where}: {string.Join("; ", problems.Distinct())}");
        return document;
    }

    /// <summary>
    /// What a reader of the page sees as text: the text of the document (title and form fields included) and the
    /// values of text inputs, entities decoded, line ends as \n (a character reference may have kept a CR).
    /// </summary>
    public static string Shown(IHtmlDocument document) =>
        string.Join("\n", document.QuerySelectorAll("title, body").Select(e => e.TextContent)
            .Concat(document.QuerySelectorAll("input[value]").Select(e => e.GetAttribute("value")!))
            .Concat(document.QuerySelectorAll("img[alt]").Select(e => e.GetAttribute("alt")!)))
            .Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    /// <summary>Checks the output and that each text is shown in it as the same text.</summary>
    public static string AssertShows(string html, string where, params IEnumerable<string> texts)
    {
        string shown = Shown(AssertSafe(html, where));
        foreach (string text in texts)
        {
            Assert.True(shown.Contains(text, StringComparison.Ordinal), $"{where} does not show {Quote(text)}.");
        }

        return shown;
    }

    public static string Quote(string text) => "'" + text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "'";

    static bool IsScriptUrl(string value)
    {
        string url = new string(value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray()).ToLowerInvariant();
        return url.StartsWith("javascript:", StringComparison.Ordinal)
            || url.StartsWith("vbscript:", StringComparison.Ordinal)
            || url.StartsWith("data:", StringComparison.Ordinal) && !url.StartsWith("data:image/png;base64,", StringComparison.Ordinal);
    }
}
