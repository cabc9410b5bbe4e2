using System.Globalization;
using Microsoft.Extensions.Primitives;
using NetworkFunctions.Validation;

namespace NetworkFunctions.Minutes;

/// <summary>
/// Reads the minutes form: <c>revision</c>, per block <c>keyPoints{i}</c>, <c>decisions{i}</c>, <c>followUps{i}</c>
/// (at most <see cref="MaxText"/> characters each), <c>came</c> (one value per member who came; ids of the network's
/// members only) and <c>action</c> (<c>send</c> or <c>save</c>). Errors under the field's id, messages as text keys.
/// </summary>
public static class MinutesForm
{
    public const int MaxText = 4000;

    public static readonly string[] Fields = ["keyPoints", "decisions", "followUps"];

    public static (MinutesEdits? Edits, FieldErrors Errors) Read(IReadOnlyDictionary<string, StringValues> fields, MeetingMinutes minutes, IReadOnlySet<string> memberIds)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(minutes);
        ArgumentNullException.ThrowIfNull(memberIds);
        var errors = new FieldErrors();
        string? Field(string name) => fields.TryGetValue(name, out StringValues values) && values.Count > 0 ? values[0] : null;

        int revision = int.TryParse(Field("revision"), NumberStyles.None, CultureInfo.InvariantCulture, out int r) ? r : -1;
        if (revision < 0)
        {
            errors.Add("revision", "minutes_error_revision");
        }

        var blocks = new List<(string?, string?, string?)>(minutes.Blocks.Count);
        for (int i = 0; i < minutes.Blocks.Count; i++)
        {
            string?[] texts = new string?[Fields.Length];
            for (int f = 0; f < Fields.Length; f++)
            {
                string name = $"{Fields[f]}{i}";
                texts[f] = Field(name);
                if (texts[f] is { Length: > MaxText })
                {
                    errors.Add(name, "minutes_error_text");
                }
            }

            blocks.Add((texts[0], texts[1], texts[2]));
        }

        List<string> came = fields.TryGetValue("came", out StringValues ids) ? [.. ids.OfType<string>()] : [];
        if (came.Any(id => !memberIds.Contains(id)))
        {
            errors.Add("register", "minutes_error_member");
        }

        return errors.IsEmpty ? (new MinutesEdits(revision, blocks, came, Field("action") == "send"), errors) : (null, errors);
    }
}
