using System.Text;
using System.Text.Json;
using static NetworkFunctions.Local.Mail.SendGridMessages;

namespace NetworkFunctions.Local.Mail;

public static partial class SendGridPayloadValidator
{
    private const int MaxCategoryLength = 255;
    private const int MaxGroupsToDisplay = 25;

    private static readonly HashSet<string> ReservedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "x-sg-id", "x-sg-eid", "received", "dkim-signature", "Content-Type", "Content-Transfer-Encoding",
        "To", "From", "Subject", "Reply-To", "CC", "BCC",
    };

    private static void CheckCategories(JsonElement root, List<SendGridError> errors)
    {
        if (Get(root, "categories") is not { } categories)
        {
            return;
        }

        if (categories.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new(CategoriesStrings, "categories"));
            return;
        }

        var count = categories.GetArrayLength();
        if (count > MaxCategories)
        {
            errors.Add(new(TooManyCategories(count), "categories"));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var notStringReported = false;
        var notAsciiReported = false;
        foreach (var category in categories.EnumerateArray())
        {
            if (category.ValueKind != JsonValueKind.String)
            {
                if (!notStringReported)
                {
                    errors.Add(new(CategoriesStrings, "categories"));
                    notStringReported = true;
                }

                continue;
            }

            var text = category.GetString()!;
            if (text.Length > MaxCategoryLength)
            {
                errors.Add(new(CategoryTooLong(text), "categories"));
            }

            if (!Ascii.IsValid(text) && !notAsciiReported)
            {
                errors.Add(new(CategoriesAscii, "categories"));
                notAsciiReported = true;
            }

            if (!seen.Add(text))
            {
                errors.Add(new(CategoryRepeated(text), "categories"));
            }
        }
    }

    /// <summary>An object whose values must all be strings (custom_args, substitutions, sections).</summary>
    private static bool CheckStringMap(
        JsonElement owner, string property, string field, string message, List<SendGridError> errors, bool requireEntries = false)
    {
        if (Get(owner, property) is not { } map)
        {
            return false;
        }

        if (map.ValueKind != JsonValueKind.Object || map.EnumerateObject().Any(p => p.Value.ValueKind != JsonValueKind.String))
        {
            errors.Add(new(message, field));
            return false;
        }

        if (requireEntries && !map.EnumerateObject().Any())
        {
            errors.Add(new(CustomArgsEmpty, field));
            return false;
        }

        return true;
    }

    private static void CheckHeaders(JsonElement owner, string field, List<SendGridError> errors)
    {
        if (!CheckStringMap(owner, "headers", field, HeadersStrings, errors))
        {
            return;
        }

        var names = Get(owner, "headers")!.Value.EnumerateObject().Select(p => p.Name).ToArray();
        if (names.Any(n => n.Length == 0 || !Ascii.IsValid(n) || n.Any(char.IsWhiteSpace)))
        {
            errors.Add(new(HeaderKeys, field));
        }

        if (names.Any(ReservedHeaders.Contains))
        {
            errors.Add(new(HeaderReserved, field));
        }
    }

    private static void CheckSendAt(JsonElement owner, string field, List<SendGridError> errors)
    {
        if (Get(owner, "send_at") is { } sendAt && !(sendAt.ValueKind == JsonValueKind.Number && sendAt.TryGetInt64(out _)))
        {
            errors.Add(new(SendAtInteger, field));
        }
    }

    private static void CheckString(JsonElement owner, string property, string message, List<SendGridError> errors)
    {
        if (Get(owner, property) is { ValueKind: not JsonValueKind.String })
        {
            errors.Add(new(message, property));
        }
    }

    private static void CheckAsm(JsonElement root, List<SendGridError> errors)
    {
        if (Get(root, "asm") is not { } asm)
        {
            return;
        }

        if (Get(asm, "group_id") is not { ValueKind: JsonValueKind.Number } groupId || !groupId.TryGetInt32(out _))
        {
            errors.Add(new(AsmGroupId, "asm.group_id"));
        }

        if (Get(asm, "groups_to_display") is not { } display)
        {
            return;
        }

        if (display.ValueKind != JsonValueKind.Array || display.EnumerateArray().Any(g => g.ValueKind != JsonValueKind.Number || !g.TryGetInt32(out _)))
        {
            errors.Add(new(AsmGroupsToDisplay, "asm.groups_to_display"));
        }
        else if (display.GetArrayLength() > MaxGroupsToDisplay)
        {
            errors.Add(new(AsmGroupsLimit, "asm.groups_to_display"));
        }
    }

    /// <summary>mail_settings and tracking_settings: every <c>enable</c> must be a boolean.</summary>
    private static void CheckSettings(JsonElement root, string section, List<SendGridError> errors)
    {
        if (Get(root, section) is not { } settings)
        {
            return;
        }

        if (settings.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new(BadRequest, section));
            return;
        }

        foreach (var setting in settings.EnumerateObject())
        {
            if (Get(setting.Value, "enable") is { ValueKind: not (JsonValueKind.True or JsonValueKind.False) })
            {
                var label = setting.Name == "ganalytics" ? "Google Analytics" : setting.Name.Replace('_', ' ');
                errors.Add(new(SettingEnable(label), $"{section}.{setting.Name}.enable"));
            }
        }
    }
}
