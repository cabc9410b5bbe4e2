namespace NetworkFunctions.Local.Mail;

/// <summary>
/// One delivered copy of a message, as one recipient would receive it (spec §6, local mail sink).
/// Serialized camelCase: <c>{id, receivedAt, from, to, subject, html, text, attachments, categories, customArgs, messageId}</c>.
/// </summary>
public sealed record MailboxEntry(
    string Id,
    DateTimeOffset ReceivedAt,
    string From,
    IReadOnlyList<string> To,
    string? Subject,
    string? Html,
    string? Text,
    IReadOnlyList<MailboxAttachment> Attachments,
    IReadOnlyList<string> Categories,
    IReadOnlyDictionary<string, string> CustomArgs,
    string MessageId);

/// <summary>An attachment as sent; <see cref="Content"/> is base64.</summary>
public sealed record MailboxAttachment(string Filename, string Type, string Content);
