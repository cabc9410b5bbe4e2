using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using NetworkFunctions.Networks;
using NetworkFunctions.Validation;

namespace NetworkFunctions.Office;

/// <summary>
/// A console form's fields as the body the API's own change takes (the JSON of <c>POST …/members</c>,
/// <c>PATCH …/members/{id}</c>, <c>PATCH …/meetings/{n}</c>), so the console changes a network by the API's code and
/// rules. What only the form has is checked here: a meeting's date and times in the network's zone, and the ticked
/// confirmation of what cannot be undone. Pure.
/// </summary>
public static class ConsoleActions
{
    public const string Confirm = "confirm";

    public static JsonElement Member(IReadOnlyDictionary<string, string> fields) =>
        Json(new JsonObject { ["name"] = Value(fields, "name"), ["email"] = Value(fields, "email"), ["department"] = Value(fields, "department") });

    /// <summary>The move of a meeting to the form's date, start and end (wall clock in <paramref name="zone"/>) and location; or the problems.</summary>
    public static (JsonElement? Body, FieldErrors Errors) MeetingMove(IReadOnlyDictionary<string, string> fields, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var errors = new FieldErrors();
        if (!DateOnly.TryParseExact(Value(fields, "date").Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly day))
        {
            errors.Add("date", "Not a date; use the date picker or write 2027-02-03.");
        }

        TimeOnly? start = Time(fields, "start", errors);
        TimeOnly? end = Time(fields, "end", errors);
        if (!errors.IsEmpty)
        {
            return (null, errors);
        }

        var body = new JsonObject
        {
            ["start"] = ZonedTime.FromLocal(day.ToDateTime(start!.Value), zone).ToString("O", CultureInfo.InvariantCulture),
            ["end"] = ZonedTime.FromLocal(day.ToDateTime(end!.Value), zone).ToString("O", CultureInfo.InvariantCulture),
            ["location"] = Value(fields, "location"),
        };
        return (Json(body), errors);
    }

    public static JsonElement MeetingCancel() => Json(new JsonObject { ["cancelled"] = true });

    /// <summary>Whether the form's confirmation was ticked; if not, the problem to show.</summary>
    public static FieldErrors? Unconfirmed(IReadOnlyDictionary<string, string> fields)
    {
        if (Value(fields, Confirm) == "yes")
        {
            return null;
        }

        var errors = new FieldErrors();
        errors.Add(Confirm, "Tick the box to confirm; this cannot be undone.");
        return errors;
    }

    static TimeOnly? Time(IReadOnlyDictionary<string, string> fields, string name, FieldErrors errors)
    {
        if (TimeOnly.TryParseExact(Value(fields, name).Trim(), ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out TimeOnly time))
        {
            return time;
        }

        errors.Add(name, "Not a time; write 09:00.");
        return null;
    }

    static JsonElement Json(JsonObject body) => JsonSerializer.SerializeToElement(body);

    static string Value(IReadOnlyDictionary<string, string> fields, string name) =>
        fields.TryGetValue(name, out string? value) ? value : "";
}
