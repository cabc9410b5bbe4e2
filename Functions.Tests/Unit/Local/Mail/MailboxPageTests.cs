using NetworkFunctions.Local.Mail;

namespace NetworkFunctions.Tests.Unit.Local.Mail;

public sealed class MailboxPageTests
{
    private static MailboxEntry Entry(string subject, string? html = "<p>Hi</p>", string? text = "Hi", DateTimeOffset? at = null, params MailboxAttachment[] attachments) =>
        new(Guid.NewGuid().ToString("N"), at ?? new DateTimeOffset(2025, 3, 1, 12, 30, 5, TimeSpan.Zero), "board@example.com", ["member@example.com"],
            subject, html, text, attachments, [], new Dictionary<string, string>(), "msg");

    [Fact]
    public void EscapesTheSubject()
    {
        var page = MailboxPage.Render([Entry("<script>alert(1)</script>")], null);

        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ShowsTheHtmlBodyOnlyInsideASandboxedFrame()
    {
        var page = MailboxPage.Render([Entry("Hi", html: "<p onclick=\"steal()\">Hi \"you\" & co</p><script>alert(2)</script>")], null);

        Assert.Contains(
            "<iframe sandbox srcdoc=\"&lt;p onclick=&quot;steal()&quot;&gt;Hi &quot;you&quot; &amp; co&lt;/p&gt;&lt;script&gt;alert(2)&lt;/script&gt;\"",
            page,
            StringComparison.Ordinal);
        Assert.DoesNotContain("<p onclick", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void EscapesThePlainTextAndAddresses()
    {
        var entry = Entry("Hi", html: null, text: "1 < 2 & </pre><b>bold</b>") with { From = "\"evil\"<x>@example.com", To = ["a&b@example.com"] };

        var page = MailboxPage.Render([entry], null);

        Assert.Contains("<pre>1 &lt; 2 &amp; &lt;/pre&gt;&lt;b&gt;bold&lt;/b&gt;</pre>", page, StringComparison.Ordinal);
        Assert.Contains("&quot;evil&quot;&lt;x&gt;@example.com", page, StringComparison.Ordinal);
        Assert.Contains("a&amp;b@example.com", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<iframe", page, StringComparison.Ordinal);
    }

    [Fact]
    public void ListsNewestFirst()
    {
        var start = new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

        var page = MailboxPage.Render([Entry("First", at: start), Entry("Second", at: start.AddMinutes(1)), Entry("Third", at: start.AddMinutes(2))], null);

        var positions = new[] { "Third", "Second", "First" }.Select(s => page.IndexOf($"<h2>{s}</h2>", StringComparison.Ordinal)).ToArray();
        Assert.All(positions, p => Assert.True(p > 0));
        Assert.Equal(positions.Order(), positions);
        Assert.Contains("2025-03-01 12:02:00 UTC", page, StringComparison.Ordinal);
    }

    [Fact]
    public void LinksEachAttachmentForDownload()
    {
        var entry = Entry("Agenda", attachments: [new MailboxAttachment("agenda.pdf", "application/pdf", "JVBERg=="), new MailboxAttachment("\"><img src=x>.txt", "text/plain", "AA==")]);

        var page = MailboxPage.Render([entry], null);

        Assert.Contains($"href=\"/dev/mailbox/messages/{entry.Id}/attachments/0\" download=\"agenda.pdf\">agenda.pdf</a> (application/pdf)", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/dev/mailbox/messages/{entry.Id}/attachments/1\"", page, StringComparison.Ordinal);
        Assert.Contains("&quot;&gt;&lt;img src=x&gt;.txt", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", page, StringComparison.Ordinal);
    }

    [Fact]
    public void EchoesTheFilterEscaped()
    {
        var page = MailboxPage.Render([], "\"><script>x</script>");

        Assert.Contains("value=\"&quot;&gt;&lt;script&gt;x&lt;/script&gt;\"", page, StringComparison.Ordinal);
        Assert.Contains("No messages.", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/dev/mailbox\">Show all</a>", page, StringComparison.Ordinal);
    }

    [Fact]
    public void FitsAPhone()
    {
        var page = MailboxPage.Render([Entry("Hi")], null);

        Assert.StartsWith("<!doctype html>", page, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">", page, StringComparison.Ordinal);
    }

    [Fact]
    public void KeepsDanishLettersReadable()
    {
        var page = MailboxPage.Render([Entry("Indkaldelse til møde på Ærø")], null);

        Assert.Contains("Indkaldelse til møde på Ærø", page, StringComparison.Ordinal);
    }
}
