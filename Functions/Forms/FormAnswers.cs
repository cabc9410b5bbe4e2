using System.Globalization;
using Microsoft.Extensions.Primitives;
using NetworkFunctions.Networks;
using NetworkFunctions.Validation;

namespace NetworkFunctions.Forms;

/// <summary>
/// Reads the posted fields of the two forms (SPEC section 3) and reports every problem by field. Pure.
/// Invitation: <c>attendance</c>, and contributions as repeated <c>type</c>/<c>title</c>/<c>description</c> fields
/// (the i-th of each is one contribution; empty titles are ignored; at most 3). Survey: <c>usefulness</c>,
/// <c>relations</c>, <c>courage</c> (1–5) and <c>worked</c>, <c>improve</c>, <c>nextThemes</c>.
/// </summary>
public static class FormAnswers
{
    public const int MaxContributions = 3;
    public const int MaxTitle = 120;
    public const int MaxText = 2000;

    public static readonly string[] SurveyRatings = ["usefulness", "relations", "courage"];
    public static readonly string[] SurveyTexts = ["worked", "improve", "nextThemes", "commitment"];

    public static (Attendance? Attendance, IReadOnlyList<Contribution> Contributions, FieldErrors Errors) ReadInvitation(IReadOnlyDictionary<string, StringValues> fields)
    {
        var errors = new FieldErrors();
        Attendance? attendance = One(fields, "attendance") switch
        {
            "yes" => Attendance.Yes,
            "no" => Attendance.No,
            "maybe" => Attendance.Maybe,
            _ => null,
        };
        if (attendance is null)
        {
            errors.Add("attendance", "Choose yes, no or maybe.");
        }

        StringValues types = Many(fields, "type");
        StringValues titles = Many(fields, "title");
        StringValues descriptions = Many(fields, "description");
        int rows = Math.Max(types.Count, Math.Max(titles.Count, descriptions.Count));
        var contributions = new List<Contribution>();
        for (int i = 0; i < rows; i++)
        {
            string title = Clean(At(titles, i));
            string description = Clean(At(descriptions, i));
            string type = At(types, i).Trim();
            if (title.Length == 0)
            {
                continue;
            }

            if (title.Length > MaxTitle)
            {
                errors.Add($"title[{i}]", $"At most {MaxTitle} characters.");
            }

            if (description.Length > MaxText)
            {
                errors.Add($"description[{i}]", $"At most {MaxText} characters.");
            }

            ContributionType? kind = ParseType(type);
            if (kind is null)
            {
                errors.Add($"type[{i}]", "Choose theme, case, experience or challenge.");
            }

            contributions.Add(new Contribution(kind ?? ContributionType.Theme, title, description));
        }

        if (contributions.Count > MaxContributions)
        {
            errors.Add("title", $"At most {MaxContributions} contributions.");
        }

        return (attendance, contributions, errors);
    }

    /// <summary>
    /// The optional follow-up of the invitation form: <c>tried</c> (<c>yes</c>, <c>partly</c>, <c>no</c> or nothing) and
    /// <c>triedNote</c>; null when the member said nothing about it.
    /// </summary>
    public static (Tried? Tried, string Note, bool Answered, FieldErrors Errors) ReadFollowUp(IReadOnlyDictionary<string, StringValues> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var errors = new FieldErrors();
        string said = One(fields, "tried")?.Trim() ?? "";
        Tried? tried = said switch
        {
            "yes" => Networks.Tried.Yes,
            "partly" => Networks.Tried.Partly,
            "no" => Networks.Tried.No,
            _ => null,
        };
        if (tried is null && said.Length > 0)
        {
            errors.Add("tried", "Choose yes, partly or no.");
        }

        string note = Clean(One(fields, "triedNote") ?? "");
        if (note.Length > MaxText)
        {
            errors.Add("triedNote", $"At most {MaxText} characters.");
        }

        return (tried, note, tried is not null || note.Length > 0, errors);
    }

    public static (IReadOnlyDictionary<string, int> Ratings, IReadOnlyDictionary<string, string> Texts, FieldErrors Errors) ReadSurvey(IReadOnlyDictionary<string, StringValues> fields)
    {
        var errors = new FieldErrors();
        var ratings = new Dictionary<string, int>();
        foreach (string name in SurveyRatings)
        {
            if (int.TryParse(One(fields, name), NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value is >= 1 and <= 5)
            {
                ratings[name] = value;
            }
            else
            {
                errors.Add(name, "Choose a number from 1 to 5.");
            }
        }

        var texts = new Dictionary<string, string>();
        foreach (string name in SurveyTexts)
        {
            string text = Clean(One(fields, name) ?? "");
            if (text.Length > MaxText)
            {
                errors.Add(name, $"At most {MaxText} characters.");
            }

            texts[name] = text;
        }

        return (ratings, texts, errors);
    }

    /// <summary>A contribution's type as the forms and the kickoff's <c>carriedOver</c> write it (theme, case, experience, challenge); null for any other text.</summary>
    public static ContributionType? ParseType(string? text) => text switch
    {
        "theme" => ContributionType.Theme,
        "case" => ContributionType.Case,
        "experience" => ContributionType.Experience,
        "challenge" => ContributionType.Challenge,
        _ => null,
    };

    static string? One(IReadOnlyDictionary<string, StringValues> fields, string name) =>
        fields.TryGetValue(name, out StringValues values) && values.Count > 0 ? values[0] : null;

    static StringValues Many(IReadOnlyDictionary<string, StringValues> fields, string name) =>
        fields.TryGetValue(name, out StringValues values) ? values : StringValues.Empty;

    static string At(StringValues values, int i) => i < values.Count ? values[i] ?? "" : "";

    /// <summary>Trimmed, line ends normalised to \n (CRLF and a lone CR alike), other control characters removed.</summary>
    static string Clean(string text) =>
        new string(text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Where(c => c == '\n' || !char.IsControl(c)).ToArray()).Trim();
}
