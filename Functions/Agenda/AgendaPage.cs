using System.Globalization;
using System.Text.Json;
using NetworkFunctions.Networks;
using NetworkFunctions.Rendering;

namespace NetworkFunctions.Agenda;

/// <summary>Where and for whom an agenda is shown: the network, the meeting's title and place, the language and time zone.</summary>
public sealed record AgendaContext(
    string NetworkName,
    string Organisation,
    string? MeetingTitle,
    string Location,
    Language Language,
    TimeZoneInfo Zone);

/// <summary>
/// The agenda as the facilitator and the internal consultant read it (and, later, every member): HTML inside the
/// default layout (<c>agenda.html.liquid</c>, readable on a phone) and plain text (<c>agenda.txt.liquid</c>) for an
/// email's text part. Times are local times in the network's zone, HH:mm (HH:mm:ss for compressed meetings). Every
/// text that comes from members or the kickoff document reaches the template as a plain value, so the template engine
/// escapes it; the templates use no <c>raw</c>.
/// </summary>
public static class AgendaPage
{
    const string Template = "agenda";

    /// <summary>The agenda as HTML (in the layout) and as plain text.</summary>
    public static (string Html, string Text) Render(TemplateRenderer renderer, MeetingAgenda agenda, AgendaContext context)
    {
        PageModel model = Model(renderer, agenda, context);
        return (renderer.RenderHtml(Template, model, context.Language), renderer.RenderText(Template, model, context.Language));
    }

    /// <summary>The page's title, also a good email subject ("Dagsorden – Møde 2: …").</summary>
    public static string Title(TemplateRenderer renderer, MeetingAgenda agenda, AgendaContext context)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        ArgumentNullException.ThrowIfNull(agenda);
        ArgumentNullException.ThrowIfNull(context);
        return renderer.Text(context.Language, "agenda_title", new Dictionary<string, string> { ["meeting"] = Heading(renderer, agenda, context) });
    }

    static PageModel Model(TemplateRenderer renderer, MeetingAgenda agenda, AgendaContext context)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        ArgumentNullException.ThrowIfNull(agenda);
        ArgumentNullException.ThrowIfNull(context);
        Language language = context.Language;
        bool compressed = AgendaAssembler.IsCompressed(agenda.Start, agenda.End);
        string Time(DateTimeOffset instant) =>
            ZonedTime.InZone(instant, context.Zone).ToString(compressed ? "HH:mm:ss" : "HH:mm", CultureInfo.InvariantCulture);
        string Text(string key, params (string Name, string Value)[] values) =>
            renderer.Text(language, key, values.ToDictionary(v => v.Name, v => v.Value));

        ContributionModel ContributionOf(AgendaCandidate candidate) => new(
            Text("agenda_type_" + CamelCase(candidate.Contribution.Type)),
            candidate.Contribution.Title.Trim(),
            string.IsNullOrWhiteSpace(candidate.Contribution.Description) ? null : candidate.Contribution.Description.Trim().ReplaceLineEndings("\n"),
            candidate.MemberName,
            candidate.Department,
            candidate.FromMeeting == AgendaCandidate.LastYear ? Text("agenda_carried_over_last_year")
            : candidate.FromMeeting < agenda.MeetingNumber ? Text("agenda_carried_over", ("number", candidate.FromMeeting.ToString(CultureInfo.InvariantCulture)))
            : null);

        List<AttendanceRow> attendance = agenda.AttendanceByDepartment
            .Select(d => new AttendanceRow(d.Department, d.Yes, d.Maybe, d.No, d.NotAnswered, d.Total))
            .ToList();

        return new PageModel(
            Title(renderer, agenda, context),
            context.NetworkName,
            context.Organisation,
            Date(renderer, ZonedTime.InZone(agenda.Start, context.Zone), language),
            Text("agenda_time_range", ("start", Time(agenda.Start)), ("end", Time(agenda.End))),
            context.Location,
            Text("agenda_zone_note", ("zone", context.Zone.Id)),
            compressed,
            agenda.Items
                .Select(item => new ItemModel(
                    Time(item.Start),
                    Time(item.End),
                    CamelCase(item.Kind),
                    Text("agenda_kind_" + CamelCase(item.Kind)),
                    string.IsNullOrWhiteSpace(item.GroupTitle) ? null : item.GroupTitle,
                    Text("agenda_note_" + CamelCase(item.Kind)),
                    item.Contributions.Select(ContributionOf).ToList(),
                    item.Kind == AgendaItemKind.Challenges && item.Contributions.Count == 0 ? Text("agenda_challenges_empty") : null,
                    string.IsNullOrWhiteSpace(item.Description) ? null : item.Description.Trim().ReplaceLineEndings("\n")))
                .ToList(),
            attendance,
            new AttendanceRow(
                null,
                attendance.Sum(a => a.Yes),
                attendance.Sum(a => a.Maybe),
                attendance.Sum(a => a.No),
                attendance.Sum(a => a.NotAnswered),
                attendance.Sum(a => a.Total)),
            agenda.NotFitted.Select(ContributionOf).ToList(),
            string.IsNullOrWhiteSpace(agenda.Note) ? null : agenda.Note.Trim().ReplaceLineEndings("\n"));
    }

    static string Heading(TemplateRenderer renderer, MeetingAgenda agenda, AgendaContext context)
    {
        var values = new Dictionary<string, string> { ["number"] = agenda.MeetingNumber.ToString(CultureInfo.InvariantCulture) };
        if (string.IsNullOrWhiteSpace(context.MeetingTitle))
        {
            return renderer.Text(context.Language, "agenda_meeting", values);
        }

        values["title"] = context.MeetingTitle.Trim();
        return renderer.Text(context.Language, "agenda_meeting_titled", values);
    }

    /// <summary>"onsdag den 3. februar 2027" / "Wednesday 3 February 2027", from the language's texts (no culture data needed).</summary>
    static string Date(TemplateRenderer renderer, DateTimeOffset local, Language language)
    {
        string[] weekdays = renderer.Text(language, "agenda_weekdays").Split(',');
        string[] months = renderer.Text(language, "agenda_months").Split(',');
        return renderer.Text(language, "agenda_date", new Dictionary<string, string>
        {
            ["weekday"] = weekdays[(int)local.DayOfWeek].Trim(),
            ["day"] = local.Day.ToString(CultureInfo.InvariantCulture),
            ["month"] = months[local.Month - 1].Trim(),
            ["year"] = local.Year.ToString(CultureInfo.InvariantCulture),
        });
    }

    static string CamelCase<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    sealed record PageModel(
        string Title,
        string NetworkName,
        string Organisation,
        string Date,
        string TimeRange,
        string Location,
        string ZoneNote,
        bool Compressed,
        IReadOnlyList<ItemModel> Items,
        IReadOnlyList<AttendanceRow> Attendance,
        AttendanceRow AttendanceTotal,
        IReadOnlyList<ContributionModel> NotFitted,
        string? Note);

    sealed record ItemModel(
        string Start,
        string End,
        string Kind,
        string Heading,
        string? GroupTitle,
        string Note,
        IReadOnlyList<ContributionModel> Contributions,
        string? EmptyText,
        string? Description);

    sealed record ContributionModel(string Type, string Title, string? Description, string MemberName, string Department, string? CarriedOver);

    sealed record AttendanceRow(string? Department, int Yes, int Maybe, int No, int NotAnswered, int Total);
}
