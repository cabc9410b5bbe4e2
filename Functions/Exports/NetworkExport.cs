using System.Globalization;
using NetworkFunctions.Agenda;
using NetworkFunctions.Networks;
using NetworkFunctions.Rendering;
using NetworkFunctions.Reports;

namespace NetworkFunctions.Exports;

/// <summary>
/// The network's data as tables the consultant can work with in Excel: the members, each member's reply and (from the
/// minutes sent) attendance per meeting, every contribution with its path through the agendas, and the survey per
/// meeting — averages only where at least <see cref="MinimumSurveyAnswers"/> answered, so no answer can be told apart.
/// Only current members appear (an erased member is gone from every table). Pure: computed from what the report reads.
/// </summary>
public sealed class NetworkExport(TemplateRenderer renderer)
{
    /// <summary>Fewer survey answers than this show no averages.</summary>
    public const int MinimumSurveyAnswers = 3;

    public IReadOnlyList<ExportSheet> Build(YearReportInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return [Members(input), Attendance(input), Contributions(input), Surveys(input), Commitments(input)];
    }

    ExportSheet Members(YearReportInput input)
    {
        Network n = input.Network;
        return Sheet("members", n.Language, ["name", "email", "department", "joined"],
            n.Members.Select(m => Row(m.Name, m.Email, m.Department, Instant(m.JoinedAt, n))));
    }

    ExportSheet Attendance(YearReportInput input)
    {
        Network n = input.Network;
        Language l = n.Language;
        var rows = new List<IReadOnlyList<object?>>();
        foreach (Meeting meeting in n.Meetings.Where(m => !m.Cancelled))
        {
            IReadOnlySet<string> invited = input.InvitedIds?.GetValueOrDefault(meeting.Number) ?? new HashSet<string>();
            Dictionary<string, InvitationAnswer> replies = input.InvitationAnswers.LatestPerMember(meeting.Number).ToDictionary(a => a.MemberId, StringComparer.Ordinal);
            IReadOnlySet<string>? came = input.Minutes?.GetValueOrDefault(meeting.Number) is { Sent: true } minutes
                ? minutes.Came.ToHashSet(StringComparer.Ordinal)
                : null;
            foreach (Member member in n.Members.Where(m => invited.Contains(m.Id) || replies.ContainsKey(m.Id)))
            {
                rows.Add(Row(
                    meeting.Number,
                    Instant(meeting.Start, n),
                    member.Name,
                    member.Department,
                    T(l, invited.Contains(member.Id) ? "export_yes" : "export_no"),
                    replies.TryGetValue(member.Id, out InvitationAnswer? reply) ? T(l, "export_" + reply.Attendance.ToString().ToLowerInvariant()) : T(l, "export_not_answered"),
                    came is null ? T(l, "export_no_register") : T(l, came.Contains(member.Id) ? "export_yes" : "export_no")));
            }
        }

        return Sheet("attendance", l, ["meeting", "date", "name", "department", "invited", "said", "came"], rows);
    }

    ExportSheet Contributions(YearReportInput input)
    {
        Network n = input.Network;
        Language l = n.Language;
        var rows = new List<IReadOnlyList<object?>>();
        foreach (Meeting meeting in n.Meetings.Where(m => !m.Cancelled))
        {
            foreach (InvitationAnswer answer in input.InvitationAnswers.LatestPerMember(meeting.Number).OrderBy(a => a.SubmittedAt))
            {
                if (n.FindMember(answer.MemberId) is not { } member)
                {
                    continue;
                }

                foreach (Contribution c in answer.Contributions)
                {
                    rows.Add(Row(
                        meeting.Number, member.Name, member.Department, T(l, "export_type_" + c.Type.ToString().ToLowerInvariant()),
                        c.Title, c.Description, Instant(answer.SubmittedAt, n), PathOf(input, l, answer.MemberId, meeting.Number, c)));
                }
            }
        }

        return Sheet("contributions", l, ["meeting", "name", "department", "type", "title", "description", "submitted", "path"], rows);
    }

