using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Primitives;
using NetworkFunctions.Forms;
using NetworkFunctions.Networks;
using NetworkFunctions.Rendering;
using NetworkFunctions.Validation;

namespace NetworkFunctions.Agenda;

/// <summary>A message at the top of the workspace: <c>notice</c> (saved) or <c>errors</c> (a conflict, an approval refused).</summary>
public sealed record WorkspaceBanner(string Kind, string Text);

/// <summary>
/// The preparers' workspace page (<c>workspace.html.liquid</c> in the <c>page</c> layout): the agenda as a plain HTML
/// form — every block with its order, minutes, title, the expert input's description and a theme block to merge into;
/// every contribution with where it goes and why it was taken off — plus the note to members, the approval state and
/// the history. After a refused save the fields show what was posted. Member and preparer text is encoded by the template.
/// </summary>
public sealed class AgendaWorkspacePage(TemplateRenderer renderer)
{
    public string Render(
        MeetingContext c,
        MeetingAgenda agenda,
        string action,
        bool editable,
        bool sent = false,
        WorkspaceBanner? banner = null,
        FieldErrors? errors = null,
        IReadOnlyDictionary<string, StringValues>? posted = null)
    {
        Language l = c.Language;
        var minutes = new AgendaMinutes(agenda.Start, agenda.End);
        string Time(DateTimeOffset instant) =>
            ZonedTime.InZone(instant, c.Zone).ToString(minutes.Compressed ? "HH:mm:ss" : "HH:mm", CultureInfo.InvariantCulture);
        string Value(string field, string? shown) => posted is not null && posted.TryGetValue(field, out StringValues v) && v.Count > 0 ? v[0] ?? "" : shown ?? "";
        string? Error(string field) => errors?.ToDictionary().TryGetValue(field, out string[]? codes) == true ? T(l, codes[0]) : null;
        string Heading(AgendaItem item) => T(l, "agenda_kind_" + JsonNamingPolicy.CamelCase.ConvertName(item.Kind.ToString()));
        string BlockLabel(int index) => $"{index + 1}. {Heading(agenda.Items[index])}{(agenda.Items[index].GroupTitle is { } title ? ": " + title : "")}";

        IReadOnlyList<AgendaCandidate> all = AgendaWorkspace.Contributions(agenda);
        var dropped = (agenda.Dropped ?? []).ToList();
        int key = 0;
        List<WorkspaceContribution> Rows(IEnumerable<AgendaCandidate> candidates, string current)
        {
            var rows = new List<WorkspaceContribution>();
            foreach (AgendaCandidate candidate in candidates)
            {
                int k = key++;
                DroppedContribution? drop = current == "drop" ? dropped.FirstOrDefault(d => d.Candidate == candidate) : null;
                string selected = Value($"place{k}", current);
                List<WorkspaceOption> places =
                [
                    .. agenda.Items.Select((_, j) => new WorkspaceOption($"b{j}", BlockLabel(j), selected == $"b{j}")),
                    new("new", T(l, "workspace_place_new"), selected == "new"),
                    new("carry", T(l, "workspace_place_carry"), selected == "carry"),
                    new("drop", T(l, "workspace_place_drop"), selected == "drop"),
                ];
                rows.Add(new WorkspaceContribution(
                    k,
                    T(l, "agenda_type_" + JsonNamingPolicy.CamelCase.ConvertName(candidate.Contribution.Type.ToString())),
                    candidate.Contribution.Title.Trim(),
                    string.IsNullOrWhiteSpace(candidate.Contribution.Description) ? null : candidate.Contribution.Description.Trim(),
                    candidate.MemberName,
                    candidate.Department,
                    candidate.FromMeeting == AgendaCandidate.LastYear ? T(l, "agenda_carried_over_last_year")
                    : candidate.FromMeeting < agenda.MeetingNumber ? T(l, "agenda_carried_over", ("number", candidate.FromMeeting))
                    : null,
                    drop is null ? null : T(l, "workspace_dropped_by", ("who", Who(l, drop.By)), ("when", Formats.Moment(drop.At, c.Zone, l))),
                    Value($"reason{k}", drop?.Reason),
                    places,
                    Error($"place{k}"),
                    Error($"reason{k}")));
            }

            return rows;
        }

        var sections = new List<WorkspaceSection>();
        for (int i = 0; i < agenda.Items.Count; i++)
        {
            AgendaItem item = agenda.Items[i];
            int over = item.End > agenda.End ? minutes.Between(item.Start > agenda.End ? item.Start : agenda.End, item.End) : 0;
            sections.Add(new WorkspaceSection(
                "block",
                i,
                Time(item.Start),
                Time(item.End),
                Heading(item),
                Value($"title{i}", item.GroupTitle) is { Length: > 0 } title ? title : null,
                AgendaWorkspace.Titled(item.Kind),
                item.Kind == AgendaItemKind.ExpertInput,
                Value($"description{i}", item.Description) is { Length: > 0 } description ? description : null,
                Value($"position{i}", (i + 1).ToString(CultureInfo.InvariantCulture)),
                Value($"minutes{i}", AgendaWorkspace.Minutes(agenda, item).ToString(CultureInfo.InvariantCulture)),
                over > 0 ? T(l, "workspace_flag_overflow", ("minutes", over)) : null,
                item.Kind == AgendaItemKind.Themes
                    ? [.. agenda.Items.Select((other, j) => (other, j)).Where(x => x.j != i && x.other.Kind == AgendaItemKind.Themes).Select(x => new WorkspaceOption(x.j.ToString(CultureInfo.InvariantCulture), BlockLabel(x.j), false))]
                    : [],
                Rows(item.Contributions, $"b{i}"),
                Error($"position{i}"),
                Error($"minutes{i}"),
                Error($"title{i}"),
                Error($"description{i}"),
                Error($"merge{i}")));
        }

        sections.Add(WorkspaceSection.List("carried", Rows(agenda.NotFitted, "carry")));
        sections.Add(WorkspaceSection.List("dropped", Rows(dropped.Select(d => d.Candidate), "drop")));

        var summary = new List<ErrorLink>();
        foreach ((string field, string[] codes) in errors?.ToDictionary() ?? new Dictionary<string, string[]>())
        {
            summary.Add(new ErrorLink(field, T(l, codes[0])));
        }

        var view = new WorkspaceView(
            T(l, "workspace_title", ("n", c.Meeting.Number)),
            c.Network.Name,
            c.Network.Organisation,
            T(l, "workspace_intro", ("meeting", T(l, "agenda_meeting", ("number", c.Meeting.Number))), ("final", Formats.Moment(c.Timeline.FinalAgendaAt, c.Zone, l))),
            string.Join(" ", new[]
            {
                agenda.Approved is { } approved
                    ? T(l, "workspace_state_approved", ("who", Who(l, approved.By)), ("when", Formats.Moment(approved.At, c.Zone, l)), ("revision", approved.Revision))
                    : T(l, "workspace_state_draft"),
                !editable ? T(l, "workspace_state_closed")
                : sent ? T(l, "workspace_state_sent", ("final", Formats.Moment(c.Timeline.FinalAgendaAt, c.Zone, l)))
                : null,
            }.OfType<string>()),
            banner?.Text,
            banner?.Kind,
            action,
            agenda.Revision,
            editable,
            minutes.Compressed,
            sections,
            Value("note", agenda.Note) is { Length: > 0 } note ? note : null,
            Error("note"),
            [.. (agenda.History ?? []).Reverse().Select(h => T(l, "workspace_history_entry",
                ("when", Formats.Moment(h.At, c.Zone, l)),
                ("who", Who(l, h.By)),
                ("changes", string.Join(", ", h.Changes.Select(change => T(l, "workspace_change_" + change)))),
                ("revision", h.Revision)))],
            summary);
        return renderer.RenderHtml("workspace", view, l, "page");
    }

