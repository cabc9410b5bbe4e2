using NetworkFunctions.Networks;
using NetworkFunctions.Reports;
using NetworkFunctions.Surveys;
using static NetworkFunctions.Tests.Unit.Reports.ReportData;

namespace NetworkFunctions.Tests.Unit.Reports;

public sealed class YearReportTests
{
    [Fact]
    public void Lists_only_the_missed_steps_network_wide_first_then_by_meeting()
    {
        DateTimeOffset at = new(2027, 6, 1, 8, 0, 0, TimeSpan.Zero);
        Attention[] attention =
        [
            new(AttentionKinds.StepMissed, at, "missed", 3, MailKinds.Survey),
            new(AttentionKinds.StepWaiting, at, "waiting", 2, MailKinds.Agenda),
            new(AttentionKinds.EmailConfiguration, at, "refused"),
            new(AttentionKinds.StepMissed, at.AddDays(1), "missed", 1, MailKinds.Reminder(1)),
            new(AttentionKinds.StepMissed, at.AddDays(2), "missed", null, MailKinds.Kickoff),
        ];

        YearReport report = YearReport.From(new YearReportInput(Slagelse(), [], [], null, attention));

        Assert.Equal([(null, MailKinds.Kickoff), (1, MailKinds.Reminder(1)), (3, MailKinds.Survey)], report.Missed.Select(a => (a.Meeting, a.Step!)));
    }

    [Fact]
    public void CountsAttendancePerMeetingWithNoAnswers()
    {
        YearReport report = Report(
        [
            Rsvp("m1", 1, Attendance.Yes),
            Rsvp("m2", 1, Attendance.Maybe),
            Rsvp("m3", 1, Attendance.No),
            Rsvp("m1", 2, Attendance.Yes),
        ]);

        Assert.Equal(new AttendanceCounts(5, 1, 1, 1, 2), report.Meetings[0].Attendance);
        Assert.Equal(new AttendanceCounts(5, 1, 0, 0, 4), report.Meetings[1].Attendance);
        Assert.Equal(new AttendanceCounts(5, 0, 0, 0, 5), report.Meetings[2].Attendance);
        Assert.Equal(0.6, report.Meetings[0].Attendance.AnswerRate!.Value, 6);
    }

    [Fact]
    public void CountsYesPerDepartmentInTheOrganisationsOrder()
    {
        YearReport report = Report(
        [
            Rsvp("m1", 1, Attendance.Yes),
            Rsvp("m2", 1, Attendance.Yes),
            Rsvp("m3", 1, Attendance.Maybe),
            Rsvp("m4", 1, Attendance.Yes),
            Rsvp("m5", 2, Attendance.Yes),
        ]);

        Assert.Equal([Teknik, Boern, Kultur], report.Departments);
        Assert.Equal(2, report.Meetings[0].YesByDepartment[Teknik]);
        Assert.Equal(1, report.Meetings[0].YesByDepartment[Boern]);
        Assert.Equal(0, report.Meetings[0].YesByDepartment[Kultur]);
        Assert.Equal(2, report.Meetings[0].DepartmentsPresent);
        Assert.Equal(1, report.Meetings[1].YesByDepartment[Kultur]);
        Assert.Equal(1, report.Meetings[1].DepartmentsPresent);
    }

    [Fact]
    public void MatchesDepartmentsIgnoringCaseAndAddsUnlistedOnes()
    {
        Network network = Slagelse(members:
        [
            Joined("m1", "center for teknik & miljø"),
            Joined("m2", "Center for Økonomi"),
            Joined("m3", Boern),
        ]);

        YearReport report = Report([Rsvp("m1", 1, Attendance.Yes), Rsvp("m2", 1, Attendance.Yes)], network: network);

        Assert.Equal([Teknik, Boern, Kultur, "Center for Økonomi"], report.Departments);
        Assert.Equal(1, report.Meetings[0].YesByDepartment[Teknik]);
        Assert.Equal(1, report.Meetings[0].YesByDepartment["Center for Økonomi"]);
    }

    [Fact]
    public void CountsYesFromPeopleWhoAreNotMembersAsOther()
    {
        YearReport report = Report([Rsvp("director", 1, Attendance.Yes), Rsvp("m1", 1, Attendance.Yes)]);

        MeetingFigures first = report.Meetings[0];
        Assert.Equal(2, first.Attendance.Yes);
        Assert.Equal(1, first.YesOther);
        Assert.Equal(6, first.Attendance.Invited);
        Assert.Equal(4, first.Attendance.NoAnswer);
        Assert.Equal(1, first.YesByDepartment.Values.Sum());
    }

