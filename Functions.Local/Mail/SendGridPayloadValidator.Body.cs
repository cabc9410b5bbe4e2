using System.Buffers.Text;
using System.Text.Json;
using static NetworkFunctions.Local.Mail.SendGridMessages;

namespace NetworkFunctions.Local.Mail;

public static partial class SendGridPayloadValidator
{
    private const string TextPlain = "text/plain";
    private const string TextHtml = "text/html";

    private static void CheckContent(JsonElement root, bool hasTemplate, List<SendGridError> errors)
    {
        var content = Get(root, "content");
        if (content is null)
        {
            if (!hasTemplate)
            {
                errors.Add(new(ContentRequired, "content"));
            }

            return;
        }

        if (content.Value.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new(ContentRequired, "content"));
            return;
        }

        if (content.Value.GetArrayLength() == 0)
        {
            if (!hasTemplate)
            {
                errors.Add(new(ContentEmpty, "content"));
            }

            return;
        }

        var types = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var repeated = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var index = 0;
        foreach (var item in content.Value.EnumerateArray())
        {
            var field = $"content.{index}";
            var type = CheckContentType(item, field, errors);
            CheckContentValue(item, field, errors);
            if (type is not null)
            {
                if (index > 0 && type.Equals(TextPlain, StringComparison.OrdinalIgnoreCase) && !types.Contains(TextPlain))
                {
                    errors.Add(new(ContentOrder, "content"));
                }

                if (!types.Add(type) && repeated.Add(type))
                {
                    var plainOrHtml = type.Equals(TextPlain, StringComparison.OrdinalIgnoreCase) || type.Equals(TextHtml, StringComparison.OrdinalIgnoreCase);
                    errors.Add(new(plainOrHtml ? ContentTypesUnique : ContentTypeRepeated(type), "content"));
                }
            }

            index++;
        }
    }

    private static string? CheckContentType(JsonElement item, string field, List<SendGridError> errors)
    {
        if (Get(item, "type") is not { ValueKind: JsonValueKind.String } type)
        {
            errors.Add(new(ContentTypeRequired, field + ".type"));
            return null;
        }

        var text = type.GetString()!;
        if (text.Length == 0)
        {
            errors.Add(new(ContentTypeEmpty, field + ".type"));
            return null;
        }

        if (text.AsSpan().IndexOfAny(";\r\n") >= 0)
        {
            errors.Add(new(ContentTypeCharacters, field + ".type"));
            return null;
        }

        return text;
    }

    private static void CheckContentValue(JsonElement item, string field, List<SendGridError> errors)
    {
        if (Get(item, "value") is not { ValueKind: JsonValueKind.String } value)
        {
            errors.Add(new(ContentValueRequired, field + ".value"));
        }
        else if (value.GetString()!.Length == 0)
        {
            errors.Add(new(ContentValueEmpty, field + ".value"));
        }
    }

    private static void CheckAttachments(JsonElement root, List<SendGridError> errors)
    {
        if (Get(root, "attachments") is not { } attachments)
        {
            return;
        }

        if (attachments.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new(BadRequest, "attachments"));
            return;
        }

        var index = 0;
        foreach (var attachment in attachments.EnumerateArray())
        {
            CheckAttachment(attachment, $"attachments.{index++}", errors);
        }
    }

    private static void CheckAttachment(JsonElement attachment, string field, List<SendGridError> errors)
    {
        var content = Get(attachment, "content");
        if (content is not { ValueKind: JsonValueKind.String } || content.Value.GetString()!.Length == 0)
        {
            errors.Add(new(AttachmentContentEmpty, field + ".content"));
        }
        else if (!Base64.IsValid(content.Value.GetString()!))
        {
            errors.Add(new(AttachmentContentBase64, field + ".content"));
        }

        switch (Get(attachment, "filename"))
        {
            case null:
            case { ValueKind: JsonValueKind.String } f when f.GetString()!.Length == 0:
                errors.Add(new(AttachmentFilenameRequired, field + ".filename"));
                break;
            case { ValueKind: not JsonValueKind.String }:
                errors.Add(new(AttachmentFilenameString, field + ".filename"));
                break;
            case { } f when HasCrLf(f.GetString()!):
                errors.Add(new(AttachmentFilenameCharacters, field + ".filename"));
                break;
        }

        switch (Get(attachment, "type"))
        {
            case { ValueKind: not JsonValueKind.String }:
            case { } t when t.GetString()!.Length == 0:
                errors.Add(new(AttachmentTypeEmpty, field + ".type"));
                break;
            case { } t when t.GetString()!.AsSpan().IndexOfAny(";\r\n") >= 0:
                errors.Add(new(AttachmentTypeCharacters, field + ".type"));
                break;
        }

        if (Get(attachment, "disposition") is { } disposition)
        {
            var provided = disposition.ValueKind == JsonValueKind.String ? disposition.GetString()! : disposition.GetRawText();
            if (disposition.ValueKind != JsonValueKind.String || provided is not ("inline" or "attachment"))
            {
                errors.Add(new(AttachmentDisposition(provided), field + ".disposition"));
            }
        }

        switch (Get(attachment, "content_id"))
        {
            case { ValueKind: not JsonValueKind.String } id:
                errors.Add(new(AttachmentContentIdString(id.GetRawText()), field + ".content_id"));
                break;
            case { } id when HasCrLf(id.GetString()!):
                errors.Add(new(AttachmentContentIdCharacters, field + ".content_id"));
                break;
        }
    }

    private static bool HasCrLf(string value) => value.AsSpan().IndexOfAny('\r', '\n') >= 0;
}