    ExportSheet Surveys(YearReportInput input)
    {
        Network n = input.Network;
        Language l = n.Language;
        YearReport report = YearReport.From(input);
        return Sheet("surveys", l, ["meeting", "date", "answers", "invited", "usefulness", "relations", "courage", "remark"],
            report.Meetings.Select(m => m.Cancelled
                ? Row(m.Number, Instant(m.Start, n), null, null, null, null, null, T(l, "export_cancelled"))
                : m.Survey.Responses < MinimumSurveyAnswers
                    ? Row(m.Number, Instant(m.Start, n), m.Survey.Responses, m.Survey.Invited, null, null, null, m.Survey.Responses == 0 ? null : T(l, "export_too_few"))
                    : Row(m.Number, Instant(m.Start, n), m.Survey.Responses, m.Survey.Invited, Round(m.Survey.Usefulness), Round(m.Survey.Relations), Round(m.Survey.Courage), null)));
    }

    /// <summary>
    /// The commitments followed up on an invitation, without names: the commitment comes from the anonymous survey, so
    /// a name beside it would tell who wrote which survey answer. By meeting, then alphabetically.
    /// </summary>
    ExportSheet Commitments(YearReportInput input)
    {
        Network n = input.Network;
        Language l = n.Language;
        HashSet<int> held = [.. n.Meetings.Where(m => !m.Cancelled).Select(m => m.Number)];
        return Sheet("commitments", l, ["meeting", "commitment", "tried", "how"],
            held.Order()
                .SelectMany(number => input.InvitationAnswers.LatestPerMember(number).Select(a => a.FollowUp).OfType<CommitmentFollowUp>()
                    .OrderBy(f => f.Commitment, StringComparer.Create(Formats.Culture(l), ignoreCase: true))
                    .Select(f => Row(number, f.Commitment, f.Tried is { } tried ? T(l, "export_tried_" + tried.ToString().ToLowerInvariant()) : null, f.Note.Length > 0 ? f.Note : null))));
    }

    /// <summary>Where a contribution went (<see cref="ContributionLedger"/>); empty before any agenda weighed it.</summary>
    string? PathOf(YearReportInput input, Language l, string memberId, int from, Contribution contribution) =>
        ContributionLedger.Of((input.Agendas ?? new Dictionary<int, MeetingAgenda>()).Values, memberId, from, contribution, item => ContributionLedger.BlockHeading(renderer, l, item)) switch
        {
            { State: LedgerState.OnAgenda } on => T(l, "export_path_agenda", ("n", on.Meeting!), ("block", on.Block!)),
            { State: LedgerState.Dropped } off => T(l, "export_path_dropped", ("n", off.Meeting!), ("reason", off.Reason!)),
            { State: LedgerState.CarriedOver } carried => T(l, "export_path_carried", ("count", carried.CarriedTimes)),
            _ => null,
        };


    ExportSheet Sheet(string key, Language l, string[] columns, IEnumerable<IReadOnlyList<object?>> rows) =>
        new(key, T(l, "export_sheet_" + key), [.. columns.Select(c => T(l, "export_col_" + c))], [.. rows]);

    static IReadOnlyList<object?> Row(params object?[] cells) => cells;

    /// <summary>"2027-02-03 09:00" in the network's time zone: sortable, and read as a date by Excel.</summary>
    static string Instant(DateTimeOffset instant, Network network) =>
        ZonedTime.InZone(instant, network.Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    static double? Round(double? value) => value is { } v ? Math.Round(v, 1) : null;

    string T(Language language, string key, params (string Name, object Value)[] values) =>
        renderer.Text(language, key, values.ToDictionary(v => v.Name, v => Convert.ToString(v.Value, CultureInfo.InvariantCulture) ?? ""));
}