    [Fact]
    public void TakesTheLatestInvitationAnswerOfAMember()
    {
        InvitationAnswer early = Rsvp("m1", 1, Attendance.Yes, ContributionType.Case, ContributionType.Case);
        InvitationAnswer late = Rsvp("m1", 1, Attendance.No, ContributionType.Theme) with { SubmittedAt = early.SubmittedAt.AddHours(1) };

        YearReport report = Report([late, early]);

        Assert.Equal(new AttendanceCounts(5, 0, 0, 1, 4), report.Meetings[0].Attendance);
        Assert.Equal(new ContributionCounts(1, 0, 0, 0), report.Meetings[0].Contributions);
    }

    [Fact]
    public void CountsContributionsByTypePerMeetingAndInTotal()
    {
        YearReport report = Report(
        [
            Rsvp("m1", 1, Attendance.Yes, ContributionType.Theme, ContributionType.Case, ContributionType.Case),
            Rsvp("m2", 1, Attendance.No, ContributionType.Challenge),
            Rsvp("m3", 2, Attendance.Yes, ContributionType.Experience, ContributionType.Challenge),
        ]);

        Assert.Equal(new ContributionCounts(1, 2, 0, 1), report.Meetings[0].Contributions);
        Assert.Equal(new ContributionCounts(0, 0, 1, 1), report.Meetings[1].Contributions);
        Assert.Equal(ContributionCounts.None, report.Meetings[2].Contributions);
        Assert.Equal(new ContributionCounts(1, 2, 1, 2), report.Totals.Contributions);
        Assert.Equal(6, report.Totals.Contributions.Total);
        Assert.Equal(2, report.Totals.Contributions.Of(ContributionType.Case));
    }

    [Fact]
    public void AveragesTheSurveyPerMeetingAndQuestion()
    {
        YearReport report = Report(surveys:
        [
            Survey("m1", 1, 4, 3, 2),
            Survey("m2", 1, 5, 4, 2),
            Survey("m3", 1, 3, 2, 5),
            Survey("m1", 2, 5, 5, 5),
        ]);

        SurveyAverages first = report.Meetings[0].Survey;
        Assert.Equal(3, first.Responses);
        Assert.Equal(5, first.Invited);
        Assert.Equal(0.6, first.ResponseRate!.Value, 6);
        Assert.Equal(4.0, first.Usefulness!.Value, 6);
        Assert.Equal(3.0, first.Relations!.Value, 6);
        Assert.Equal(3.0, first.Courage!.Value, 6);
        Assert.Equal(5.0, report.Meetings[1].Survey.Of(SurveyQuestion.Relations)!.Value, 6);
        Assert.Null(report.Meetings[2].Survey.Usefulness);
        Assert.Null(report.Meetings[2].Survey.Relations);
        Assert.Null(report.Meetings[2].Survey.Courage);
        Assert.Equal(0.0, report.Meetings[2].Survey.ResponseRate!.Value, 6);
    }

    [Fact]
    public void AsksTheInvitedWhoDidNotDeclineForTheSurvey()
    {
        YearReport report = Report(
            [Rsvp("m1", 1, Attendance.No), Rsvp("m2", 1, Attendance.Maybe), Rsvp("m3", 1, Attendance.No)],
            [Survey("m1", 1, 4, 4, 4), Survey("m2", 1, 4, 4, 4)]);

        // m2, m4, m5 were asked; m1 declined the meeting but answered the survey all the same.
        Assert.Equal(4, report.Meetings[0].Survey.Invited);
        Assert.Equal(0.5, report.Meetings[0].Survey.ResponseRate!.Value, 6);
    }

    [Fact]
    public void CountsTheRecordedInvitationsWhenGiven()
    {
        var input = new YearReportInput(
            Slagelse(),
            [Rsvp("m1", 1, Attendance.Yes)],
            [],
            new Dictionary<int, IReadOnlySet<string>>
            {
                [1] = new HashSet<string> { "m1", "m2", "left-the-network" },
                [2] = new HashSet<string>(),
            });

        YearReport report = YearReport.From(input);

        Assert.Equal(new AttendanceCounts(2, 1, 0, 0, 1), report.Meetings[0].Attendance);
        Assert.Equal(0, report.Meetings[1].Attendance.Invited);
        Assert.Null(report.Meetings[1].Survey.ResponseRate);
        Assert.Equal(5, report.Meetings[2].Attendance.Invited);
    }

