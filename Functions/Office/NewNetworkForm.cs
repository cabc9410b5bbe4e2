using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using NetworkFunctions.Kickoff;
using NetworkFunctions.Networks;
using NetworkFunctions.Validation;

namespace NetworkFunctions.Office;

/// <summary>What the new-network form made of a post: the network to preview, or every problem by the form's field.</summary>
public sealed record NewNetworkDraft(Network? Network, FieldErrors Errors, IReadOnlyList<RosterProblem> RosterProblems, IReadOnlyList<KickoffMember>? Roster)
{
    public bool IsValid => Network is not null;
}

/// <summary>
/// The console's form for a new network, read into a kickoff document and validated by <see cref="KickoffParser"/>, so
/// the form and the JSON kickoff share every rule. The form's fields are named as the document's paths
/// (<c>director.email</c>); the meetings come as rows of date, start, end, location and title in the network's time
/// zone (<c>meeting3.date</c>), empty rows skipped; the schedule as whole days; departments one per line; the roster
/// from an uploaded file (<see cref="RosterImport"/>) or, once one was read, from <see cref="RosterField"/>, so a
/// second post of the form need not upload it again. The parser's problems are reported under the form's own fields:
/// a meeting's under its row, a member's under the roster. Pure.
/// </summary>
public static class NewNetworkForm
{
    public const int MeetingRows = 8;
    public const string RosterFile = "roster";
    public const string RosterField = "rosterMembers";
    public const string DepartmentsField = "departments";
    public const string ReminderDays = "schedule.reminderDays";

    /// <summary>The schedule's whole-day fields, each with the document's field and its default.</summary>
    public static readonly IReadOnlyList<(string Field, string DocumentField, int Default)> ScheduleDays =
    [
        ("schedule.invitationDays", "invitationLead", ScheduleSettings.Default.InvitationLead.Days),
        ("schedule.deadlineDays", "contributionDeadlineLead", ScheduleSettings.Default.ContributionDeadlineLead.Days),
        ("schedule.finalAgendaDays", "finalAgendaLead", ScheduleSettings.Default.FinalAgendaLead.Days),
    ];

    /// <summary>The text fields a person types, as the document names them.</summary>
    public static readonly IReadOnlyList<string> TextFields =
    [
        "name", "organisation", "language", "timeZone",
        "director.name", "director.email", "facilitator.name", "facilitator.email", "facilitator.organisation",
        "consultant.name", "consultant.email",
    ];

    public static string MeetingField(int row, string part) => $"meeting{row}.{part}";

    /// <summary>The departments of the form's text area: one per line, trimmed, empty lines skipped.</summary>
    public static IReadOnlyList<string> Departments(IReadOnlyDictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return [.. Value(fields, DepartmentsField).Split('\n').Select(d => d.Trim()).Where(d => d.Length > 0)];
    }

    /// <param name="roster">The uploaded roster file read against the form's departments; null when no file came.</param>
    public static NewNetworkDraft Read(IReadOnlyDictionary<string, string> fields, RosterResult? roster, DateTimeOffset now, Func<string> newMemberId, Func<string> newNetworkSuffix)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var errors = new FieldErrors();
        var document = new JsonObject();
        foreach (string field in TextFields)
        {
            string value = Value(fields, field).Trim();
            if (value.Length == 0)
            {
                continue;
            }

            string[] path = field.Split('.');
            JsonObject parent = document;
            if (path.Length == 2)
            {
                parent = document[path[0]] as JsonObject ?? (JsonObject)(document[path[0]] = new JsonObject());
            }

            parent[path[^1]] = value;
        }

        // The parser reports a missing person as the person, not their name and email: the form has fields for both.
        foreach (string person in new[] { "director", "facilitator", "consultant" })
        {
            document[person] ??= new JsonObject();
        }

        document[DepartmentsField] = new JsonArray([.. Departments(fields).Select(d => (JsonNode?)d)]);

