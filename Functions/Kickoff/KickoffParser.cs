using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using NetworkFunctions.Forms;
using NetworkFunctions.Networks;
using NetworkFunctions.Validation;

namespace NetworkFunctions.Kickoff;

/// <summary>
/// Reads and validates a kickoff document (SPEC section 4) into a <see cref="Network"/>, reporting every violation
/// by field path rather than the first one. Pure: the clock and the id generators are passed in. A member is checked
/// by <see cref="MemberRules"/>, as a roster file's members are (<see cref="RosterImport"/>).
/// </summary>
public sealed partial class KickoffParser(DateTimeOffset now, Func<string> newMemberId, Func<string> newNetworkSuffix)
{
    public const int MaxMembers = 500;
    public const int MaxMeetings = 24;
    public const int MaxDepartments = 200;
    public const int MaxCarriedOver = 100;
    public const string DefaultTimeZone = "Europe/Copenhagen";

    static readonly string[] TopLevel =
        ["networkId", "name", "organisation", "language", "timeZone", "director", "facilitator", "consultant", "departments", "members", "meetings", "schedule", "carriedOver"];

    static readonly string[] ScheduleFields =
        ["invitationLead", "contributionDeadlineLead", "reminderLeads", "finalAgendaLead", "surveyDelay", "surveyOpenFor", "surveyReminderAfter"];

    readonly FieldErrors errors = new();

    public static (Network? Network, FieldErrors Errors) Parse(JsonElement document, DateTimeOffset now, Func<string> newMemberId, Func<string> newNetworkSuffix) =>
        new KickoffParser(now, newMemberId, newNetworkSuffix).Read(document);

