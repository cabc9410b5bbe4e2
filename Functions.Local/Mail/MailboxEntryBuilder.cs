namespace NetworkFunctions.Local.Mail;

/// <summary>
/// Turns an accepted SendGrid payload into what each recipient receives: one entry per to/cc/bcc address of every
/// personalization, with that personalization's subject, substitutions and custom args applied. Pure apart from new ids.
/// </summary>
public static class MailboxEntryBuilder
{
    public const string DefaultAttachmentType = "application/octet-stream";

    public static IReadOnlyList<MailboxEntry> Build(SendGridPayload payload, string messageId, DateTimeOffset receivedAt)
    {
        var html = ContentOfType(payload, "text/html");
        var text = ContentOfType(payload, "text/plain");
        var attachments = (payload.Attachments ?? [])
            .Select(a => new MailboxAttachment(a.Filename, string.IsNullOrEmpty(a.Type) ? DefaultAttachmentType : a.Type, a.Content))
            .ToArray();
        var categories = payload.Categories ?? [];
        var sections = payload.Sections ?? new Dictionary<string, string>();

        var entries = new List<MailboxEntry>();
        foreach (var personalization in payload.Personalizations ?? [])
        {
            var substitutions = personalization.Substitutions ?? new Dictionary<string, string>();
            string? Personalize(string? value) => Substitute(value, substitutions, sections);

            var from = (personalization.From ?? payload.From)?.Email ?? string.Empty;
            var subject = Personalize(personalization.Subject ?? payload.Subject);
            var personalHtml = Personalize(html);
            var personalText = Personalize(text);
            var customArgs = Merge(payload.CustomArgs, personalization.CustomArgs);
            var recipients = (personalization.To ?? []).Concat(personalization.Cc ?? []).Concat(personalization.Bcc ?? []);
            entries.AddRange(recipients.Select(recipient => new MailboxEntry(
                Guid.NewGuid().ToString("N"),
                receivedAt,
                from,
                [recipient.Email],
                subject,
                personalHtml,
                personalText,
                attachments,
                categories,
                customArgs,
                messageId)));
        }

        return entries;
    }

    /// <summary>
    /// SendGrid's legacy substitution: each key is replaced by its value; section tags a value brings in are then
    /// replaced by the section's text. Longer keys go first so <c>-name-</c> cannot eat part of <c>-name-full-</c>.
    /// </summary>
    public static string? Substitute(string? value, IReadOnlyDictionary<string, string> substitutions, IReadOnlyDictionary<string, string> sections)
    {
        if (string.IsNullOrEmpty(value))
        {
            return value;
        }

        foreach (var map in (IReadOnlyDictionary<string, string>[])[substitutions, sections])
        {
            foreach (var (key, replacement) in map.Where(p => p.Key.Length > 0).OrderByDescending(p => p.Key.Length))
            {
                value = value.Replace(key, replacement, StringComparison.Ordinal);
            }
        }

        return value;
    }

    private static string? ContentOfType(SendGridPayload payload, string type) =>
        payload.Content?.FirstOrDefault(c => string.Equals(c.Type, type, StringComparison.OrdinalIgnoreCase))?.Value;

    private static IReadOnlyDictionary<string, string> Merge(
        IReadOnlyDictionary<string, string>? global, IReadOnlyDictionary<string, string>? personal)
    {
        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in (global ?? new Dictionary<string, string>()).Concat(personal ?? new Dictionary<string, string>()))
        {
            merged[key] = value;
        }

        return merged;
    }
}
