using System.Globalization;
using Microsoft.Extensions.Primitives;
using NetworkFunctions.Agenda;
using NetworkFunctions.Forms;
using NetworkFunctions.Networks;
using NetworkFunctions.Rendering;
using NetworkFunctions.Validation;

namespace NetworkFunctions.Minutes;

/// <summary>A member on the register: <see cref="SaidYes"/> from the invitation, <see cref="Came"/> from the minutes.</summary>
public sealed record RegisterRow(string Id, string Name, string Department, bool SaidYes, bool Came);

/// <summary>
/// The minutes as the preparers write them (<c>minutes-form.html.liquid</c> in the <c>page</c> layout: a fieldset per
/// block with key points, decisions and follow-ups, and the attendance register) and as everyone reads them
/// (<c>minutes.html.liquid</c> in the mail layout, and text). Every text is encoded by the template.
/// </summary>
public sealed class MinutesPages(TemplateRenderer renderer, AgendaWorkspacePage workspace)
{
    public string Form(MeetingContext c, MeetingMinutes minutes, IReadOnlyList<RegisterRow> register, string action, WorkspaceBanner? banner = null,
        FieldErrors? errors = null, IReadOnlyDictionary<string, StringValues>? posted = null)
    {
        Language l = c.Language;
        string Value(string field, string? shown) => posted is not null && posted.TryGetValue(field, out StringValues v) && v.Count > 0 ? v[0] ?? "" : shown ?? "";
        string? Error(string field) => errors?.ToDictionary().TryGetValue(field, out string[]? codes) == true ? T(l, codes[0]) : null;
        string[] labels = [T(l, "minutes_key_points"), T(l, "minutes_decisions"), T(l, "minutes_follow_ups")];
        var blocks = minutes.Blocks.Select((b, i) => new
        {
            Index = i,
            b.Heading,
            Fields = new[] { b.KeyPoints, b.Decisions, b.FollowUps }
                .Select((text, f) => new { Name = $"{MinutesForm.Fields[f]}{i}", Label = labels[f], Value = Value($"{MinutesForm.Fields[f]}{i}", text), Error = Error($"{MinutesForm.Fields[f]}{i}") })
                .ToList(),
        }).ToList();
        IReadOnlyList<string>? postedCame = posted is not null && posted.TryGetValue("came", out StringValues came) ? [.. came.OfType<string>()] : null;
        string state = minutes.SentAt is { } sentAt
            ? T(l, "minutes_state_sent", ("who", Who(l, minutes.SentBy)), ("when", Formats.Moment(sentAt, c.Zone, l)))
            : minutes.SavedAt is { } savedAt
                ? T(l, "minutes_state_saved", ("who", Who(l, minutes.SavedBy)), ("when", Formats.Moment(savedAt, c.Zone, l)), ("revision", minutes.Revision))
                : T(l, "minutes_state_draft");
        var view = new
        {
            Title = T(l, "minutes_form_title", ("n", c.Meeting.Number)),
            NetworkName = c.Network.Name,
            c.Network.Organisation,
            Intro = T(l, "minutes_form_intro", ("meeting", T(l, "agenda_meeting", ("number", c.Meeting.Number)))),
            State = state,
            Banner = banner?.Text,
            BannerKind = banner?.Kind,
            Action = action,
            minutes.Revision,
            Editable = !minutes.Sent,
            Blocks = blocks,
            Members = register.Select(m => m with { Came = postedCame?.Contains(m.Id) ?? m.Came }).ToList(),
            Errors = errors?.ToDictionary().Select(e => new ErrorLink(e.Key, T(l, e.Value[0]))).ToList() ?? [],
        };
        return renderer.RenderHtml("minutes-form", view, l, "page");
    }

    /// <summary>The minutes as the members and the director read them: HTML (in the mail layout) and text.</summary>
    public (string Html, string Text) Document(MeetingContext c, MeetingMinutes minutes, IReadOnlyList<RegisterRow> register)
    {
        Language l = c.Language;
        var came = register.Where(m => m.Came).Select(m => new { m.Name, m.Department }).ToList();
        var view = new
        {
            Title = T(l, "minutes_title", ("n", c.Meeting.Number)),
            NetworkName = c.Network.Name,
            c.Network.Organisation,
            When = Formats.Span(c.Meeting.Start, c.Meeting.End, c.Zone, l),
            c.Meeting.Location,
            Blocks = minutes.Blocks,
            CameHeading = T(l, "minutes_came", ("count", came.Count)),
            Came = came,
        };
        return (renderer.RenderHtml("minutes", view, l), renderer.RenderText("minutes", view, l));
    }

    /// <summary>The headings of the blocks the minutes start from: the agenda's blocks ("Tema: Frivillige"), or the meeting as one block.</summary>
    public IReadOnlyList<string> Headings(MeetingContext c, MeetingAgenda? agenda) =>
        agenda is null or { Items.Count: 0 }
            ? [T(c.Language, "agenda_meeting", ("number", c.Meeting.Number))]
            : [.. agenda.Items.Select(item =>
                T(c.Language, "agenda_kind_" + System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(item.Kind.ToString()))
                + (string.IsNullOrWhiteSpace(item.GroupTitle) ? "" : ": " + item.GroupTitle.Trim()))];

    public string Text(Language language, string key, params (string Name, object Value)[] values) => T(language, key, values);

    /// <summary>"facilitator" / "intern konsulent": who saved or sent the minutes (the facilitator when not recorded).</summary>
    public string Who(Language language, string? preparer) => workspace.Who(language, preparer ?? MailKinds.Facilitator);

    string T(Language language, string key, params (string Name, object Value)[] values) =>
        renderer.Text(language, key, values.ToDictionary(v => v.Name, v => Convert.ToString(v.Value, CultureInfo.InvariantCulture) ?? ""));
}
