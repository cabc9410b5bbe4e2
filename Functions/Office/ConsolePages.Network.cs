using System.Globalization;
using NetworkFunctions.Networks;
using NetworkFunctions.Overview;
using NetworkFunctions.Validation;

namespace NetworkFunctions.Office;

/// <summary>What the console says went wrong with an action: the API's problem title and its field errors.</summary>
public sealed record ConsoleProblem(string Title, IReadOnlyDictionary<string, string[]> Errors);

public sealed partial class ConsolePages
{
    /// <summary>
    /// A network in the console: the dashboard (its links to the console's own routes), then a small form for each
    /// thing the API can change: correct or remove each member, add one, move or cancel each meeting still ahead, resume;
    /// then the exports and next year's draft. What cannot be undone (removing a member, cancelling a meeting) asks for
    /// a ticked confirmation. <paramref name="done"/> is what the last action did; <paramref name="problem"/> why it did not.
    /// </summary>
    public string Network(ConsolePrincipal principal, string token, DashboardInput input, string dashboardHtml, string? done, ConsoleProblem? problem)
    {
        ArgumentNullException.ThrowIfNull(input);
        Network network = input.Network;
        Language l = network.Language;
        TimeZoneInfo zone = network.Zone;
        string id = network.Id;
        IReadOnlyList<ConsoleOption> departments = [.. network.Departments.Select(d => new ConsoleOption(d, d))];

        List<ConsoleForm> forms = [];
        foreach (Member member in network.Members)
        {
            bool first = forms.Count == 0;
            string prefix = $"m-{member.Id}";
            forms.Add(new ConsoleForm(prefix + "-edit", T(l, "console_member_edit", ("name", member.Name)), ConsoleRoutes.Member(id, member.Id), T(l, "console_member_save"), token)
            {
                Section = first ? T(l, "console_members_title") : null,
                Folded = true,
                Link = new ConsoleLink(ConsoleRoutes.MemberData(id, member.Id), T(l, "console_member_data")),
                Fieldsets = [new ConsoleFieldset(null, MemberFields(l, prefix, member.Name, member.Email, member.Department, departments))],
            });
            forms.Add(new ConsoleForm(prefix + "-erase", T(l, "console_member_erase", ("name", member.Name)), ConsoleRoutes.EraseMember(id, member.Id), T(l, "console_member_erase_button"), token)
            {
                Folded = true,
                Danger = true,
                Confirm = T(l, "console_member_erase_confirm", ("name", member.Name)),
            });
        }

        forms.Add(new ConsoleForm("member-add", T(l, "console_member_add"), ConsoleRoutes.Members(id), T(l, "console_member_add_button"), token)
        {
            Section = network.Members.Count == 0 ? T(l, "console_members_title") : null,
            Fieldsets = [new ConsoleFieldset(null, MemberFields(l, "member-add", "", "", "", departments))],
        });

        int meetingsAt = forms.Count;
        foreach (Meeting meeting in network.Meetings.Where(m => !m.Cancelled && m.Start > input.Now))
        {
            string n = meeting.Number.ToString(CultureInfo.InvariantCulture);
            string prefix = $"meeting{n}";
            DateTimeOffset start = ZonedTime.InZone(meeting.Start, zone);
            DateTimeOffset end = ZonedTime.InZone(meeting.End, zone);
            forms.Add(new ConsoleForm(prefix + "-move", T(l, "console_meeting_move", ("n", n)), ConsoleRoutes.MoveMeeting(id, meeting.Number), T(l, "console_meeting_move_button"), token)
            {
                Section = forms.Count == meetingsAt ? T(l, "console_meetings_title") : null,
                Folded = true,
                Fieldsets =
                [
                    new ConsoleFieldset(null,
                    [
                        new ConsoleField("date", $"{prefix}-date", T(l, "console_field_date"), "date", start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) { Required = true },
                        new ConsoleField("start", $"{prefix}-start", T(l, "console_field_start"), "time", start.ToString("HH:mm", CultureInfo.InvariantCulture)) { Required = true },
                        new ConsoleField("end", $"{prefix}-end", T(l, "console_field_end"), "time", end.ToString("HH:mm", CultureInfo.InvariantCulture)) { Required = true },
                        new ConsoleField("location", $"{prefix}-location", T(l, "console_field_location"), "text", meeting.Location) { Required = true },
                    ]),
                ],
            });
            forms.Add(new ConsoleForm(prefix + "-cancel", T(l, "console_meeting_cancel", ("n", n)), ConsoleRoutes.CancelMeeting(id, meeting.Number), T(l, "console_meeting_cancel_button"), token)
            {
                Folded = true,
                Danger = true,
                Confirm = T(l, "console_meeting_cancel_confirm", ("n", n)),
            });
        }

        forms.Add(new ConsoleForm("resume", null, ConsoleRoutes.Resume(id), T(l, "console_resume"), token)
        {
            Section = T(l, "console_more_title"),
            Intro = T(l, "console_resume_hint"),
        });

        string? notice = done is not null && TryText(l, "console_network_done_" + done) is { } said ? said : null;
        return Render(Frame(l, principal, network.Name, ConsoleRoutes.Home) with
        {
            Organisation = network.Organisation,
            Notice = notice,
            ProblemTitle = problem is null ? null : $"{T(l, "console_network_problem")}: {problem.Title}",
            Errors = problem is null ? [] : [.. problem.Errors.Count == 0
                ? [new ConsoleError(null, problem.Title)]
                : problem.Errors.SelectMany(e => e.Value.Select(m => new ConsoleError(null, $"{e.Key}: {m}")))],
            DashboardHtml = dashboardHtml,
            Forms = forms,
            Links =
            [
                new ConsoleLink($"{ConsoleRoutes.Network(id)}/export.xlsx", T(l, "console_export")),
                new ConsoleLink($"{ConsoleRoutes.Network(id)}/export.csv", T(l, "console_export_csv")),
                new ConsoleLink($"{ConsoleRoutes.Network(id)}/next-year.json", T(l, "console_next_year")),
            ],
        }, l);
    }

    List<ConsoleField> MemberFields(Language l, string prefix, string name, string email, string department, IReadOnlyList<ConsoleOption> departments) =>
    [
        new ConsoleField("name", $"{prefix}-name", T(l, "console_field_member_name"), "text", name) { Required = true, Autocomplete = "off" },
        new ConsoleField("email", $"{prefix}-email", T(l, "console_field_member_email"), "email", email) { Required = true, Autocomplete = "off" },
        new ConsoleField("department", $"{prefix}-department", T(l, "console_field_member_department"), "select", department) { Required = true, Options = departments },
    ];

    string? TryText(Language l, string key)
    {
        try
        {
            return renderer.Text(l, key);
        }
        catch (KeyNotFoundException)
        {
            return null;
        }
    }
}
