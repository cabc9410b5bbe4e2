using NetworkFunctions.Networks;
using NetworkFunctions.Rendering;
using NetworkFunctions.Surveys;

namespace NetworkFunctions.Reports;

/// <summary>Turns the report's figures into the sentences and formatted table cells of <see cref="YearReportView"/>.</summary>
internal sealed class ReportViewBuilder(TemplateRenderer renderer, YearReport report, ReportContext context)
{
    const string Dash = "–";

    Language Language => context.Language;

    public YearReportView Build(IReadOnlyDictionary<string, string>? chartUris)
    {
        IReadOnlyList<string> trends = Trends();
        List<MeetingFigures> held = report.Meetings.Where(m => !m.Cancelled).ToList();
        return new YearReportView(
            YearReportPage.Title(renderer, context),
            context.NetworkName,
            context.Organisation,
            KeyFigures(),
            report.Totals.DepartmentsNeverPresent.Count == 0
                ? null
                : Text("report_never_present", ("departments", string.Join(", ", report.Totals.DepartmentsNeverPresent))),
            trends,
            ChartSource.Of(chartUris, ReportCharts.SurveyTrendName, trends.Count == 0 ? Text("report_chart_survey_alt") : Text("report_chart_survey_alt") + " " + string.Join("; ", trends) + "."),
            ChartSource.Of(chartUris, ReportCharts.AttendanceName, Text("report_chart_attendance_alt")),
            report.Meetings.Select(AttendanceRow).ToList(),
            report.Meetings.Select(m => m.Cancelled ? Text("report_chart_meeting_cancelled", ("number", Number(m.Number))) : Number(m.Number)).ToList(),
            DepartmentRows(held),
            report.Meetings.Select(m => ContributionRow(Number(m.Number), m.Cancelled, m.Contributions)).ToList(),
            ContributionRow(Text("report_col_total"), false, report.Totals.Contributions),
            report.Meetings.Select(m => SurveyRow(Number(m.Number), m.Cancelled, m.Survey)).ToList(),
            SurveyRow(Text("report_row_year"), false, report.Totals.Survey),
            report.Meetings
                .Where(m => !m.Highlights.IsEmpty)
                .Select(m => new HighlightSection(MeetingLabel(m), m.Highlights.Worked, m.Highlights.NextThemes))
                .ToList(),
            [.. report.Missed.Select(Missed)],
            [.. report.Meetings
                .Where(m => m.Decisions is { Count: > 0 } || m.FollowUps is { Count: > 0 })
                .Select(m => new MinutesSection(MeetingLabel(m), m.Decisions ?? [], m.FollowUps ?? []))],
            [.. report.Meetings
                .Where(m => !m.Cancelled && m.Themes is { Count: > 0 })
                .Select(m => new ThemesLine(Text(m.AgendaApproved ? "report_themes_approved" : "report_themes_draft", ("meeting", MeetingLabel(m))), m.Themes!))],
            report.Commitments.Quotes,
            [.. report.WaitedAllYear.Select(c => $"{Text("report_type_one_" + c.Type.ToString().ToLowerInvariant())}: {c.Title}")],
            context.NetworkId is { } id ? NextYearPath(id) : null);
    }

    /// <summary>The route of next year's draft kickoff document (a POST with the function key, so the report names it rather than links it).</summary>
    public static string NextYearPath(string networkId) => $"/api/networks/{Uri.EscapeDataString(networkId)}/next-year";

    /// <summary>"Møde 2: påmindelse 1" / "Meeting 2: reminder 1", or the network-wide step alone.</summary>
    string Missed(Attention missed)
    {
        string step = missed.Step switch
        {
            MailKinds.Kickoff or MailKinds.Invitation or MailKinds.Update or MailKinds.Cancellation or MailKinds.Agenda or MailKinds.FinalAgenda
                or MailKinds.Survey or MailKinds.SurveyReminder or MailKinds.SurveySummary or MailKinds.Report => Text("report_step_" + missed.Step.Replace('-', '_')),
            { } reminder when reminder.StartsWith("reminder-", StringComparison.Ordinal) && int.TryParse(reminder["reminder-".Length..], out int index)
                => Text("report_step_reminder", ("number", Number(index))),
            _ => missed.Step!,
        };
        return missed.Meeting is { } meeting ? Text("report_missed_meeting", ("number", Number(meeting)), ("step", step)) : step;
    }

