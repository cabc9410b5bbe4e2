using NetworkFunctions.Cycle;
using NetworkFunctions.Durable;
using NetworkFunctions.Networks;
using NetworkFunctions.Overview;
using NetworkFunctions.Rendering;
using static NetworkFunctions.Tests.Unit.Overview.DashboardData;
using static NetworkFunctions.Tests.Support.DomainFixtures;

namespace NetworkFunctions.Tests.Unit.Overview;

public sealed class DashboardBuilderTests
{
    static readonly DashboardBuilder Builder = new(new TemplateRenderer());

    [Fact]
    public void ShowsWhoCameFromTheMinutesRegisterAndWhereTheAgendaStands()
    {
        DashboardInput input = Input();
        MeetingSnapshot first = input.Meetings[0] with { Came = ["b", "c", "gone"], Agenda = DashboardData.Agenda(1, approved: true) };
        MeetingPanel panel = Builder.Build(input with { Meetings = [first, .. input.Meetings.Skip(1)] }).Meetings[0];

        // "gone" is no longer a member: not counted.
        Assert.Equal("Fremmøde efter referatet: 2 kom (1 havde sagt ja).", panel.AttendanceLine);
        Assert.Equal("Dagsorden til møde 1 (godkendt af forberederne)", panel.Agenda.Label);
        Assert.Null(Builder.Build(input).Meetings[0].AttendanceLine);
    }

    [Fact]
    public void WarnsOfMembersAndDepartmentsAbsentFromTheLastTwoHeldMeetings()
    {
        string[] everyone = ["a", "b", "c", "d"];
        DashboardInput input = Input(meetings:
        [
            Snapshot(1, invited: everyone, answers: [Answer("a", 1, Attendance.Yes), Answer("c", 1, Attendance.Yes)]) with { Came = ["a"] },
            Snapshot(2, invited: everyone, answers: [Answer("a", 2, Attendance.Yes), Answer("d", 2, Attendance.Yes)]),
            Snapshot(3, invited: everyone),
        ]) with { Now = At("2027-05-01T10:00:00+02:00") };

        IReadOnlyList<string> absences = Builder.Build(input).Absences!;

        // Meeting 1 by its register (c said yes but did not come), meeting 2 by its replies; meeting 3 is not held yet.
        Assert.Equal(
        [
            "Navn b (Center for Børn & Unge) var hverken med til møde 1 eller 2.",
            "Navn c (Center for Sundhed & Ældre) var hverken med til møde 1 eller 2.",
            "Ingen fra Center for Børn & Unge var med til møde 1 eller 2.",
            "Ingen fra Center for Sundhed & Ældre var med til møde 1 eller 2.",
            "Ingen fra Center for Økonomi & Digitalisering var med til møde 1 eller 2.",
        ], absences);
        Assert.Empty(Builder.Build(Input()).Absences!);
    }

    [Fact]
    public void CountsADepartmentsAttendanceFromTheMinutesRegisterWhereThereIsOne()
    {
        DashboardInput input = Input(meetings:
        [
            // Three said yes; the register says a and b came (b had said maybe).
            Snapshot(1, invited: ["a", "b", "c", "d"], answers: [Answer("a", 1, Attendance.Yes), Answer("d", 1, Attendance.Yes), Answer("b", 1, Attendance.Maybe), Answer("c", 1, Attendance.Yes)]) with { Came = ["a", "b"] },
            Snapshot(2, invited: ["a", "b", "c", "d"], answers: [Answer("c", 2, Attendance.Yes)]),
            Snapshot(3),
        ]);

        DepartmentAttendance attendance = DepartmentAttendance.Of(input.Network, input.Meetings);

        Assert.Equal([1, 0, 0], attendance.Departments[0].Yes);
        Assert.Equal([1, 0, 0], attendance.Departments[1].Yes);
        Assert.Equal([0, 1, 0], attendance.Departments[2].Yes);
    }

    [Fact]
    public void ListsWhoHasAnsweredAndWhoHasNotPerMeeting()
    {
        DashboardView view = Builder.Build(Input());

        MeetingPanel first = view.Meetings[0];
        Assert.True(first.InvitationsSent);
        Assert.Equal(["Navn a", "Navn b"], first.Answered.Select(a => a.Name));
        Assert.Equal(["yes", "no"], first.Answered.Select(a => a.AttendanceKey));
        Assert.Equal(["Ja", "Nej"], first.Answered.Select(a => a.Attendance));
        Assert.Equal([2, 0], first.Answered.Select(a => a.Contributions));
        Assert.Equal([Teknik, Born], first.Answered.Select(a => a.Department));
        Assert.Equal([("Navn c", Sundhed), ("Navn d", Teknik)], first.NotAnswered.Select(w => (w.Name, w.Department)).OrderBy(x => x.Name));
        Assert.Equal("2 af 4 har svaret: 1 kommer, 0 måske, 1 kan ikke.", first.AnswerSummary);
    }

