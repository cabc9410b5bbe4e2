using System.Globalization;
using NetworkFunctions.Kickoff;
using NetworkFunctions.Networks;
using NetworkFunctions.Validation;

namespace NetworkFunctions.Office;

public sealed partial class ConsolePages
{
    /// <summary>
    /// The new-network form with what was typed (<paramref name="fields"/>), and, after a post that did not hold, every
    /// problem at the top and at its field, and the roster file's problems by row and column. A roster that was read
    /// is kept (<see cref="NewNetworkForm.RosterField"/>), so only a file that failed must be uploaded again.
    /// </summary>
    public string NewNetwork(Language l, ConsolePrincipal principal, string token, IReadOnlyDictionary<string, string> fields, NewNetworkDraft? draft)
    {
        ArgumentNullException.ThrowIfNull(fields);
        FieldErrors errors = draft?.Errors ?? new FieldErrors();
        IDictionary<string, string[]> byField = errors.ToDictionary();
        string? ErrorOf(string name) => byField.TryGetValue(name, out string[]? messages) ? string.Join(" ", messages) : null;
        string Value(string name, string fallback = "") => fields.TryGetValue(name, out string? v) ? v : fallback;
        ConsoleField Field(string name, string kind, bool required = true, string? autocomplete = null, string? hint = null, string fallback = "") =>
            new(name, Id(name), T(l, "console_field_" + name.Replace("schedule.", "", StringComparison.Ordinal).Replace('.', '_')), kind, Value(name, fallback))
            {
                Required = required,
                Autocomplete = autocomplete,
                Hint = hint,
                Error = ErrorOf(name),
            };

        IReadOnlyList<KickoffMember>? kept = draft?.Roster;
        List<ConsoleFieldset> fieldsets =
        [
            new(T(l, "console_section_network"),
            [
                Field("name", "text"),
                Field("organisation", "text", autocomplete: "organization"),
                Field("language", "select", fallback: "da") with { Options = [new("da", T(l, "console_language_da")), new("en", T(l, "console_language_en"))] },
                Field("timeZone", "text", hint: T(l, "console_field_timeZone_hint"), fallback: KickoffParser.DefaultTimeZone),
            ]),
            new(T(l, "console_section_people"),
            [
                Field("director.name", "text"), Field("director.email", "email"),
                Field("facilitator.name", "text"), Field("facilitator.email", "email"), Field("facilitator.organisation", "text", required: false),
                Field("consultant.name", "text"), Field("consultant.email", "email"),
            ]),
            new(T(l, "console_section_departments"), [Field(NewNetworkForm.DepartmentsField, "textarea")]),
            new(T(l, "console_section_roster"),
            [
                Field(NewNetworkForm.RosterFile, "file", required: kept is null, hint: T(l, "console_field_roster_hint")),
            ], kept is { Count: > 0 } ? T(l, "console_roster_kept", ("count", kept.Count.ToString(CultureInfo.InvariantCulture))) : null),
        ];
        for (int row = 1; row <= NewNetworkForm.MeetingRows; row++)
        {
            int r = row;
            ConsoleField Part(string part, string kind, bool required = true) =>
                new(NewNetworkForm.MeetingField(r, part), Id(NewNetworkForm.MeetingField(r, part)), T(l, "console_field_" + part), kind, Value(NewNetworkForm.MeetingField(r, part)))
                {
                    Required = required && r == 1,
                    Error = ErrorOf(NewNetworkForm.MeetingField(r, part)),
                };
            fieldsets.Add(new ConsoleFieldset(
                T(l, "console_section_meeting", ("n", row.ToString(CultureInfo.InvariantCulture))),
                [Part("date", "date"), Part("start", "time"), Part("end", "time"), Part("location", "text"), Part("title", "text", required: false)],
                row == 1 ? T(l, "console_meetings_hint") : null));
        }

        fieldsets.Add(new ConsoleFieldset(T(l, "console_section_schedule"),
        [
            .. NewNetworkForm.ScheduleDays.Take(2).Select(s => Field(s.Field, "number", hint: T(l, $"console_field_{s.Field.Replace("schedule.", "", StringComparison.Ordinal)}_hint", ("n", s.Default.ToString(CultureInfo.InvariantCulture))), fallback: s.Default.ToString(CultureInfo.InvariantCulture))),
            Field(NewNetworkForm.ReminderDays, "text", hint: T(l, "console_field_reminderDays_hint"), fallback: string.Join(", ", ScheduleSettings.Default.ReminderLeads.Select(d => d.Days))),
            .. NewNetworkForm.ScheduleDays.Skip(2).Select(s => Field(s.Field, "number", hint: T(l, $"console_field_{s.Field.Replace("schedule.", "", StringComparison.Ordinal)}_hint", ("n", s.Default.ToString(CultureInfo.InvariantCulture))), fallback: s.Default.ToString(CultureInfo.InvariantCulture))),
        ]));

        List<ConsoleError> summary = Summary(errors, fieldsets, key => key switch
        {
            "meetings" => Id(NewNetworkForm.MeetingField(1, "date")),
            "schedule" => Id(NewNetworkForm.ScheduleDays[0].Field),
            _ => null,
        });
        if (draft?.RosterProblems is { Count: > 0 } rosterProblems)
        {
            summary.Add(new ConsoleError("roster-problems", $"{T(l, "console_section_roster")}: {rosterProblems.Count} × {T(l, "console_roster_problem").ToLower(CultureInfo.InvariantCulture)}"));
        }

        return Render(Frame(l, principal, T(l, "console_new_title"), ConsoleRoutes.Home) with
        {
            ProblemTitle = T(l, "console_fix"),
            Errors = summary,
            Paragraphs = [T(l, "console_new_intro")],
            RosterProblems = [.. (draft?.RosterProblems ?? []).Select(p => new ConsoleRosterRow(
                p.Row?.ToString(CultureInfo.InvariantCulture) ?? "",
                p.Column is null ? "" : $"{p.Column} ({p.ColumnLetter})",
                p.Message))],
            Forms =
            [
                new ConsoleForm("new-network", null, ConsoleRoutes.New, T(l, "console_preview_button"), token)
                {
                    Multipart = true,
                    Fieldsets = fieldsets,
                    Hidden = kept is { Count: > 0 } ? [new ConsoleHidden(NewNetworkForm.RosterField, NewNetworkForm.RosterJson(kept))] : [],
                },
            ],
        }, l);
    }
}
