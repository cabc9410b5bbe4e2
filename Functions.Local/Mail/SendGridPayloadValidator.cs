using System.Text.Json;
using System.Text.Unicode;
using static NetworkFunctions.Local.Mail.SendGridMessages;

namespace NetworkFunctions.Local.Mail;

/// <summary>
/// Decides what SendGrid's v3 mail/send would answer to a request body, listing every problem at once.
/// Pure: no I/O, no clock.
/// </summary>
public static partial class SendGridPayloadValidator
{
    public const int MaxPayloadBytes = 30 * 1024 * 1024;
    public const int MaxPersonalizations = 1000;
    public const int MaxRecipients = 1000;
    public const int MaxCategories = 10;

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    public static SendGridValidation Validate(ReadOnlySpan<byte> utf8Json)
    {
        if (utf8Json.Length > MaxPayloadBytes)
        {
            return SendGridValidation.Rejected(413, PayloadTooLarge);
        }

        if (utf8Json.StartsWith(Utf8Bom))
        {
            utf8Json = utf8Json[Utf8Bom.Length..];
        }

        if (!Utf8.IsValid(utf8Json))
        {
            return SendGridValidation.Rejected(415, InvalidUtf8);
        }

        if (!TryParseObject(utf8Json, out var root))
        {
            return SendGridValidation.Rejected(400, BadRequest);
        }

        var errors = new List<SendGridError>();
        var hasTemplate = CheckTemplateId(root, errors);
        CheckFrom(root, errors);
        CheckReplyTo(root, errors);
        var everyPersonalizationHasSubject = CheckPersonalizations(root, errors);
        CheckSubject(root, hasTemplate, everyPersonalizationHasSubject, errors);
        CheckContent(root, hasTemplate, errors);
        CheckAttachments(root, errors);
        CheckCategories(root, errors);
        CheckStringMap(root, "custom_args", "custom_args", CustomArgsStrings, errors, requireEntries: true);
        CheckHeaders(root, "headers", errors);
        CheckStringMap(root, "sections", "sections", SectionsStrings, errors);
        CheckSendAt(root, "send_at", errors);
        CheckString(root, "batch_id", BatchIdString, errors);
        CheckString(root, "ip_pool_name", IpPoolString, errors);
        CheckAsm(root, errors);
        CheckSettings(root, "mail_settings", errors);
        CheckSettings(root, "tracking_settings", errors);

        if (errors.Count > 0)
        {
            return SendGridValidation.Rejected(400, errors);
        }

        SendGridPayload? payload;
        try
        {
            payload = root.Deserialize<SendGridPayload>(MailJson.SendGrid);
        }
        catch (JsonException)
        {
            payload = null;
        }

        return payload is null
            ? SendGridValidation.Rejected(400, BadRequest)
            : SendGridValidation.Accepted(payload, IsSandbox(root));
    }

    private static bool TryParseObject(ReadOnlySpan<byte> utf8Json, out JsonElement root)
    {
        root = default;
        try
        {
            var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = 64 });
            root = JsonElement.ParseValue(ref reader);
            return !reader.Read() && root.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>The property, or null when it is absent or JSON null (the client never writes nulls).</summary>
    private static JsonElement? Get(JsonElement? owner, string name) =>
        owner is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    private static bool IsSandbox(JsonElement root) =>
        Get(Get(Get(root, "mail_settings"), "sandbox_mode"), "enable") is { ValueKind: JsonValueKind.True };

    private static bool CheckTemplateId(JsonElement root, List<SendGridError> errors)
    {
        if (Get(root, "template_id") is not { } templateId)
        {
            return false;
        }

        if (templateId.ValueKind != JsonValueKind.String)
        {
            errors.Add(new(TemplateIdString(templateId.GetRawText()), "template_id"));
            return false;
        }

        return templateId.GetString()!.Length > 0;
    }

    private static void CheckFrom(JsonElement root, List<SendGridError> errors)
    {
        if (Get(root, "from") is not { } from)
        {
            errors.Add(new(FromRequired, "from"));
            return;
        }

        CheckAddress(from, "from", "From", FromInvalid, errors, missingMessage: FromRequired);
    }

    private static void CheckReplyTo(JsonElement root, List<SendGridError> errors)
    {
        if (Get(root, "reply_to") is { } replyTo)
        {
            CheckAddress(replyTo, "reply_to", "Reply-To", ReplyToInvalid, errors);
        }

        if (Get(root, "reply_to_list") is not { } list)
        {
            return;
        }

        if (list.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new(ReplyToInvalid, "reply_to_list"));
            return;
        }

        var index = 0;
        foreach (var address in list.EnumerateArray())
        {
            CheckAddress(address, $"reply_to_list.{index++}", "Reply-To", AddressInvalid, errors);
        }
    }

    /// <summary>Checks an <c>{email, name}</c> object; returns the email when it is valid.</summary>
    private static string? CheckAddress(
        JsonElement address, string field, string label, string invalidMessage, List<SendGridError> errors, string? missingMessage = null)
    {
        if (address.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new(invalidMessage, field + ".email"));
            return null;
        }

        if (Get(address, "name") is { } name && name.ValueKind != JsonValueKind.String)
        {
            errors.Add(new(NameString(label), field + ".name"));
        }

        var email = Get(address, "email");
        if (email is null && missingMessage is not null)
        {
            errors.Add(new(missingMessage, field + ".email"));
            return null;
        }

        var text = email is { ValueKind: JsonValueKind.String } e ? e.GetString()! : null;
        if (text is { Length: > EmailAddressRule.MaxLength })
        {
            errors.Add(new(AddressTooLong(label), field + ".email"));
            return null;
        }

        if (!EmailAddressRule.IsValid(text))
        {
            errors.Add(new(invalidMessage, field + ".email"));
            return null;
        }

        return text;
    }

    private static void CheckSubject(JsonElement root, bool hasTemplate, bool everyPersonalizationHasSubject, List<SendGridError> errors)
    {
        var subject = Get(root, "subject");
        if (subject is { } s && (s.ValueKind != JsonValueKind.String || s.GetString()!.Length == 0))
        {
            errors.Add(new(SubjectEmpty, "subject"));
            return;
        }

        if (subject is null && !hasTemplate && !everyPersonalizationHasSubject)
        {
            errors.Add(new(SubjectRequired, "subject"));
        }
    }
}