    [Fact]
    public void SaysWhenTheInvitationsHaveNotGoneOutAndListsNobodyAsMissing()
    {
        MeetingPanel second = Builder.Build(Input()).Meetings[1];

        Assert.False(second.InvitationsSent);
        Assert.Empty(second.Answered);
        Assert.Empty(second.NotAnswered);
        Assert.Equal("Invitationerne er ikke sendt endnu.", second.AnswerSummary);
    }

    [Fact]
    public void ListsOnlyCurrentMembersAndTheInvitedAmongThemAsNotAnswered()
    {
        // "x" left the network (their answer is not shown); "d" joined after the invitations went out (not invited).
        DashboardInput input = Input(meetings:
        [
            Snapshot(1, MeetingSteps.Collecting, invited: ["a", "b", "c", "x"], answers: [Answer("x", 1, Attendance.Yes), Answer("a", 1, Attendance.Maybe)]),
            Snapshot(2),
            Snapshot(3),
        ]);

        MeetingPanel first = Builder.Build(input).Meetings[0];

        Assert.Equal(["Navn a"], first.Answered.Select(a => a.Name));
        Assert.Equal(["Navn b", "Navn c"], first.NotAnswered.Select(w => w.Name).Order());
        Assert.Equal("1 af 3 har svaret: 0 kommer, 1 måske, 0 kan ikke.", first.AnswerSummary);
    }

    [Theory]
    [InlineData(null, false, "2027-01-20T10:00:00+01:00", false, "scheduled")]
    [InlineData("collecting", false, "2027-01-20T10:00:00+01:00", false, "collecting")]
    [InlineData("agendaSent", false, "2027-02-03T11:00:00+01:00", false, "agendaSent")]
    [InlineData("agendaSent", false, "2027-02-03T12:30:00+01:00", false, "held")]
    [InlineData("surveying", true, "2027-02-20T10:00:00+01:00", false, "closed")]
    [InlineData("collecting", false, "2027-01-20T10:00:00+01:00", true, "cancelled")]
    public void ReadsThePhaseFromTheOrchestrationTheMeetingAndTheClock(string? orchestration, bool completed, string now, bool cancelled, string expected)
    {
        Meeting meeting = YearMeetings[0] with { Cancelled = cancelled };

        string phase = MeetingPhase.Of(meeting, Snapshot(1, orchestration, completed), At(now));

        Assert.Equal(expected, phase);
    }

    [Fact]
    public void MarksTheTimelineStepsDoneUpToThePhase()
    {
        MeetingPanel first = Builder.Build(Input()).Meetings[0];

        Assert.Equal("collecting", first.Phase);
        Assert.Equal("Svar og bidrag indsamles", first.PhaseLabel);
        Assert.Equal(["done", "current", "later", "later", "later"], first.Steps.Select(s => s.State));
        Assert.Equal("Invitationer med svarlink", first.Steps[0].Label);
        Assert.Equal("onsdag den 6. januar 2027 kl. 09.00", first.Steps[0].When);
        Assert.Equal("Næste skridt: søndag den 24. januar 2027 kl. 09.00", first.NextStep);

        MeetingPanel second = Builder.Build(Input()).Meetings[1];
        Assert.Equal("scheduled", second.Phase);
        Assert.Equal(["current", "later", "later", "later", "later"], second.Steps.Select(s => s.State));
    }

    [Fact]
    public void ShowsACancelledMeetingWithoutTimelineAndWithoutAttendance()
    {
        Network network = Year(meetings: [YearMeetings[0], YearMeetings[1] with { Cancelled = true, Revision = 1 }, YearMeetings[2]]);
        DashboardInput input = Input(network, [Snapshot(1), Snapshot(2, MeetingSteps.Collecting, answers: [Answer("a", 2, Attendance.Yes)]), Snapshot(3)]);

        DashboardView view = Builder.Build(input);

        MeetingPanel second = view.Meetings[1];
        Assert.True(second.Cancelled);
        Assert.Equal("Aflyst", second.PhaseLabel);
        Assert.Empty(second.Steps);
        Assert.Null(second.NextStep);
        Assert.Equal("Møde 2 (aflyst)", view.Attendance.MeetingHeaders[1]);
        Assert.All(view.Attendance.Rows, r => Assert.Equal("–", r.Counts[1]));
    }