    [Fact]
    public void AveragesTheWholeYearOverAllAnswers()
    {
        YearReport report = Report(surveys: [Survey("m1", 1, 4, 3, 2), Survey("m2", 1, 2, 3, 2), Survey("m1", 2, 3, 3, 5)]);

        Assert.Equal(3, report.Totals.Survey.Responses);
        Assert.Equal(20, report.Totals.Survey.Invited);
        Assert.Equal(0.15, report.Totals.Survey.ResponseRate!.Value, 6);
        Assert.Equal(3.0, report.Totals.Survey.Usefulness!.Value, 6);
        Assert.Equal(3.0, report.Totals.Survey.Courage!.Value, 6);
    }

    [Fact]
    public void MarksCancelledMeetingsAndLeavesThemOutOfEveryFigure()
    {
        YearReport report = Report(
            [Rsvp("m1", 2, Attendance.Yes, ContributionType.Theme), Rsvp("m1", 1, Attendance.Yes, ContributionType.Case)],
            [Survey("m1", 2, 1, 1, 1, worked: "Aflyst, men svaret alligevel"), Survey("m1", 1, 5, 5, 5), Survey("m1", 4, 3, 3, 3)],
            Slagelse(meetings: FourMeetings(cancelled: 2)));

        MeetingFigures cancelled = report.Meetings[1];
        Assert.True(cancelled.Cancelled);
        Assert.Equal(2, cancelled.Number);
        Assert.Equal(AttendanceCounts.None, cancelled.Attendance);
        Assert.Equal(ContributionCounts.None, cancelled.Contributions);
        Assert.Null(cancelled.Survey.Relations);
        Assert.True(cancelled.Highlights.IsEmpty);
        Assert.All(cancelled.YesByDepartment.Values, n => Assert.Equal(0, n));

        Assert.Equal(3, report.Totals.MeetingsHeld);
        Assert.Equal(1, report.Totals.MeetingsCancelled);
        Assert.Equal(new ContributionCounts(0, 1, 0, 0), report.Totals.Contributions);
        Assert.Equal(4.0, report.Totals.Survey.Relations!.Value, 6);
        Assert.Equal(1.0 / 3, report.Totals.AverageYes!.Value, 6);
        QuestionTrend trend = report.Trend(SurveyQuestion.Relations)!;
        Assert.Equal((1, 5.0, 4, 3.0), (trend.FirstMeeting, trend.First, trend.LastMeeting, trend.Last));
    }

    [Fact]
    public void ComparesFirstAndLastMeetingWithAnswersForTheTrend()
    {
        YearReport report = Report(surveys:
        [
            Survey("m1", 2, 3, 3, 2),
            Survey("m2", 2, 3, 4, 3),
            Survey("m1", 3, 5, 1, 1),
            Survey("m1", 4, 4, 4, 4),
            Survey("m2", 4, 4, 5, 5),
        ]);

        Assert.Equal(3, report.Trends.Count);
        Assert.Equal(new QuestionTrend(SurveyQuestion.Relations, 2, 3.5, 4, 4.5), report.Trend(SurveyQuestion.Relations));
        Assert.Equal(new QuestionTrend(SurveyQuestion.Courage, 2, 2.5, 4, 4.5), report.Trend(SurveyQuestion.Courage));
        Assert.Equal(1.0, report.Trend(SurveyQuestion.Usefulness)!.Change, 6);
    }

    [Fact]
    public void HasNoTrendWithAnswersFromOneMeetingOnly()
    {
        YearReport report = Report(surveys: [Survey("m1", 3, 3, 3, 3), Survey("m2", 3, 4, 4, 4)]);

        Assert.Empty(report.Trends);
        Assert.Null(report.Trend(SurveyQuestion.Relations));
    }

    [Fact]
    public void GivesEmptyFiguresWithoutAnyAnswers()
    {
        YearReport report = Report();

        Assert.Equal(4, report.Meetings.Count);
        Assert.All(report.Meetings, m =>
        {
            Assert.Equal(new AttendanceCounts(5, 0, 0, 0, 5), m.Attendance);
            Assert.Equal(0, m.Survey.Responses);
            Assert.Null(m.Survey.Usefulness);
            Assert.Equal(0, m.DepartmentsPresent);
            Assert.True(m.Highlights.IsEmpty);
        });
        Assert.Empty(report.Trends);
        Assert.Equal(0.0, report.Totals.AverageYes!.Value, 6);
        Assert.Null(report.Totals.Survey.Relations);
        Assert.Equal([Teknik, Boern, Kultur], report.Totals.DepartmentsNeverPresent);
    }

