using System.Globalization;
using NetworkFunctions.Kickoff;
using NetworkFunctions.Networks;
using NetworkFunctions.Overview;
using NetworkFunctions.Rendering;
using NetworkFunctions.Validation;

namespace NetworkFunctions.Office;

/// <summary>
/// The console's pages, built as <see cref="ConsoleView"/>s and rendered in the <c>page</c> layout (no script; the
/// headers of every page of the app come from <c>HtmlPage</c>). Field ids are <c>f-</c> and the field's name with dots as
/// hyphens, so each problem in the summary links to its field.
/// </summary>
public sealed partial class ConsolePages(TemplateRenderer renderer)
{
    public const string Template = "console";

    public string Render(ConsoleView view, Language language) => renderer.RenderHtml(Template, view, language, "page");

    /// <summary>The page for storage or the engine not answering in time (sent with 503 and Retry-After).</summary>
    public string Unavailable(Language l, ConsolePrincipal? principal) =>
        Message(l, principal, "console_unavailable_title", "console_unavailable");

    /// <summary>The page for a request that needs a sign-in it does not carry (sent with 401), with the way to sign in.</summary>
    public string SignIn(Language l, string signInPath) =>
        Message(l, null, "console_signin_title", "console_signin", link: (signInPath, "console_signin_title"));

    /// <summary>A page that only says something: a refusal, or what to do next.</summary>
    public string Message(Language l, ConsolePrincipal? principal, string titleKey, string textKey, (string Name, string Value)[]? values = null, (string Url, string TextKey)? link = null) =>
        Render(Frame(l, principal, T(l, titleKey), null) with
        {
            Wide = false,
            Paragraphs = [T(l, textKey, values ?? [])],
            Links = link is { } to ? [new ConsoleLink(to.Url, T(l, to.TextKey))] : [],
        }, l);

    /// <summary>A page that lists what was wrong (the API's messages by field) and where to go back to.</summary>
    public string Problem(Language l, ConsolePrincipal principal, string titleKey, IDictionary<string, string[]> errors, (string Url, string TextKey) back) =>
        Render(Frame(l, principal, T(l, titleKey), ConsoleRoutes.Home) with
        {
            Wide = false,
            ProblemTitle = T(l, titleKey),
            Errors = [.. errors.SelectMany(e => e.Value.Select(m => new ConsoleError(null, $"{e.Key}: {m}")))],
            Links = [new ConsoleLink(back.Url, T(l, back.TextKey))],
        }, l);

    /// <summary>One of the console's texts in <paramref name="l"/>.</summary>
    public string Text(Language l, string key) => T(l, key);

    public string Home(Language l, ConsolePrincipal principal, bool admin, IReadOnlyList<ConsoleNetworkRow> networks) =>
        Render(Frame(l, principal, T(l, "console_home_title"), null) with
        {
            Paragraphs = [T(l, "console_home_intro"), .. admin ? [T(l, "console_home_admin")] : Array.Empty<string>(), .. networks.Count == 0 ? [T(l, "console_home_none")] : Array.Empty<string>()],
            Networks = networks,
            Links = [new ConsoleLink(ConsoleRoutes.New, T(l, "console_home_new"))],
        }, l);