    (Network?, FieldErrors) Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add("$", "The kickoff document must be a JSON object.");
            return (null, errors);
        }

        RejectUnknown(root, "", TopLevel);
        string name = RequiredText(root, "name", 200);
        string organisation = RequiredText(root, "organisation", 200);
        string? networkId = OptionalText(root, "networkId", 64);
        if (networkId is not null && !NetworkIds.IsValid(networkId))
        {
            errors.Add("networkId", "Use 3–64 characters: lower-case letters a–z, digits and hyphens.");
        }

        Language language = ReadLanguage(root);
        string timeZone = ReadTimeZone(root);
        Person director = ReadPerson(root, "director");
        Person consultant = ReadPerson(root, "consultant");
        Person facilitatorPerson = ReadPerson(root, "facilitator", "organisation");
        string? facilitatorOrganisation = root.TryGetProperty("facilitator", out JsonElement f) && f.ValueKind == JsonValueKind.Object
            ? OptionalText(f, "organisation", 200, "facilitator.")
            : null;
        List<string> departments = ReadDepartments(root);
        List<Member> members = ReadMembers(root, departments);
        List<Meeting> meetings = ReadMeetings(root);
        ScheduleSettings schedule = ReadSchedule(root);
        List<CarriedOverContribution> carriedOver = ReadCarriedOver(root, members);

        if (!errors.IsEmpty)
        {
            return (null, errors);
        }

        var network = new Network(
            networkId ?? NetworkIds.Generate(name, meetings[0].Start.Year, newNetworkSuffix()),
            name,
            organisation,
            language,
            timeZone,
            director,
            new Facilitator(facilitatorPerson.Name, facilitatorPerson.Email, facilitatorOrganisation),
            consultant,
            departments,
            members,
            meetings,
            schedule,
            now)
        {
            CarriedOver = carriedOver,
        };
        return (network, errors);
    }

    void RejectUnknown(JsonElement element, string prefix, string[] known)
    {
        foreach (JsonProperty property in element.EnumerateObject())
        {
            if (!known.Contains(property.Name, StringComparer.Ordinal))
            {
                errors.Add(prefix + property.Name, $"Unknown field. Known fields: {string.Join(", ", known)}.");
            }
        }
    }

    string RequiredText(JsonElement parent, string field, int maxLength, string prefix = "")
    {
        string? text = JsonText(parent, field, prefix);
        if (text is not null && TextRules.Problem(text, maxLength) is { } problem)
        {
            errors.Add(prefix + field, problem);
        }

        return text ?? "";
    }

    /// <summary>A string field, trimmed; null (and an error) when it is absent, null or not a string.</summary>
    string? JsonText(JsonElement parent, string field, string prefix)
    {
        string path = prefix + field;
        if (!parent.TryGetProperty(field, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            errors.Add(path, "Required.");
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add(path, "Must be a string.");
            return null;
        }

        return value.GetString()!.Trim();
    }

    string? OptionalText(JsonElement parent, string field, int maxLength, string prefix = "")
    {
        if (!parent.TryGetProperty(field, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        string text = RequiredText(parent, field, maxLength, prefix);
        return text.Length == 0 ? null : text;
    }

    Language ReadLanguage(JsonElement root)
    {
        string? language = OptionalText(root, "language", 10);
        switch (language)
        {
            case null or "da":
                return Language.Da;
            case "en":
                return Language.En;
            default:
                errors.Add("language", "Use \"da\" or \"en\".");
                return Language.Da;
        }
    }

    string ReadTimeZone(JsonElement root)
    {
        string timeZone = OptionalText(root, "timeZone", 100) ?? DefaultTimeZone;
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _))
        {
            errors.Add("timeZone", "Unknown time zone; use an IANA name such as Europe/Copenhagen.");
        }

        return timeZone;
    }

    Person ReadPerson(JsonElement root, string field, params string[] extraFields)
    {
        if (!root.TryGetProperty(field, out JsonElement person) || person.ValueKind != JsonValueKind.Object)
        {
            errors.Add(field, person.ValueKind == JsonValueKind.Undefined ? "Required." : "Must be an object with name and email.");
            return new Person("", "");
        }

        RejectUnknown(person, field + ".", ["name", "email", .. extraFields]);
        string name = RequiredText(person, "name", 200, field + ".");
        string email = ReadEmail(person, field + ".");
        return new Person(name, email);
    }

    string ReadEmail(JsonElement parent, string prefix)
    {
        string email = RequiredText(parent, "email", 254, prefix);
        if (email.Length > 0 && !EmailAddresses.IsValid(email))
        {
            errors.Add(prefix + "email", "Not a valid email address.");
        }

        return email;
    }

    List<string> ReadDepartments(JsonElement root)
    {
        var departments = new List<string>();
        if (!ReadArray(root, "departments", 1, MaxDepartments, out JsonElement array))
        {
            return departments;
        }

        int i = 0;
        foreach (JsonElement item in array.EnumerateArray())
        {
            string path = $"departments[{i++}]";
            if (item.ValueKind != JsonValueKind.String || item.GetString()!.Trim() is not { Length: > 0 and <= 200 } department)
            {
                errors.Add(path, "Must be a department name (1–200 characters).");
                continue;
            }

            if (department.Any(char.IsControl))
            {
                errors.Add(path, "Must not contain control characters.");
                continue;
            }

            if (departments.Contains(department, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add(path, "Listed twice.");
                continue;
            }

            departments.Add(department);
        }

        return departments;
    }

    List<Member> ReadMembers(JsonElement root, List<string> departments)
    {
        var members = new List<Member>();
        if (!ReadArray(root, "members", 1, MaxMembers, out JsonElement array))
        {
            return members;
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        int i = 0;
        foreach (JsonElement item in array.EnumerateArray())
        {
            string prefix = $"members[{i}].";
            if (item.ValueKind != JsonValueKind.Object)
            {
                errors.Add($"members[{i++}]", "Must be an object with name, email and department.");
                continue;
            }

            RejectUnknown(item, prefix, [MemberRules.Name, MemberRules.Email, MemberRules.Department]);
            KickoffMember member = MemberRules.Check(
                JsonText(item, MemberRules.Name, prefix),
                JsonText(item, MemberRules.Email, prefix),
                JsonText(item, MemberRules.Department, prefix),
                departments,
                (field, message) => errors.Add(prefix + field, message));
            if (member.Email.Length > 0 && !seen.TryAdd(EmailAddresses.Normalise(member.Email), i))
            {
                errors.Add(prefix + MemberRules.Email, $"The same email as members[{seen[EmailAddresses.Normalise(member.Email)]}].");
            }

            members.Add(new Member(newMemberId(), member.Name, member.Email, member.Department, now));
            i++;
        }

        return members;
    }

    List<Meeting> ReadMeetings(JsonElement root)
    {
        var meetings = new List<(int Index, DateTimeOffset Start, DateTimeOffset End, string Location, string? Title)>();
        if (!ReadArray(root, "meetings", 1, MaxMeetings, out JsonElement array))
        {
            return [];
        }

        int i = 0;
        foreach (JsonElement item in array.EnumerateArray())
        {
            string prefix = $"meetings[{i}].";
            if (item.ValueKind != JsonValueKind.Object)
            {
                errors.Add($"meetings[{i++}]", "Must be an object with start, end and location.");
                continue;
            }

            RejectUnknown(item, prefix, ["start", "end", "location", "title"]);
            DateTimeOffset? start = ReadInstant(item, "start", prefix);
            DateTimeOffset? end = ReadInstant(item, "end", prefix);
            string location = RequiredText(item, "location", 200, prefix);
            string? title = OptionalText(item, "title", 200, prefix);
            if (start is { } s && s <= now)
            {
                errors.Add(prefix + "start", "Must be after the kickoff.");
            }

            if (start is { } s2 && end is { } e && e <= s2)
            {
                errors.Add(prefix + "end", "Must be after the start.");
            }

            if (start is { } s3 && end is { } e2 && e2 - s3 > TimeSpan.FromHours(12))
            {
                errors.Add(prefix + "end", "A meeting lasts at most 12 hours.");
            }

            if (start is not null && end is not null)
            {
                meetings.Add((i, start.Value, end.Value, location, title));
            }

            i++;
        }

        var ordered = meetings.OrderBy(m => m.Start).ThenBy(m => m.Index).ToList();
        for (int k = 1; k < ordered.Count; k++)
        {
            // Every earlier meeting, not only the previous one: a short meeting can sit inside a long one.
            foreach (var earlier in ordered.Take(k).Where(e => ordered[k].Start < e.End))
            {
                errors.Add($"meetings[{ordered[k].Index}].start", $"Overlaps meetings[{earlier.Index}].");
            }
        }

        return ordered.Select((m, n) => new Meeting(n + 1, m.Start, m.End, m.Location, m.Title)).ToList();
    }

    /// <summary>
    /// The optional <c>carriedOver</c>: last year's contributions that waited all year, each by one of this year's
    /// members (<c>memberEmail</c>), with a <c>type</c>, a <c>title</c> and a <c>description</c> as the invitation form
    /// takes them (the same limits); they become candidates for the year's first agenda.
    /// </summary>
    List<CarriedOverContribution> ReadCarriedOver(JsonElement root, List<Member> members)
    {
        var carried = new List<CarriedOverContribution>();
        if (!root.TryGetProperty("carriedOver", out JsonElement array) || array.ValueKind == JsonValueKind.Null)
        {
            return carried;
        }

        if (array.ValueKind != JsonValueKind.Array || array.GetArrayLength() > MaxCarriedOver)
        {
            errors.Add("carriedOver", $"Must be an array of at most {MaxCarriedOver} contributions.");
            return carried;
        }

        int i = 0;
        foreach (JsonElement item in array.EnumerateArray())
        {
            string prefix = $"carriedOver[{i++}].";
            if (item.ValueKind != JsonValueKind.Object)
            {
                errors.Add(prefix.TrimEnd('.'), "Must be an object with memberEmail, type, title and description.");
                continue;
            }

            RejectUnknown(item, prefix, ["memberEmail", "type", "title", "description"]);
            string email = RequiredText(item, "memberEmail", 254, prefix);
            Member? member = email.Length == 0 ? null : members.FirstOrDefault(m => EmailAddresses.Normalise(m.Email) == EmailAddresses.Normalise(email));
            if (email.Length > 0 && member is null)
            {
                errors.Add(prefix + "memberEmail", "Not the email of one of the members.");
            }

            ContributionType? type = FormAnswers.ParseType(OptionalText(item, "type", 20, prefix));
            if (type is null && !errors.Has(prefix + "type"))
            {
                errors.Add(prefix + "type", "Use theme, case, experience or challenge.");
            }

            string title = RequiredText(item, "title", FormAnswers.MaxTitle, prefix);
            string description = ReadDescription(item, prefix);
            if (member is not null && type is { } kind)
            {
                carried.Add(new CarriedOverContribution(member.Id, new Contribution(kind, title, description)));
            }
        }

        return carried;
    }

    /// <summary>A contribution's description as the form takes it: optional, line breaks kept, at most <see cref="FormAnswers.MaxText"/> characters.</summary>
    string ReadDescription(JsonElement item, string prefix)
    {
        if (!item.TryGetProperty("description", out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            return "";
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add(prefix + "description", "Must be a string.");
            return "";
        }

        string text = value.GetString()!.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();
        if (text.Length > FormAnswers.MaxText)
        {
            errors.Add(prefix + "description", $"At most {FormAnswers.MaxText} characters.");
        }
        else if (text.Any(c => c != '\n' && c != '\t' && char.IsControl(c)))
        {
            errors.Add(prefix + "description", "Must not contain control characters other than line breaks.");
        }

        return text;
    }

    DateTimeOffset? ReadInstant(JsonElement parent, string field, string prefix)
    {
        string text = RequiredText(parent, field, 40, prefix);
        if (text.Length == 0)
        {
            return null;
        }

        if (!OffsetPattern().IsMatch(text)
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTimeOffset instant))
        {
            errors.Add(prefix + field, "Use an ISO 8601 date and time with an offset, e.g. 2027-02-03T09:00:00+01:00.");
            return null;
        }

        return instant;
    }

    ScheduleSettings ReadSchedule(JsonElement root)
    {
        ScheduleSettings defaults = ScheduleSettings.Default;
        if (!root.TryGetProperty("schedule", out JsonElement schedule) || schedule.ValueKind == JsonValueKind.Null)
        {
            return defaults;
        }

        if (schedule.ValueKind != JsonValueKind.Object)
        {
            errors.Add("schedule", "Must be an object.");
            return defaults;
        }

        RejectUnknown(schedule, "schedule.", ScheduleFields);
        IsoDuration invitation = Duration(schedule, "invitationLead", defaults.InvitationLead);
        IsoDuration deadline = Duration(schedule, "contributionDeadlineLead", defaults.ContributionDeadlineLead);
        IsoDuration finalAgenda = Duration(schedule, "finalAgendaLead", defaults.FinalAgendaLead);
        IsoDuration surveyDelay = Duration(schedule, "surveyDelay", defaults.SurveyDelay);
        IsoDuration surveyOpen = Duration(schedule, "surveyOpenFor", defaults.SurveyOpenFor, positive: true);
        IsoDuration surveyReminder = Duration(schedule, "surveyReminderAfter", defaults.SurveyReminderAfter, positive: true);
        var reminders = new List<IsoDuration>();
        if (schedule.TryGetProperty("reminderLeads", out JsonElement leads) && leads.ValueKind != JsonValueKind.Null)
        {
            if (leads.ValueKind != JsonValueKind.Array || leads.GetArrayLength() > 10)
            {
                errors.Add("schedule.reminderLeads", "Must be an array of at most 10 ISO 8601 durations.");
            }
            else
            {
                int i = 0;
                foreach (JsonElement lead in leads.EnumerateArray())
                {
                    if (lead.ValueKind == JsonValueKind.String && IsoDuration.TryParse(lead.GetString(), out IsoDuration d) && !d.IsZero)
                    {
                        reminders.Add(d);
                    }
                    else
                    {
                        errors.Add($"schedule.reminderLeads[{i}]", "Must be a positive ISO 8601 duration such as P5D or PT10S.");
                    }

                    i++;
                }
            }
        }
        else
        {
            reminders.AddRange(defaults.ReminderLeads);
        }

        if (invitation.Nominal < deadline.Nominal)
        {
            errors.Add("schedule.invitationLead", "Must be at least contributionDeadlineLead: invitations go out before the deadline.");
        }

        if (finalAgenda.Nominal > deadline.Nominal)
        {
            errors.Add("schedule.finalAgendaLead", "Must be at most contributionDeadlineLead: the final agenda follows the deadline.");
        }

        if (surveyReminder.Nominal >= surveyOpen.Nominal && !errors.Has("schedule.surveyReminderAfter"))
        {
            errors.Add("schedule.surveyReminderAfter", "Must be shorter than surveyOpenFor.");
        }

        return new ScheduleSettings(invitation, deadline, reminders, finalAgenda, surveyDelay, surveyOpen, surveyReminder);
    }

    IsoDuration Duration(JsonElement schedule, string field, IsoDuration fallback, bool positive = false)
    {
        if (!schedule.TryGetProperty(field, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            return fallback;
        }

        if (value.ValueKind == JsonValueKind.String && IsoDuration.TryParse(value.GetString(), out IsoDuration duration) && (!positive || !duration.IsZero))
        {
            return duration;
        }

        errors.Add("schedule." + field, positive
            ? "Must be a positive ISO 8601 duration such as P7D or PT30S."
            : "Must be an ISO 8601 duration such as P10D or PT5S (days, hours, minutes, seconds).");
        return fallback;
    }

    bool ReadArray(JsonElement root, string field, int min, int max, out JsonElement array)
    {
        if (!root.TryGetProperty(field, out array) || array.ValueKind == JsonValueKind.Null)
        {
            errors.Add(field, "Required.");
            return false;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            errors.Add(field, "Must be an array.");
            return false;
        }

        int count = array.GetArrayLength();
        if (count < min || count > max)
        {
            errors.Add(field, $"Must hold {min}–{max} entries; it holds {count}.");
            return count > max ? false : count > 0;
        }

        return true;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex OffsetPattern();
}