    [Fact]
    public void HandlesAYearWithoutMeetingsHeld()
    {
        YearReport report = Report(network: Slagelse(meetings: FourMeetings(1, 2, 3, 4)));

        Assert.Equal(0, report.Totals.MeetingsHeld);
        Assert.Equal(4, report.Totals.MeetingsCancelled);
        Assert.Null(report.Totals.AverageYes);
        Assert.Null(report.Totals.Survey.ResponseRate);
    }

    [Fact]
    public void InvitesMembersWhoJoinLaterFromTheNextInvitationOn()
    {
        // Meeting 2 starts 3 April; its invitation goes out 28 days before, on 6 March.
        Network network = Slagelse(members: [.. FiveMembers(), Joined("late", Kultur, new DateTimeOffset(2027, 3, 10, 12, 0, 0, TimeSpan.FromHours(1)))]);

        YearReport report = Report(network: network);

        Assert.Equal(5, report.Meetings[1].Attendance.Invited);
        Assert.Equal(6, report.Meetings[2].Attendance.Invited);
    }

    [Fact]
    public void InvitesTheFoundingMembersToMeetingsWhoseInvitationTimeHadPassedAtKickoff()
    {
        // Meeting 1 (3 February) is due to be invited on 6 January; kicked off on 20 January, the invitation goes out at kickoff.
        Network network = Slagelse() with { KickedOffAt = new DateTimeOffset(2027, 1, 20, 9, 0, 0, TimeSpan.FromHours(1)) };
        network = network with { Members = network.Members.Select(m => m with { JoinedAt = network.KickedOffAt }).ToList() };

        YearReport report = Report(network: network);

        Assert.Equal(5, report.Meetings[0].Attendance.Invited);
    }

    [Fact]
    public void ListsDepartmentsNeverPresentAtAHeldMeeting()
    {
        YearReport report = Report(
            [Rsvp("m1", 1, Attendance.Yes), Rsvp("m5", 2, Attendance.Maybe), Rsvp("m3", 2, Attendance.Yes)],
            network: Slagelse(meetings: FourMeetings(cancelled: 3)));

        Assert.Equal([Kultur], report.Totals.DepartmentsNeverPresent);
    }

    [Fact]
    public void PicksTheThreeLongestHighlightsPerMeetingAnonymously()
    {
        YearReport report = Report(surveys:
        [
            Survey("m1", 1, 3, 3, 3, worked: "Kort", nextThemes: "Tillid"),
            Survey("m2", 1, 3, 3, 3, worked: "  Lidt længere svar  ", nextThemes: ""),
            Survey("m3", 1, 3, 3, 3, worked: "Det allerlængste svar om relationer", nextThemes: "Mod til at eksperimentere"),
            Survey("m4", 1, 3, 3, 3, worked: "Mellemlangt svar", nextThemes: "Tillid"),
            Survey("m5", 1, 3, 3, 3, worked: "   "),
        ]);

        MeetingHighlights highlights = report.Meetings[0].Highlights;
        Assert.Equal(["Det allerlængste svar om relationer", "Lidt længere svar", "Mellemlangt svar"], highlights.Worked);
        Assert.Equal(["Mod til at eksperimentere", "Tillid"], highlights.NextThemes);
    }

    [Fact]
    public void ShortensVeryLongHighlightsAtAWord()
    {
        string essay = string.Join(' ', Enumerable.Repeat("samskabelse", 60));

        YearReport report = Report(surveys: [Survey("m1", 1, 3, 3, 3, worked: essay)]);

        string shown = Assert.Single(report.Meetings[0].Highlights.Worked);
        Assert.True(shown.Length <= MeetingHighlights.MaxLength);
        Assert.EndsWith("samskabelse…", shown, StringComparison.Ordinal);
    }

    [Fact]
    public void OrdersMeetingsByNumber()
    {
        Network network = Slagelse(meetings: [.. FourMeetings().Reverse()]);

        YearReport report = Report(network: network);

        Assert.Equal([1, 2, 3, 4], report.Meetings.Select(m => m.Number));
        Assert.Equal("Samskabelse i landdistrikterne", report.Meetings[0].Title);
    }
}