        IReadOnlyList<KickoffMember>? members = RosterMembers(fields, roster, errors);
        document["members"] = new JsonArray([.. (members ?? []).Select(m => (JsonNode?)new JsonObject { ["name"] = m.Name, ["email"] = m.Email, ["department"] = m.Department })]);

        TimeZoneInfo? zone = TimeZoneInfo.TryFindSystemTimeZoneById(Value(fields, "timeZone").Trim() is { Length: > 0 } id ? id : KickoffParser.DefaultTimeZone, out TimeZoneInfo? found) ? found : null;
        List<int> rows = [];
        var meetings = new JsonArray();
        for (int row = 1; row <= MeetingRows; row++)
        {
            if (Meeting(fields, row, zone, errors) is { } meeting)
            {
                meetings.Add(meeting);
                rows.Add(row);
            }
        }

        document["meetings"] = meetings;
        document["schedule"] = Schedule(fields, errors);

        using JsonDocument json = JsonDocument.Parse(document.ToJsonString());
        (Network? network, FieldErrors parsed) = KickoffParser.Parse(json.RootElement, now, newMemberId, newNetworkSuffix);
        HashSet<string> timeless = [.. rows.Where(r => zone is null || RowReported(errors, r)).SelectMany(r => new[] { MeetingField(r, "date"), MeetingField(r, "end") })];
        foreach ((string path, string[] messages) in parsed.ToDictionary())
        {
            // What the form reported itself is not reported again as its consequence: no members (the roster's own
            // problems or its absence say why), a meeting without a time (its unreadable date or times, or the time zone).
            string field = FormFieldOf(path, rows);
            if ((members is null && path.StartsWith("members", StringComparison.Ordinal))
                || (path.StartsWith("meetings[", StringComparison.Ordinal) && (path.EndsWith(".start", StringComparison.Ordinal) || path.EndsWith(".end", StringComparison.Ordinal)) && timeless.Contains(field)))
            {
                continue;
            }

            foreach (string message in messages)
            {
                errors.Add(field, message);
            }
        }

