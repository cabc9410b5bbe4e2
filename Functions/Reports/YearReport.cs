using NetworkFunctions.Agenda;
using NetworkFunctions.Networks;
using NetworkFunctions.Surveys;

namespace NetworkFunctions.Reports;

/// <summary>
/// The year-end report's figures (SPEC section 2, "After all meetings"): attendance per meeting and department,
/// contributions by type, the survey averages per meeting and how relations, courage and usefulness developed over the
/// year, and a few anonymous free-text highlights. Pure: computed from <see cref="YearReportInput"/> alone.
/// </summary>
/// <param name="Departments">The departments in report order: the organisation's list, then members' departments it lacks.</param>
/// <param name="Meetings">Every meeting of the year by number, cancelled ones included (and marked).</param>
/// <param name="Trends">Per question, first vs last held meeting with answers; a question answered at fewer than two meetings has none.</param>
public sealed record YearReport(
    IReadOnlyList<string> Departments,
    IReadOnlyList<MeetingFigures> Meetings,
    YearTotals Totals,
    IReadOnlyList<QuestionTrend> Trends)
{
    /// <summary>The steps that were missed (past the time they were useful), network-wide ones first, then by meeting.</summary>
    public IReadOnlyList<Attention> Missed { get; init; } = [];

    /// <summary>The contributions every agenda of the year carried over and none took up or off: "Tema: Frivillige", no names.</summary>
    public IReadOnlyList<Contribution> WaitedAllYear { get; init; } = [];

    /// <summary>What members meant to try between meetings and how it went.</summary>
    public CommitmentFigures Commitments { get; init; } = CommitmentFigures.None;

    public static YearReport From(YearReportInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        Network network = input.Network;
        TimeZoneInfo zone = network.Zone;
        var departments = new DepartmentIndex(network);

        var meetings = new List<MeetingFigures>();
        var heldSurveyAnswers = new List<SurveyAnswer>();
        int heldSurveyInvited = 0;
        foreach (Meeting meeting in network.Meetings.OrderBy(m => m.Number))
        {
            if (meeting.Cancelled)
            {
                meetings.Add(Cancelled(meeting, departments));
                continue;
            }

            IReadOnlySet<string> members = InvitedMembers.Of(network, meeting, zone, input.InvitedIds?.GetValueOrDefault(meeting.Number));
            IReadOnlyList<InvitationAnswer> invitations = input.InvitationAnswers.LatestPerMember(meeting.Number);
            IReadOnlyList<SurveyAnswer> surveys = input.SurveyAnswers.LatestPerMember(meeting.Number);
            int invited = members.Union(invitations.Select(a => a.MemberId)).Count();

            // The survey goes to the invited members who did not decline (and whoever answered it counts as asked).
            HashSet<string> declined = invitations.Where(a => a.Attendance == Attendance.No).Select(a => a.MemberId).ToHashSet(StringComparer.Ordinal);
            int surveyInvited = members.Where(id => !declined.Contains(id)).Union(surveys.Select(a => a.MemberId)).Count();
            heldSurveyAnswers.AddRange(surveys);
            heldSurveyInvited += surveyInvited;
            MeetingFigures figures = Held(meeting, invitations, surveys, invited, surveyInvited, departments);
            if (input.Agendas?.GetValueOrDefault(meeting.Number) is { } agenda)
            {
                figures = figures with { Themes = ThemesOf(agenda), AgendaApproved = agenda.Approved is not null };
            }

            meetings.Add(input.Minutes?.GetValueOrDefault(meeting.Number) is { Sent: true } minutes
                ? figures with
                {
                    Came = minutes.Came.Count(id => network.FindMember(id) is not null),
                    Decisions = [.. minutes.Blocks.Where(b => b.Decisions is not null).Select(b => $"{b.Heading}: {b.Decisions}")],
                    FollowUps = [.. minutes.Blocks.Where(b => b.FollowUps is not null).Select(b => $"{b.Heading}: {b.FollowUps}")],
                }
                : figures);
        }

        List<MeetingFigures> held = meetings.Where(m => !m.Cancelled).ToList();
        var totals = new YearTotals(
            held.Count,
            meetings.Count - held.Count,
            held.Count > 0 ? held.Average(m => (double)m.Attendance.Yes) : null,
            held.Aggregate(ContributionCounts.None, (sum, m) => sum + m.Contributions),
            SurveyAverages.Over(heldSurveyAnswers, heldSurveyInvited),
            departments.Names.Where(d => held.All(m => m.YesByDepartment[d] == 0)).ToList());
        return new YearReport(departments.Names, meetings, totals, TrendsOf(held))
        {
            Commitments = CommitmentFigures.Of(input),
            WaitedAllYear = [.. WaitingOf(input).Select(w => w.Contribution)],
            Missed = [.. (input.Missed ?? []).Where(a => a.Kind == AttentionKinds.StepMissed && a.Step is not null).OrderBy(a => a.Meeting ?? 0).ThenBy(a => a.Since)],
        };
    }

    /// <summary>
    /// Each held meeting's contributions (members' latest answers) that the ledger finds still carried over at the end,
    /// with the member who raised it (the first, when two raised the same one): <see cref="WaitedAllYear"/>, and what the
    /// next year's draft kickoff carries over to its first meeting.
    /// </summary>
    public static IReadOnlyList<CarriedOverContribution> WaitingOf(YearReportInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        IReadOnlyCollection<MeetingAgenda> agendas = (input.Agendas ?? new Dictionary<int, MeetingAgenda>()).Values.ToList();
        return [.. input.Network.Meetings.Where(m => !m.Cancelled).OrderBy(m => m.Number)
            .SelectMany(m => input.InvitationAnswers.LatestPerMember(m.Number))
            .SelectMany(a => a.Contributions
                .Where(c => ContributionLedger.Of(agendas, a.MemberId, a.Meeting, c, _ => "").State == LedgerState.CarriedOver)
                .Select(c => new CarriedOverContribution(a.MemberId, c)))
            .DistinctBy(w => (w.Contribution.Type, w.Contribution.Title.Trim().ToUpperInvariant()))];
    }

    /// <summary>The titles of the agenda's theme and case blocks, in agenda order, each once.</summary>
    static IReadOnlyList<string> ThemesOf(MeetingAgenda agenda) =>
        [.. agenda.Items
            .Where(i => i.Kind is AgendaItemKind.Themes or AgendaItemKind.CaseSparring && !string.IsNullOrWhiteSpace(i.GroupTitle))
            .Select(i => i.GroupTitle!.Trim())
            .Distinct(StringComparer.CurrentCultureIgnoreCase)];

    /// <summary>The trend of one question, null when fewer than two held meetings have answers to it.</summary>
    public QuestionTrend? Trend(SurveyQuestion question) => Trends.FirstOrDefault(t => t.Question == question);

    static MeetingFigures Held(
        Meeting meeting,
        IReadOnlyList<InvitationAnswer> invitations,
        IReadOnlyList<SurveyAnswer> surveys,
        int invited,
        int surveyInvited,
        DepartmentIndex departments)
    {
        List<InvitationAnswer> yes = invitations.Where(a => a.Attendance == Attendance.Yes).ToList();
        int yesCount = yes.Count;
        int maybe = invitations.Count(a => a.Attendance == Attendance.Maybe);
        int no = invitations.Count(a => a.Attendance == Attendance.No);
        Dictionary<string, int> byDepartment = departments.Names.ToDictionary(d => d, _ => 0, StringComparer.Ordinal);
        int other = 0;
        foreach (InvitationAnswer answer in yes)
        {
            if (departments.Of(answer.MemberId) is string department)
            {
                byDepartment[department]++;
            }
            else
            {
                other++;
            }
        }

        return new MeetingFigures(
            meeting.Number,
            meeting.Start,
            meeting.Title,
            Cancelled: false,
            new AttendanceCounts(invited, yesCount, maybe, no, Math.Max(0, invited - invitations.Count)),
            byDepartment,
            other,
            ContributionCounts.Count(invitations.SelectMany(a => a.Contributions ?? [])),
            SurveyAverages.From(SurveySummary.From(meeting.Number, surveys, surveyInvited)),
            MeetingHighlights.From(surveys));
    }

    static MeetingFigures Cancelled(Meeting meeting, DepartmentIndex departments) =>
        new(
            meeting.Number,
            meeting.Start,
            meeting.Title,
            Cancelled: true,
            AttendanceCounts.None,
            departments.Names.ToDictionary(d => d, _ => 0, StringComparer.Ordinal),
            0,
            ContributionCounts.None,
            SurveyAverages.None,
            MeetingHighlights.None);

    static List<QuestionTrend> TrendsOf(IReadOnlyList<MeetingFigures> held)
    {
        var trends = new List<QuestionTrend>();
        foreach (SurveyQuestion question in SurveyQuestions.All)
        {
            List<(int Number, double Average)> answered = held
                .Where(m => m.Survey.Of(question).HasValue)
                .Select(m => (m.Number, m.Survey.Of(question)!.Value))
                .ToList();
            if (answered.Count >= 2)
            {
                trends.Add(new QuestionTrend(question, answered[0].Number, answered[0].Average, answered[^1].Number, answered[^1].Average));
            }
        }

        return trends;
    }
}