    [Fact]
    public void CountsAttendanceByDepartmentAndMarksTheMissingDepartments()
    {
        DashboardInput input = Input(meetings:
        [
            Snapshot(1, MeetingSteps.Closed, completed: true, invited: ["a", "b", "c", "d"],
                answers: [Answer("a", 1, Attendance.Yes), Answer("d", 1, Attendance.Yes), Answer("b", 1, Attendance.Maybe), Answer("c", 1, Attendance.Yes)]),
            Snapshot(2, MeetingSteps.Collecting, invited: ["a", "b", "c", "d"], answers: [Answer("b", 2, Attendance.Yes), Answer("a", 2, Attendance.No)]),
            Snapshot(3),
        ]);

        DepartmentAttendance attendance = DepartmentAttendance.Of(input.Network, input.Meetings);
        DashboardView view = Builder.Build(input);

        Assert.Equal([Teknik, Born, Sundhed, Okonomi], attendance.Departments.Select(d => d.Department));
        Assert.Equal([2, 0, 0], attendance.Departments[0].Yes);
        Assert.Equal([0, 1, 0], attendance.Departments[1].Yes);
        Assert.Equal([1, 0, 0], attendance.Departments[2].Yes);
        Assert.Equal([false, false, false, true], attendance.Departments.Select(d => d.Missing));
        Assert.Equal([Okonomi], view.MissingDepartments);
        Assert.StartsWith("Disse centre har endnu ingen medlemmer", view.MissingNote, StringComparison.Ordinal);
        Assert.Equal(["2", "0", "0"], view.Attendance.Rows[0].Counts);
        Assert.Equal("2", view.Attendance.Rows[0].Total);
        Assert.True(view.Attendance.Rows[3].Missing);
        Assert.Equal(["3", "1", "0"], view.Attendance.Total.Counts);
        Assert.Equal("4", view.Attendance.Total.Total);
        Assert.Contains("fra 3 af 4 centre", view.Lead, StringComparison.Ordinal);
    }

    [Fact]
    public void SaysSoWhenNoDepartmentIsMissing()
    {
        Network network = Year(members: [Member("a", Teknik), Member("b", Born), Member("c", Sundhed), Member("d", Okonomi)]);

        DashboardView view = Builder.Build(Input(network));

        Assert.Empty(view.MissingDepartments);
        Assert.Equal("Alle organisationens centre har medlemmer i netværket.", view.MissingNote);
    }

    [Fact]
    public void LinksTheDocumentsThatExist()
    {
        DashboardInput input = Input(report: true, meetings: [Snapshot(1, MeetingSteps.Closed, completed: true, agenda: true, summary: true, surveys: 3), Snapshot(2, agenda: true), Snapshot(3)]);

        DashboardView view = Builder.Build(input);

        Assert.Equal("/api/networks/slagelse-samskabelse-2027/report", view.Report.Url);
        Assert.Equal("/api/networks/slagelse-samskabelse-2027/meetings/1/agenda", view.Meetings[0].Agenda.Url);
        Assert.Equal("/api/networks/slagelse-samskabelse-2027/meetings/1/survey-summary", view.Meetings[0].SurveySummary.Url);
        Assert.Equal("Evalueringssvar: 3", view.Meetings[0].SurveyLine);
        Assert.Equal("/api/networks/slagelse-samskabelse-2027/meetings/2/agenda", view.Meetings[1].Agenda.Url);
        Assert.Null(view.Meetings[1].SurveySummary.Url);
        Assert.Null(view.Meetings[2].Agenda.Url);
        Assert.Equal("kommer, når fristen for bidrag er udløbet", view.Meetings[2].Agenda.Pending);
        Assert.Null(Builder.Build(Input()).Report.Url);
    }

    [Fact]
    public void PutsTheKeyOnTheLinksOnlyWhenThePageCameWithOne()
    {
        DashboardInput input = Input(report: true, key: "k+y/=", meetings: [Snapshot(1, agenda: true), Snapshot(2), Snapshot(3)]);

        DashboardView keyed = Builder.Build(input);
        DashboardView plain = Builder.Build(input with { LinkKey = null });

        Assert.Equal("/api/networks/slagelse-samskabelse-2027/report?code=k%2By%2F%3D", keyed.Report.Url);
        Assert.Equal("/api/networks/slagelse-samskabelse-2027/meetings/1/agenda?code=k%2By%2F%3D", keyed.Meetings[0].Agenda.Url);
        Assert.Equal("/api/networks/slagelse-samskabelse-2027?code=k%2By%2F%3D", keyed.StatusUrl);
        Assert.Equal("/api/networks/slagelse-samskabelse-2027/report", plain.Report.Url);
        Assert.DoesNotContain("code=", plain.Meetings[0].Agenda.Url, StringComparison.Ordinal);
        Assert.Contains("?code=", plain.KeyNote, StringComparison.Ordinal);
    }

    [Fact]
    public void WritesEnglishForAnEnglishNetwork()
    {
        DashboardView view = Builder.Build(Input(Year(Language.En)));

        Assert.Equal("Dashboard: Læringsnetværk for samskabelse", view.Title);
        Assert.Equal("2 of 4 have answered: 1 coming, 0 maybe, 1 cannot come.", view.Meetings[0].AnswerSummary);
        Assert.Equal("Collecting answers and contributions", view.Meetings[0].PhaseLabel);
        Assert.Equal("Wednesday 6 January 2027 at 09:00", view.Meetings[0].Steps[0].When);
        Assert.Equal("The network-year: running", view.RuntimeStatus);
    }
}
