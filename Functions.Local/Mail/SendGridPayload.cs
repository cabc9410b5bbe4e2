using System.Text.Json;
using System.Text.Json.Serialization;

namespace NetworkFunctions.Local.Mail;

/// <summary>
/// The body of <c>POST /v3/mail/send</c> as the SendGrid client (9.29.3, <c>SendGridMessage.Serialize</c>) writes it.
/// Read only after <see cref="SendGridPayloadValidator"/> has accepted the JSON, so the types always fit.
/// </summary>
public sealed record SendGridPayload(
    [property: JsonPropertyName("from")] SendGridAddress? From,
    [property: JsonPropertyName("reply_to")] SendGridAddress? ReplyTo,
    [property: JsonPropertyName("reply_to_list")] IReadOnlyList<SendGridAddress>? ReplyToList,
    [property: JsonPropertyName("personalizations")] IReadOnlyList<SendGridPersonalization>? Personalizations,
    [property: JsonPropertyName("subject")] string? Subject,
    [property: JsonPropertyName("content")] IReadOnlyList<SendGridContent>? Content,
    [property: JsonPropertyName("attachments")] IReadOnlyList<SendGridAttachment>? Attachments,
    [property: JsonPropertyName("template_id")] string? TemplateId,
    [property: JsonPropertyName("headers")] IReadOnlyDictionary<string, string>? Headers,
    [property: JsonPropertyName("sections")] IReadOnlyDictionary<string, string>? Sections,
    [property: JsonPropertyName("categories")] IReadOnlyList<string>? Categories,
    [property: JsonPropertyName("custom_args")] IReadOnlyDictionary<string, string>? CustomArgs,
    [property: JsonPropertyName("send_at")] long? SendAt,
    [property: JsonPropertyName("batch_id")] string? BatchId,
    [property: JsonPropertyName("asm")] SendGridAsm? Asm,
    [property: JsonPropertyName("ip_pool_name")] string? IpPoolName,
    [property: JsonPropertyName("mail_settings")] JsonElement? MailSettings,
    [property: JsonPropertyName("tracking_settings")] JsonElement? TrackingSettings);

public sealed record SendGridAddress(
    [property: JsonPropertyName("email")] string Email,
    [property: JsonPropertyName("name")] string? Name);

public sealed record SendGridPersonalization(
    [property: JsonPropertyName("to")] IReadOnlyList<SendGridAddress>? To,
    [property: JsonPropertyName("cc")] IReadOnlyList<SendGridAddress>? Cc,
    [property: JsonPropertyName("bcc")] IReadOnlyList<SendGridAddress>? Bcc,
    [property: JsonPropertyName("from")] SendGridAddress? From,
    [property: JsonPropertyName("subject")] string? Subject,
    [property: JsonPropertyName("headers")] IReadOnlyDictionary<string, string>? Headers,
    [property: JsonPropertyName("substitutions")] IReadOnlyDictionary<string, string>? Substitutions,
    [property: JsonPropertyName("custom_args")] IReadOnlyDictionary<string, string>? CustomArgs,
    [property: JsonPropertyName("send_at")] long? SendAt,
    [property: JsonPropertyName("dynamic_template_data")] JsonElement? DynamicTemplateData);

public sealed record SendGridContent(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("value")] string Value);

public sealed record SendGridAttachment(
    [property: JsonPropertyName("content")] string Content,
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("filename")] string Filename,
    [property: JsonPropertyName("disposition")] string? Disposition,
    [property: JsonPropertyName("content_id")] string? ContentId);

public sealed record SendGridAsm(
    [property: JsonPropertyName("group_id")] int GroupId,
    [property: JsonPropertyName("groups_to_display")] IReadOnlyList<int>? GroupsToDisplay);