        IReadOnlyList<RosterProblem> rosterProblems = roster is { IsValid: false } ? roster.Problems : [];
        return errors.IsEmpty && rosterProblems.Count == 0 && network is not null
            ? new NewNetworkDraft(network, errors, [], members)
            : new NewNetworkDraft(null, errors, rosterProblems, members);
    }

    /// <summary>The members to keep in <see cref="RosterField"/> between posts, as JSON.</summary>
    public static string RosterJson(IReadOnlyList<KickoffMember> members) =>
        JsonSerializer.Serialize(members, KickoffDocument.JsonOptions);

    /// <summary>The form field a problem of the kickoff document belongs to.</summary>
    public static string FormFieldOf(string path, IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(rows);
        if (path.StartsWith("members", StringComparison.Ordinal))
        {
            return RosterFile;
        }

        if (path.StartsWith(DepartmentsField, StringComparison.Ordinal))
        {
            return DepartmentsField;
        }

        if (path.StartsWith("meetings[", StringComparison.Ordinal) && path.IndexOf(']', StringComparison.Ordinal) is > 9 and var close
            && int.TryParse(path.AsSpan(9, close - 9), NumberStyles.None, CultureInfo.InvariantCulture, out int index) && index < rows.Count)
        {
            string part = path[(close + 1)..].TrimStart('.');
            return MeetingField(rows[index], part switch { "start" => "date", "" => "date", _ => part });
        }

        if (path.StartsWith("schedule.", StringComparison.Ordinal))
        {
            string field = path["schedule.".Length..];
            return ScheduleDays.FirstOrDefault(s => field.StartsWith(s.DocumentField, StringComparison.Ordinal)).Field ?? ReminderDays;
        }

        return path;
    }

    static bool RowReported(FieldErrors errors, int row) =>
        errors.Has(MeetingField(row, "date")) || errors.Has(MeetingField(row, "start")) || errors.Has(MeetingField(row, "end"));

    static IReadOnlyList<KickoffMember>? RosterMembers(IReadOnlyDictionary<string, string> fields, RosterResult? roster, FieldErrors errors)
    {
        if (roster is not null)
        {
            return roster.Members;
        }

        if (Value(fields, RosterField) is { Length: > 0 } kept)
        {
            try
            {
                if (JsonSerializer.Deserialize<List<KickoffMember>>(kept, KickoffDocument.JsonOptions) is { Count: > 0 } members && members.All(m => m is not null))
                {
                    return members;
                }
            }
            catch (JsonException)
            {
                // Fall through: the roster must be uploaded again.
            }
        }

        errors.Add(RosterFile, "Upload the roster: an Excel workbook (.xlsx) or a CSV file with the columns Navn, E-mail and Afdeling (or Name, Email and Department).");
        return null;
    }

    static JsonObject? Meeting(IReadOnlyDictionary<string, string> fields, int row, TimeZoneInfo? zone, FieldErrors errors)
    {
        string Part(string part) => Value(fields, MeetingField(row, part)).Trim();
        (string date, string start, string end, string location, string title) = (Part("date"), Part("start"), Part("end"), Part("location"), Part("title"));
        if (date.Length == 0 && start.Length == 0 && end.Length == 0 && location.Length == 0 && title.Length == 0)
        {
            return null;
        }

        bool dateOk = DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly day);
        bool startOk = TimeOnly.TryParseExact(start, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out TimeOnly from);
        bool endOk = TimeOnly.TryParseExact(end, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out TimeOnly to);
        if (!dateOk)
        {
            errors.Add(MeetingField(row, "date"), date.Length == 0 ? "Required: the meeting's date." : "Not a date; use the date picker or write 2027-02-03.");
        }

        if (!startOk)
        {
            errors.Add(MeetingField(row, "start"), start.Length == 0 ? "Required: when the meeting starts." : "Not a time; write 09:00.");
        }

        if (!endOk)
        {
            errors.Add(MeetingField(row, "end"), end.Length == 0 ? "Required: when the meeting ends." : "Not a time; write 12:30.");
        }

        var meeting = new JsonObject { ["location"] = location };
        if (title.Length > 0)
        {
            meeting["title"] = title;
        }

        if (dateOk && startOk && endOk && zone is not null)
        {
            meeting["start"] = ZonedTime.FromLocal(day.ToDateTime(from), zone).ToString("O", CultureInfo.InvariantCulture);
            meeting["end"] = ZonedTime.FromLocal(day.ToDateTime(to), zone).ToString("O", CultureInfo.InvariantCulture);
        }

        return meeting;
    }

    static JsonObject Schedule(IReadOnlyDictionary<string, string> fields, FieldErrors errors)
    {
        var schedule = new JsonObject();
        foreach ((string field, string documentField, int fallback) in ScheduleDays)
        {
            string text = Value(fields, field).Trim();
            if (text.Length == 0)
            {
                schedule[documentField] = $"P{fallback}D";
            }
            else if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int days) && days <= 365)
            {
                schedule[documentField] = $"P{days}D";
            }
            else
            {
                errors.Add(field, "Write a whole number of days from 0 to 365.");
            }
        }

        string reminders = Value(fields, ReminderDays).Trim();
        var leads = new JsonArray();
        foreach (string part in reminders.Length == 0
                     ? ScheduleSettings.Default.ReminderLeads.Select(l => l.Days.ToString(CultureInfo.InvariantCulture))
                     : reminders.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            if (int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out int days) && days <= 365)
            {
                leads.Add($"P{days}D");
            }
            else
            {
                errors.Add(ReminderDays, "Write whole numbers of days separated by commas, such as 5, 1.");
                break;
            }
        }

        schedule["reminderLeads"] = leads;
        return schedule;
    }

    static string Value(IReadOnlyDictionary<string, string> fields, string name) =>
        fields.TryGetValue(name, out string? value) ? value : "";
}
