using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace NetworkFunctions.Local.Mail;

/// <summary>
/// The HTML view of the mailbox at <c>GET /dev/mailbox</c>, newest first. Every value is HTML-encoded; a message's own
/// HTML is untrusted and is shown only inside <c>&lt;iframe sandbox srcdoc="…"&gt;</c> (no scripts, no same origin).
/// </summary>
public static class MailboxPage
{
    /// <summary>Sent with the page: the page itself never runs script, and neither does anything it frames.</summary>
    public const string ContentSecurityPolicy = "script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'self'";

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private const string Style = """
        body{font:16px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;padding:0 .75rem 2rem;background:#f4f5f7;color:#1d1f23}
        header,main{max-width:60rem;margin:0 auto}
        h1{font-size:1.4rem;margin:1rem 0 .5rem}
        form{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;margin-bottom:.5rem}
        input{font:inherit;padding:.35rem .5rem;min-width:0;flex:1 1 14rem}
        button{font:inherit;padding:.35rem .9rem}
        article{background:#fff;border:1px solid #d9dce1;border-radius:.5rem;padding:.75rem 1rem;margin:.75rem 0}
        h2{font-size:1.1rem;margin:0 0 .4rem;overflow-wrap:anywhere}
        dl{display:grid;grid-template-columns:max-content 1fr;gap:.15rem .75rem;margin:0 0 .5rem;font-size:.9rem}
        dt{color:#5b616b}dd{margin:0;overflow-wrap:anywhere}
        ul{margin:0;padding-left:1.1rem}
        summary{cursor:pointer;color:#2454a6;margin:.3rem 0}
        iframe{width:100%;height:28rem;border:1px solid #d9dce1;border-radius:.25rem;background:#fff}
        pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#f7f7f9;padding:.5rem;border-radius:.25rem;font-size:.85rem}
        .empty{color:#5b616b}
        """;

    /// <param name="entriesOldestFirst">As the mailbox lists them; the page shows them newest first.</param>
    /// <param name="to">The active <c>?to=</c> filter, if any, echoed into the form.</param>
    public static string Render(IReadOnlyList<MailboxEntry> entriesOldestFirst, string? to)
    {
        var html = new StringBuilder(4096);
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<meta name=\"referrer\" content=\"no-referrer\">")
            .Append("<title>Local mailbox</title><style>").Append(Style).Append("</style></head><body>");

        html.Append("<header><h1>Local mailbox</h1><form method=\"get\" action=\"/dev/mailbox\">")
            .Append("<input type=\"search\" name=\"to\" placeholder=\"Recipient address\" aria-label=\"Recipient address\" value=\"")
            .Append(Encode(to)).Append("\"><button type=\"submit\">Filter</button>");
        if (!string.IsNullOrWhiteSpace(to))
        {
            html.Append("<a href=\"/dev/mailbox\">Show all</a>");
        }

        html.Append("</form><p>").Append(entriesOldestFirst.Count.ToString(CultureInfo.InvariantCulture))
            .Append(entriesOldestFirst.Count == 1 ? " message" : " messages").Append(", newest first.</p></header><main>");

        if (entriesOldestFirst.Count == 0)
        {
            html.Append("<p class=\"empty\">No messages.</p>");
        }

        for (var i = entriesOldestFirst.Count - 1; i >= 0; i--)
        {
            AppendEntry(html, entriesOldestFirst[i], open: i == entriesOldestFirst.Count - 1);
        }

        return html.Append("</main></body></html>").ToString();
    }

    private static void AppendEntry(StringBuilder html, MailboxEntry entry, bool open)
    {
        var received = entry.ReceivedAt.ToUniversalTime();
        html.Append("<article><h2>").Append(Encode(string.IsNullOrEmpty(entry.Subject) ? "(no subject)" : entry.Subject)).Append("</h2><dl>")
            .Append("<dt>Time</dt><dd><time datetime=\"").Append(Encode(received.ToString("O", CultureInfo.InvariantCulture))).Append("\">")
            .Append(Encode(received.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture))).Append(" UTC</time></dd>")
            .Append("<dt>From</dt><dd>").Append(Encode(entry.From)).Append("</dd>")
            .Append("<dt>To</dt><dd>").Append(Encode(string.Join(", ", entry.To))).Append("</dd>");

        if (entry.Attachments.Count > 0)
        {
            html.Append("<dt>Attachments</dt><dd><ul>");
            for (var index = 0; index < entry.Attachments.Count; index++)
            {
                var attachment = entry.Attachments[index];
                var href = $"/dev/mailbox/messages/{Uri.EscapeDataString(entry.Id)}/attachments/{index}";
                html.Append("<li><a href=\"").Append(Encode(href)).Append("\" download=\"").Append(Encode(attachment.Filename)).Append("\">")
                    .Append(Encode(attachment.Filename)).Append("</a> (").Append(Encode(attachment.Type)).Append(")</li>");
            }

            html.Append("</ul></dd>");
        }

        html.Append("</dl>");

        if (entry.Attachments.Any(IsInvitation))
        {
            // What the member's calendar would send on Accept, Tentative or Decline, posted to the app as SendGrid would.
            html.Append("<form method=\"post\" action=\"").Append(InboundEndpoints.Route).Append("\" aria-label=\"Answer from the calendar\">")
                .Append("<input type=\"hidden\" name=\"message\" value=\"").Append(Encode(entry.Id)).Append("\">")
                .Append("<span>Reply from the calendar:</span>")
                .Append("<button type=\"submit\" name=\"answer\" value=\"accept\">Accept</button>")
                .Append("<button type=\"submit\" name=\"answer\" value=\"tentative\">Tentative</button>")
                .Append("<button type=\"submit\" name=\"answer\" value=\"decline\">Decline</button></form>");
        }

        if (!string.IsNullOrEmpty(entry.Html))
        {
            html.Append(open ? "<details open>" : "<details>").Append("<summary>HTML</summary>")
                .Append("<iframe sandbox srcdoc=\"").Append(Encode(entry.Html))
                .Append("\" title=\"Message body\" loading=\"lazy\" referrerpolicy=\"no-referrer\"></iframe></details>");
        }

        if (!string.IsNullOrEmpty(entry.Text))
        {
            html.Append(open && string.IsNullOrEmpty(entry.Html) ? "<details open>" : "<details>").Append("<summary>Plain text</summary><pre>")
                .Append(Encode(entry.Text)).Append("</pre></details>");
        }

        html.Append("</article>");
    }

    /// <summary>An invitation's calendar entry (METHOD:REQUEST), which a calendar can answer.</summary>
    private static bool IsInvitation(MailboxAttachment attachment)
    {
        if (!attachment.Type.StartsWith("text/calendar", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(attachment.Content)).Contains("METHOD:REQUEST", StringComparison.Ordinal);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static string Encode(string? value) => string.IsNullOrEmpty(value) ? string.Empty : Encoder.Encode(value);
}
