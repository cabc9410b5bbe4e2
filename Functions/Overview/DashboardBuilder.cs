using System.Globalization;
using NetworkFunctions.Email;
using NetworkFunctions.Networks;
using NetworkFunctions.Rendering;

namespace NetworkFunctions.Overview;

/// <summary>
/// Builds the dashboard's view from what was read (<see cref="DashboardInput"/>): the meetings with their phases and
/// timelines, per meeting who has answered and who has not, attendance by department and the missing departments,
/// and the links to agendas, survey summaries and the report. Pure: no clock, no I/O.
/// </summary>
public sealed partial class DashboardBuilder(TemplateRenderer renderer)
{
    /// <summary>The phases in the order a meeting passes them; a step of the timeline is done once its phase is reached.</summary>
    static readonly string[] PhaseOrder =
    [
        MeetingSteps.Scheduled, MeetingSteps.Inviting, MeetingSteps.Collecting, MeetingSteps.AgendaSent,
        MeetingSteps.Held, MeetingSteps.Surveying, MeetingSteps.Closed,
    ];

    /// <param name="chart">Draws the attendance chart as PNG (null: no chart; the table has the same numbers).</param>
    public DashboardView Build(DashboardInput input, Func<DepartmentAttendance, Language, byte[]?>? chart = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        Network network = input.Network;
        Language l = network.Language;
        string basePath = input.BasePath ?? $"/api/networks/{network.Id}";
        DepartmentAttendance attendance = DepartmentAttendance.Of(network, input.Meetings);
        byte[]? png = chart?.Invoke(attendance, l);
        int represented = attendance.Departments.Count(d => !d.Missing);
        Dictionary<int, int> contributions = network.Meetings.ToDictionary(m => m.Number, m => ContributionsOf(network, input.Meetings.FirstOrDefault(s => s.Number == m.Number)));

        return new DashboardView(
            Text(l, "dashboard_title", ("name", network.Name)),
            network.Name,
            network.Organisation,
            Text(l, "dashboard_lead",
                ("meetings", Count(network.Meetings.Count, l)),
                ("members", Count(network.Members.Count, l)),
                ("represented", Count(represented, l)),
                ("departments", Count(attendance.Departments.Count, l))),
            Text(l, "dashboard_runtime", ("status", RuntimeLabel(l, input.RuntimeStatus))),
            input.BasePath is null ? Link(basePath, input.LinkKey) : null,
            input.BasePath is null ? Text(l, "dashboard_key_note") : null,
            network.MissingDepartments,
            Text(l, network.MissingDepartments.Count == 0 ? "dashboard_missing_none" : "dashboard_missing_note"),
            new DashboardLink(Text(l, "dashboard_report"), input.ReportExists ? Link($"{basePath}/report", input.LinkKey) : null, Text(l, "dashboard_report_pending")),
            network.Meetings.Select(m => Panel(input, m, basePath, contributions)).ToList(),
            Table(attendance, network.Meetings.Select(m => !m.Cancelled && m.End <= input.Now).ToList(), l),
            png is { Length: > 0 } ? new DashboardChart("data:image/png;base64," + Convert.ToBase64String(png), Text(l, "dashboard_chart_alt")) : null,
            (input.Attention ?? []).Select(a => new AttentionRow(
                a.Kind,
                a.Meeting is { } n ? Text(l, "dashboard_attention_meeting", ("kind", Text(l, "dashboard_attention_" + a.Kind.Replace('-', '_'))), ("n", Count(n, l))) : Text(l, "dashboard_attention_" + a.Kind.Replace('-', '_')),
                Formats.Moment(a.Since, network.Zone, l),
                a.Detail)).ToList(),
            AbsenceLines(input),
            LedgerRows(input));
    }

    /// <summary>The early warnings after the last two held meetings (<see cref="AbsenceWarnings"/>), as sentences.</summary>
    List<string> AbsenceLines(DashboardInput input)
    {
        Network network = input.Network;
        Language l = network.Language;
        List<HeldMeeting> held = [.. network.Meetings
            .Where(m => !m.Cancelled && m.End <= input.Now)
            .Select(m => input.Meetings.FirstOrDefault(s => s.Number == m.Number))
            .OfType<MeetingSnapshot>()
            .Where(s => s.InvitedMemberIds.Count > 0)
            .Select(s => new HeldMeeting(
                s.Number,
                s.InvitedMemberIds,
                s.Attended.ToHashSet(StringComparer.Ordinal)))];
        if (AbsenceWarnings.Of(network, held) is not { Any: true } absences)
        {
            return [];
        }

        (string a, string b) = (Count(absences.Earlier, l), Count(absences.Later, l));
        return
        [
            .. absences.Members.Select(m => Text(l, "dashboard_absent_member", ("name", m.Name), ("department", m.Department), ("a", a), ("b", b))),
            .. absences.Departments.Select(d => Text(l, "dashboard_absent_department", ("department", d), ("a", a), ("b", b))),
        ];
    }

