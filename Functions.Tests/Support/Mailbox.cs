using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace NetworkFunctions.Tests.Support;

public sealed record MailAttachment(string Filename, string Type, string Content)
{
    public string Text => Encoding.UTF8.GetString(Convert.FromBase64String(Content));

    public byte[] Bytes => Convert.FromBase64String(Content);

    /// <summary>An iCalendar attachment with its folded lines joined again (RFC 5545 section 3.1).</summary>
    public string Unfolded => Text.Replace("\r\n ", "", StringComparison.Ordinal).Replace("\r\n\t", "", StringComparison.Ordinal);
}

public sealed record ReceivedMail(string Id, DateTimeOffset ReceivedAt, string From, IReadOnlyList<string> To, string Subject, string Html, string Text, IReadOnlyList<MailAttachment> Attachments)
{
    public string Recipient => To.Single();

    /// <summary>The personal form link in the mail's text part.</summary>
    public string FormLink => Regex.Match(Text, @"https?://\S+/api/forms/[A-Za-z0-9_.\-]+").Value is { Length: > 0 } link
        ? link
        : throw new InvalidOperationException($"No form link in '{Subject}'.");
}

/// <summary>The local host's mailbox as the tests read it: <c>GET /dev/mailbox/messages</c>.</summary>
public sealed class Mailbox(HttpClient http)
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<IReadOnlyList<ReceivedMail>> AllAsync() =>
        await http.GetFromJsonAsync<List<ReceivedMail>>("/dev/mailbox/messages", Json) ?? [];

    /// <summary>Waits until at least <paramref name="count"/> mails match, then returns the matches.</summary>
    public async Task<IReadOnlyList<ReceivedMail>> WaitForAsync(Func<ReceivedMail, bool> match, int count, TimeSpan timeout, string what) =>
        await Polling.UntilAsync(async () =>
        {
            IReadOnlyList<ReceivedMail> found = (await AllAsync()).Where(match).ToList();
            return found.Count >= count ? found : null;
        }, timeout, $"{count} × {what}");
}