    /// <summary>A row of the home page's list: the network, and the person's role in it.</summary>
    public ConsoleNetworkRow NetworkRow(Language l, ConsolePrincipal principal, Network network)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(network);
        string role = ConsoleAccess.RoleIn(principal, network)?.ToString().ToLowerInvariant() ?? "admin";
        return new ConsoleNetworkRow(network.Name, network.Organisation, T(l, "console_home_role", ("role", T(l, "console_role_" + role))), ConsoleRoutes.Network(network.Id));
    }

    /// <summary>The preview of the year the form describes, with the kickoff and a way back to the form with what was typed.</summary>
    public string Preview(Language l, ConsolePrincipal principal, string token, Network network, string document, IReadOnlyDictionary<string, string> fields, IReadOnlyList<KickoffMember> roster)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(fields);
        TimeZoneInfo zone = network.Zone;
        var meetings = network.Meetings.Select(m =>
        {
            MeetingTimeline timeline = MeetingTimeline.For(m, network.Schedule, zone);
            List<(DateTimeOffset At, string Step)> steps =
            [
                (timeline.InvitationAt, T(l, "console_step_invitation")),
                .. timeline.RemindersAt.Select(at => (at, T(l, "console_step_reminder"))),
                (timeline.DeadlineAt, T(l, "console_step_deadline")),
                (timeline.FinalAgendaAt, T(l, "console_step_final")),
                (timeline.Start, T(l, "console_step_meeting")),
                (timeline.SurveyAt, T(l, "console_step_survey")),
                (timeline.SurveyCloseAt, T(l, "console_step_survey_close")),
            ];
            string heading = $"{T(l, "console_section_meeting", ("n", m.Number.ToString(CultureInfo.InvariantCulture)))}: {Formats.Span(m.Start, m.End, zone, l)}, {m.Location}";
            return new ConsolePreviewMeeting(heading, [.. steps.OrderBy(s => s.At).Select(s => new ConsolePreviewStep(Formats.Moment(s.At, zone, l), s.Step))]);
        }).ToList();
        int departments = network.Departments.Count - network.MissingDepartments.Count;
        IReadOnlyList<ConsoleHidden> back = [.. fields.Where(f => f.Key != ConsoleTokens.Field && f.Key != NewNetworkForm.RosterField).Select(f => new ConsoleHidden(f.Key, f.Value)),
            new ConsoleHidden(NewNetworkForm.RosterField, NewNetworkForm.RosterJson(roster)), new ConsoleHidden("step", "edit")];
        return Render(Frame(l, principal, T(l, "console_preview_title", ("name", network.Name)), ConsoleRoutes.Home) with
        {
            Paragraphs =
            [
                T(l, "console_preview_intro"),
                T(l, "console_preview_members", ("members", network.Members.Count.ToString(CultureInfo.InvariantCulture)), ("departments", departments.ToString(CultureInfo.InvariantCulture))),
                network.MissingDepartments.Count == 0 ? T(l, "console_preview_missing_none") : T(l, "console_preview_missing", ("departments", string.Join(", ", network.MissingDepartments))),
            ],
            Preview = meetings,
            Forms =
            [
                new ConsoleForm("kickoff", null, ConsoleRoutes.Kickoff, T(l, "console_kickoff"), token) { Multipart = true, Hidden = [new ConsoleHidden("document", document)] },
                new ConsoleForm("back", null, ConsoleRoutes.New, T(l, "console_back"), token) { Multipart = true, Hidden = back },
            ],
        }, l);
    }

    ConsoleView Frame(Language l, ConsolePrincipal? principal, string title, string? home) =>
        new(title, T(l, "console_brand"), null, principal is null ? "" : T(l, "console_signed_in", ("name", principal.Name)), ConsoleRoutes.SignOut, home);

    static string Id(string name) => "f-" + name.Replace('.', '-');

    string T(Language l, string key, params (string Name, string Value)[] values) =>
        renderer.Text(l, key, values.ToDictionary(v => v.Name, v => v.Value));

    /// <summary>The problems of <paramref name="errors"/> for the summary, each linked to its field and named by its label.</summary>
    static List<ConsoleError> Summary(FieldErrors errors, IReadOnlyList<ConsoleFieldset> fieldsets, Func<string, string?> targetOf)
    {
        var fields = fieldsets.SelectMany(s => s.Fields).ToDictionary(f => f.Name, StringComparer.Ordinal);
        var summary = new List<ConsoleError>();
        foreach ((string key, string[] messages) in errors.ToDictionary())
        {
            ConsoleField? field = fields.GetValueOrDefault(key);
            string? target = field?.Id ?? targetOf(key);
            foreach (string message in messages)
            {
                summary.Add(new ConsoleError(target, field is null ? message : $"{field.Label}: {message}"));
            }
        }

        return summary;
    }
}