    MeetingPanel Panel(DashboardInput input, Meeting meeting, string basePath, IReadOnlyDictionary<int, int> contributions)
    {
        Network network = input.Network;
        Language l = network.Language;
        TimeZoneInfo zone = network.Zone;
        MeetingSnapshot? snapshot = input.Meetings.FirstOrDefault(s => s.Number == meeting.Number);
        string phase = MeetingPhase.Of(meeting, snapshot, input.Now);
        string number = Count(meeting.Number, l);
        StringComparer alphabetical = StringComparer.Create(Formats.Culture(l), ignoreCase: true);

        // Who has answered: the answers of current members, invited or not; who has not: the invited without an answer.
        var answers = (snapshot?.Answers ?? [])
            .Where(a => network.FindMember(a.MemberId) is not null)
            .LatestPerMember(meeting.Number)
            .ToDictionary(a => a.MemberId, StringComparer.Ordinal);
        IReadOnlySet<string> invited = snapshot?.InvitedMemberIds ?? new HashSet<string>();
        List<AnsweredMember> answered = network.Members
            .Where(m => answers.ContainsKey(m.Id))
            .Select(m => (Member: m, Answer: answers[m.Id]))
            .OrderBy(x => x.Answer.Attendance switch { Attendance.Yes => 0, Attendance.Maybe => 1, _ => 2 })
            .ThenBy(x => x.Member.Name, alphabetical)
            .Select(x => new AnsweredMember(
                x.Member.Name,
                x.Member.Department,
                Text(l, "dashboard_attendance_" + Key(x.Answer.Attendance)),
                Key(x.Answer.Attendance),
                x.Answer.Contributions.Count))
            .ToList();
        List<WaitingMember> waiting = network.Members
            .Where(m => invited.Contains(m.Id) && !answers.ContainsKey(m.Id))
            .OrderBy(m => m.Department, alphabetical)
            .ThenBy(m => m.Name, alphabetical)
            .Select(m => new WaitingMember(m.Name, m.Department))
            .ToList();
        int invitedCount = network.Members.Count(m => invited.Contains(m.Id));
        bool sent = invitedCount > 0;
        string? agendaState = AgendaStates.Of(meeting, MeetingTimeline.For(meeting, network.Schedule, zone), snapshot, input.Now) is { } state
            ? Text(l, "dashboard_agenda_" + state)
            : null;
        string summary = !sent && answered.Count == 0
            ? Text(l, "dashboard_not_invited_yet")
            : Text(l, "dashboard_answers_summary",
                ("answered", Count(answered.Count, l)),
                ("invited", Count(Math.Max(invitedCount, answered.Count), l)),
                ("yes", Count(answered.Count(a => a.AttendanceKey == "yes"), l)),
                ("maybe", Count(answered.Count(a => a.AttendanceKey == "maybe"), l)),
                ("no", Count(answered.Count(a => a.AttendanceKey == "no"), l)));

        return new MeetingPanel(
            meeting.Number,
            "meeting-" + meeting.Number.ToString(CultureInfo.InvariantCulture),
            string.IsNullOrWhiteSpace(meeting.Title)
                ? Text(l, "dashboard_meeting", ("n", number))
                : Text(l, "dashboard_meeting_named", ("n", number), ("title", meeting.Title.Trim())),
            Formats.Span(meeting.Start, meeting.End, zone, l),
            meeting.Location,
            phase,
            Text(l, "dashboard_phase_" + phase),
            meeting.Cancelled,
            meeting.Cancelled ? [] : Steps(MeetingTimeline.For(meeting, network.Schedule, zone), phase, zone, l),
            !meeting.Cancelled && phase != MeetingSteps.Closed && snapshot?.NextStepAt is { } next
                ? Text(l, "dashboard_next_step", ("when", Formats.Moment(next, zone, l)))
                : null,
            sent,
            summary,
            answered,
            waiting,
            Text(l, "dashboard_answered_caption", ("n", number)),
            Text(l, "dashboard_not_answered_caption", ("n", number)),
            new DashboardLink(
                agendaState is not null
                    ? Text(l, "dashboard_agenda_state", ("label", Text(l, "dashboard_agenda", ("n", number))), ("state", agendaState))
                    : Text(l, "dashboard_agenda", ("n", number)),
                snapshot?.AgendaExists == true ? Link($"{basePath}/meetings/{meeting.Number}/agenda", input.LinkKey) : null,
                Text(l, meeting.Cancelled ? "dashboard_cancelled_document" : "dashboard_agenda_pending")),
            new DashboardLink(
                Text(l, "dashboard_survey_summary", ("n", number)),
                snapshot?.SurveySummaryExists == true ? Link($"{basePath}/meetings/{meeting.Number}/survey-summary", input.LinkKey) : null,
                Text(l, meeting.Cancelled ? "dashboard_cancelled_document" : "dashboard_survey_summary_pending")),
            Text(l, "dashboard_survey_answers", ("count", Count(snapshot?.SurveyAnswers ?? 0, l))),
            snapshot?.Came is { } came
                ? Text(l, "dashboard_came", ("came", Count(came.Count(id => network.FindMember(id) is not null), l)), ("yes", Count(answered.Count(a => a.AttendanceKey == "yes"), l)))
                : null,
            Glance(input, meeting, snapshot, invitedCount, answered.Count(a => a.AttendanceKey == "yes"), contributions, agendaState),
            new DashboardLink(
                Text(l, "dashboard_minutes", ("n", number)),
                snapshot?.RegisterKept == true ? Link($"{basePath}/meetings/{meeting.Number}/minutes", input.LinkKey) : null,
                Text(l, meeting.Cancelled ? "dashboard_cancelled_document" : "dashboard_minutes_pending")));
    }

