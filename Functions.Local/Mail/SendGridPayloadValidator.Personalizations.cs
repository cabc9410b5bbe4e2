using System.Text.Json;
using static NetworkFunctions.Local.Mail.SendGridMessages;

namespace NetworkFunctions.Local.Mail;

public static partial class SendGridPayloadValidator
{
    private static readonly string[] RecipientKinds = ["to", "cc", "bcc"];

    /// <summary>Checks the personalizations; returns whether every one of them carries a usable subject.</summary>
    private static bool CheckPersonalizations(JsonElement root, List<SendGridError> errors)
    {
        if (Get(root, "personalizations") is not { ValueKind: JsonValueKind.Array } personalizations)
        {
            errors.Add(new(PersonalizationsRequired, "personalizations"));
            return false;
        }

        var count = personalizations.GetArrayLength();
        if (count == 0)
        {
            errors.Add(new(PersonalizationsEmpty, "personalizations"));
            return false;
        }

        if (count > MaxPersonalizations)
        {
            errors.Add(new(TooManyPersonalizations(count), "personalizations"));
        }

        var everyHasSubject = true;
        var recipients = 0;
        var index = 0;
        foreach (var personalization in personalizations.EnumerateArray())
        {
            var field = $"personalizations.{index++}";
            if (personalization.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new(ToRequired, field + ".to"));
                everyHasSubject = false;
                continue;
            }

            recipients += CheckRecipients(personalization, field, errors);
            if (Get(personalization, "from") is { } from)
            {
                CheckAddress(from, field + ".from", "From", FromInvalid, errors);
            }

            everyHasSubject &= CheckPersonalizationSubject(personalization, field, errors);
            CheckStringMap(personalization, "substitutions", field + ".substitutions", SubstitutionsStrings, errors);
            CheckStringMap(personalization, "custom_args", field + ".custom_args", CustomArgsStrings, errors, requireEntries: true);
            CheckHeaders(personalization, field + ".headers", errors);
            CheckSendAt(personalization, field + ".send_at", errors);
        }

        if (recipients > MaxRecipients)
        {
            errors.Add(new(TooManyRecipients, "personalizations"));
        }

        return everyHasSubject;
    }

    /// <summary>Checks to, cc and bcc of one personalization; returns how many recipients it names.</summary>
    private static int CheckRecipients(JsonElement personalization, string field, List<SendGridError> errors)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var duplicateReported = false;
        var count = 0;
        foreach (var kind in RecipientKinds)
        {
            var list = Get(personalization, kind);
            if (list is null || (kind == "to" && list.Value.ValueKind == JsonValueKind.Array && list.Value.GetArrayLength() == 0))
            {
                if (kind == "to")
                {
                    errors.Add(new(ToRequired, field + ".to"));
                }

                continue;
            }

            if (list.Value.ValueKind != JsonValueKind.Array)
            {
                errors.Add(new(RecipientArray(kind), $"{field}.{kind}"));
                continue;
            }

            var index = 0;
            foreach (var recipient in list.Value.EnumerateArray())
            {
                count++;
                var email = CheckAddress(recipient, $"{field}.{kind}.{index++}", RecipientLabel(kind), AddressInvalid, errors);
                if (email is not null && !seen.Add(email) && !duplicateReported)
                {
                    errors.Add(new(DuplicateRecipient(email, $"{field}.{kind}"), field));
                    duplicateReported = true;
                }
            }
        }

        return count;
    }

    private static string RecipientLabel(string kind) => kind == "to" ? "To" : kind.ToUpperInvariant();

    /// <summary>True when the personalization settles the subject itself (a bad one is reported here, not again as missing).</summary>
    private static bool CheckPersonalizationSubject(JsonElement personalization, string field, List<SendGridError> errors)
    {
        if (Get(personalization, "subject") is not { } subject)
        {
            return false;
        }

        if (subject.ValueKind != JsonValueKind.String || subject.GetString()!.Length == 0)
        {
            errors.Add(new(SubjectEmpty, field + ".subject"));
        }

        return true;
    }
}