    List<string> KeyFigures()
    {
        YearTotals totals = report.Totals;
        var figures = new List<string>
        {
            totals.MeetingsCancelled == 0
                ? Text("report_key_meetings", ("held", Count(totals.MeetingsHeld)), ("total", Count(report.Meetings.Count)))
                : Text("report_key_meetings_cancelled", ("held", Count(totals.MeetingsHeld)), ("total", Count(report.Meetings.Count)), ("cancelled", Count(totals.MeetingsCancelled))),
            Text("report_key_attendance", ("average", FigureFormat.Average(totals.AverageYes, Language))),
            Text("report_key_contributions", ("total", Count(totals.Contributions.Total))),
            Text("report_key_survey", ("responses", Count(totals.Survey.Responses)), ("rate", FigureFormat.Percent(totals.Survey.ResponseRate, Language))),
        };
        if (report.Commitments.Made > 0)
        {
            figures.Add(Text("report_key_commitments",
                ("made", Count(report.Commitments.Made)), ("answered", Count(report.Commitments.Answered)), ("tried", Count(report.Commitments.Tried))));
        }

        if (report.Departments.Count > 0)
        {
            figures.Add(Text(
                "report_key_departments",
                ("present", Count(report.Departments.Count - totals.DepartmentsNeverPresent.Count)),
                ("total", Count(report.Departments.Count))));
        }

        return figures;
    }

    IReadOnlyList<string> Trends() =>
        report.Trends
            .Select(t => Text(
                "report_trend_line",
                ("label", renderer.Text(Language, t.Question.TextKey())),
                ("first", FigureFormat.Average(t.First, Language)),
                ("last", FigureFormat.Average(t.Last, Language)),
                ("change", FigureFormat.Change(t.Change, Language)),
                ("firstMeeting", Number(t.FirstMeeting)),
                ("lastMeeting", Number(t.LastMeeting))))
            .ToList();

    AttendanceRow AttendanceRow(MeetingFigures m) =>
        new(
            Number(m.Number),
            m.Title ?? "",
            FigureFormat.Date(m.Start, context.Zone, Language),
            m.Cancelled,
            Count(m.Attendance.Yes),
            m.Came is { } came ? Count(came) : "–",
            Count(m.Attendance.Maybe),
            Count(m.Attendance.No),
            Count(m.Attendance.NoAnswer),
            Count(m.DepartmentsPresent));

    List<DepartmentRow> DepartmentRows(IReadOnlyList<MeetingFigures> held)
    {
        List<DepartmentRow> rows = report.Departments
            .Select(d => new DepartmentRow(
                d,
                report.Meetings.Select(m => m.Cancelled ? Dash : Count(m.YesByDepartment.GetValueOrDefault(d))).ToList(),
                Count(held.Sum(m => m.YesByDepartment.GetValueOrDefault(d)))))
            .ToList();
        if (held.Any(m => m.YesOther > 0))
        {
            rows.Add(new DepartmentRow(
                Text("report_department_other"),
                report.Meetings.Select(m => m.Cancelled ? Dash : Count(m.YesOther)).ToList(),
                Count(held.Sum(m => m.YesOther))));
        }

        return rows;
    }

    ContributionRow ContributionRow(string label, bool cancelled, ContributionCounts c) =>
        new(label, cancelled, Count(c.Theme), Count(c.Case), Count(c.Experience), Count(c.Challenge), Count(c.Total));

    SurveyRow SurveyRow(string label, bool cancelled, SurveyAverages s) =>
        new(
            label,
            cancelled,
            s.ResponseRate is null ? Count(s.Responses) : $"{Count(s.Responses)} ({FigureFormat.Percent(s.ResponseRate, Language)})",
            FigureFormat.Average(s.Usefulness, Language),
            FigureFormat.Average(s.Relations, Language),
            FigureFormat.Average(s.Courage, Language));

    string MeetingLabel(MeetingFigures m) =>
        string.IsNullOrWhiteSpace(m.Title)
            ? Text("report_meeting_label", ("number", Number(m.Number)))
            : Text("report_meeting_label_named", ("number", Number(m.Number)), ("title", m.Title.Trim()));

    string Number(int n) => n.ToString(FigureFormat.Culture(Language));

    string Count(int n) => FigureFormat.Count(n, Language);

    string Text(string key, params (string Name, string Value)[] values) =>
        renderer.Text(Language, key, values.ToDictionary(v => v.Name, v => v.Value));
}