    List<TimelineStep> Steps(MeetingTimeline timeline, string phase, TimeZoneInfo zone, Language l)
    {
        int reached = Array.IndexOf(PhaseOrder, phase);
        (string Key, string When, string DoneAt)[] steps =
        [
            ("dashboard_step_invitation", Formats.Moment(timeline.InvitationAt, zone, l), MeetingSteps.Collecting),
            ("dashboard_step_deadline", Formats.Moment(timeline.DeadlineAt, zone, l), MeetingSteps.AgendaSent),
            ("dashboard_step_meeting", Formats.Span(timeline.Start, timeline.End, zone, l), MeetingSteps.Held),
            ("dashboard_step_survey", Formats.Moment(timeline.SurveyAt, zone, l), MeetingSteps.Surveying),
            ("dashboard_step_close", Formats.Moment(timeline.SurveyCloseAt, zone, l), MeetingSteps.Closed),
        ];
        var result = new List<TimelineStep>();
        bool currentGiven = false;
        foreach ((string key, string when, string doneAt) in steps)
        {
            string state = reached >= Array.IndexOf(PhaseOrder, doneAt) ? "done" : currentGiven ? "later" : "current";
            currentGiven |= state == "current";
            result.Add(new TimelineStep(Text(l, key), when, state, Text(l, "dashboard_state_" + state)));
        }

        return result;
    }

    /// <param name="held">Per meeting of the network, whether it was held (a zero there is an absence).</param>
    AttendanceTable Table(DepartmentAttendance attendance, IReadOnlyList<bool> held, Language l)
    {
        List<string> headers = attendance.MeetingNumbers
            .Select((n, i) => Text(l, attendance.Cancelled[i] ? "dashboard_chart_meeting_cancelled" : "dashboard_chart_meeting", ("number", Count(n, l))))
            .ToList();
        List<AttendanceRow> rows = attendance.Departments
            .Select(d => new AttendanceRow(
                d.Department,
                d.Yes.Select((c, i) => attendance.Cancelled[i] ? "–" : Count(c, l)).ToList(),
                Count(d.Total, l),
                d.Missing,
                d.Yes.Select((c, i) => held[i] && c == 0).ToList()))
            .ToList();
        var total = new AttendanceRow(
            Text(l, "dashboard_col_total"),
            attendance.MeetingNumbers.Select((_, i) => attendance.Cancelled[i] ? "–" : Count(attendance.TotalOf(i), l)).ToList(),
            Count(attendance.Departments.Sum(d => d.Total), l),
            false);
        return new AttendanceTable(Text(l, "dashboard_attendance_caption"), headers, rows, total);
    }

    string RuntimeLabel(Language l, string runtimeStatus)
    {
        try
        {
            return Text(l, "dashboard_runtime_" + runtimeStatus.ToLowerInvariant());
        }
        catch (KeyNotFoundException)
        {
            return runtimeStatus;
        }
    }

    /// <summary>An admin link; with the key only when the page itself was opened with <c>?code=</c>.</summary>
    static string Link(string path, string? key) =>
        string.IsNullOrEmpty(key) ? path : $"{path}?code={Uri.EscapeDataString(key)}";

    static string Key(Attendance attendance) => attendance.ToString().ToLowerInvariant();

    static string Count(int value, Language language) => value.ToString("N0", Formats.Culture(language));

    string Text(Language language, string key, params (string Name, string Value)[] values) =>
        renderer.Text(language, key, values.ToDictionary(v => v.Name, v => v.Value));
}