    /// <summary>"facilitator" / "intern konsulent" for a preparer's recipient key.</summary>
    public string Who(Language language, string preparer) =>
        T(language, preparer == MailKinds.Consultant ? "workspace_who_consultant" : "workspace_who_facilitator");

    /// <summary>One text of the workspace in the network's language.</summary>
    public string Text(Language language, string key, params (string Name, object Value)[] values) => T(language, key, values);

    string T(Language language, string key, params (string Name, object Value)[] values) =>
        renderer.Text(language, key, values.ToDictionary(v => v.Name, v => Convert.ToString(v.Value, CultureInfo.InvariantCulture) ?? ""));
}

public sealed record WorkspaceOption(string Value, string Label, bool Selected);

public sealed record WorkspaceContribution(
    int Key, string Type, string Title, string? Description, string Member, string Department, string? CarriedFrom, string? DroppedBy, string Reason,
    IReadOnlyList<WorkspaceOption> Places, string? PlaceError, string? ReasonError);

public sealed record WorkspaceSection(
    string Kind, int Index, string? Start, string? End, string? Heading, string? Title, bool Titled, bool Expert, string? Description,
    string? Position, string? Minutes, string? Flag, IReadOnlyList<WorkspaceOption> MergeOptions, IReadOnlyList<WorkspaceContribution> Contributions,
    string? PositionError, string? MinutesError, string? TitleError, string? DescriptionError, string? MergeError)
{
    public static WorkspaceSection List(string kind, IReadOnlyList<WorkspaceContribution> contributions) =>
        new(kind, -1, null, null, null, null, false, false, null, null, null, null, [], contributions, null, null, null, null, null);
}

public sealed record WorkspaceView(
    string Title, string NetworkName, string Organisation, string Intro, string State, string? Banner, string? BannerKind, string Action,
    int Revision, bool Editable, bool Compressed, IReadOnlyList<WorkspaceSection> Sections, string? Note, string? NoteError,
    IReadOnlyList<string> History, IReadOnlyList<ErrorLink> Errors);
