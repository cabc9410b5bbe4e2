using NetworkFunctions.Agenda;
using NetworkFunctions.Networks;
using NetworkFunctions.Overview;
using NetworkFunctions.Rendering;
using static NetworkFunctions.Tests.Unit.Overview.DashboardData;
using static NetworkFunctions.Tests.Support.DomainFixtures;

namespace NetworkFunctions.Tests.Unit.Overview;

/// <summary>The year at a glance: each meeting's row with said yes, came, contributions and survey, and the attendance grid's absences.</summary>
public sealed class DashboardGlanceTests
{
    static readonly DashboardBuilder Builder = new(new TemplateRenderer());

    static readonly string[] Everyone = ["a", "b", "c", "d"];

    /// <summary>Seen in May: meeting 1 (register: a and b came) and 2 (no register) held, 3 still collecting.</summary>
    static DashboardInput Spring() => Input(meetings:
    [
        Snapshot(1, invited: Everyone, answers: [Answer("a", 1, Attendance.Yes, 3), Answer("c", 1, Attendance.Yes, 1), Answer("b", 1, Attendance.Maybe)], surveys: 1) with { Came = ["a", "b"] },
        Snapshot(2, invited: Everyone, answers: [Answer("a", 2, Attendance.Yes, 1), Answer("d", 2, Attendance.Yes)], surveys: 2),
        Snapshot(3, invited: Everyone, answers: [Answer("c", 3, Attendance.Yes, 2), Answer("c", 3, Attendance.Yes) with { SubmittedAt = Seen }]),
    ]) with { Now = At("2027-05-01T10:00:00+02:00") };

    static IReadOnlyList<Gauge> Gauges(DashboardView view, int meeting) => view.Meetings[meeting - 1].Glance!.Gauges;

    [Fact]
    public void A_held_meeting_shows_said_yes_and_came_of_those_invited_with_bars()
    {
        DashboardView view = Builder.Build(Spring());

        Assert.Equal(("Møde 1", "3. feb. 2027"), (view.Meetings[0].Glance!.Label, view.Meetings[0].Glance!.Date));
        Assert.Equal(new Gauge("2 af 4", 50, Bar: true), Gauges(view, 1)[0]);
        Assert.Equal(new Gauge("2 af 4", 50, Bar: true), Gauges(view, 1)[1]);
        Assert.Equal(new Gauge("1 svar", 25, Bar: true), Gauges(view, 1)[3]);
    }

    [Fact]
    public void Came_is_marked_as_the_replies_where_no_register_was_kept_and_is_empty_before_the_meeting()
    {
        DashboardView view = Builder.Build(Spring());

        Assert.Equal(new Gauge("2 af 4", 50, Bar: true, "efter tilmelding"), Gauges(view, 2)[1]);
        Assert.Equal(Gauge.None, Gauges(view, 3)[1]);
        Assert.Equal(Gauge.None, Gauges(view, 3)[3]);
        Assert.Equal(new Gauge("1 af 4", 25, Bar: true), Gauges(view, 3)[0]);
    }

    [Fact]
    public void Contributions_are_measured_against_the_busiest_meeting_counting_each_members_latest_answer()
    {
        DashboardView view = Builder.Build(Spring());

        // Meeting 1: 3 + 1; meeting 2: 1; meeting 3: c answered twice, the later answer without contributions counts.
        Assert.Equal(
            [new Gauge("4", 100, Bar: true), new Gauge("1", 25, Bar: true), new Gauge("0", 0, Bar: true)],
            view.Meetings.Select(m => m.Glance!.Gauges[2]));
    }

    [Fact]
    public void A_meeting_not_yet_invited_or_cancelled_shows_no_figures()
    {
        Network network = Year(meetings: [YearMeetings[0], YearMeetings[1] with { Cancelled = true, Revision = 1 }, YearMeetings[2]]);
        DashboardView view = Builder.Build(Input(network));

        Assert.All(Gauges(view, 2), g => Assert.Equal(Gauge.None, g));
        Assert.Null(view.Meetings[1].Glance!.AgendaState);
        Assert.All(Gauges(view, 3), g => Assert.Equal(Gauge.None, g));
    }

    [Fact]
    public void The_grid_marks_a_department_nobody_came_from_at_a_held_meeting_only()
    {
        DashboardView view = Builder.Build(Spring());

        // Teknik (a, d) came to 1 and 2; Børn (b) came to 1 only; Sundhed (c) said yes to 3, not held yet.
        Assert.Equal([false, false, false], view.Attendance.Rows[0].Cells.Select(c => c.Absent));
        Assert.Equal([false, true, false], view.Attendance.Rows[1].Cells.Select(c => c.Absent));
        Assert.Equal([true, true, false], view.Attendance.Rows[2].Cells.Select(c => c.Absent));
        Assert.Equal(["0", "0", "1"], view.Attendance.Rows[2].Cells.Select(c => c.Text));
    }

    [Fact]
    public void Links_the_minutes_once_the_preparers_kept_them()
    {
        DashboardInput input = Spring() with { LinkKey = "k" };
        DashboardView view = Builder.Build(input);

        Assert.Equal($"/api/networks/{input.Network.Id}/meetings/1/minutes?code=k", view.Meetings[0].Minutes!.Url);
        Assert.Null(view.Meetings[1].Minutes!.Url);
        Assert.Equal("Referat af møde 2", view.Meetings[1].Minutes!.Label);
    }

    [Fact]
    public void The_ledger_lists_each_contribution_with_who_raised_it_and_where_it_went()
    {
        DashboardInput input = Spring();
        MeetingSnapshot first = input.Meetings[0];
        AgendaCandidate Of(string member, int index) =>
            new(member, "Navn " + member, Teknik, first.Answers.Single(a => a.MemberId == member).Contributions[index], Seen, 1);
        var agenda = new MeetingAgenda(1, Seen, Seen,
            [new AgendaItem(Seen, Seen, AgendaItemKind.Themes, "Frivillige", [Of("a", 0), Of("a", 1)])],
            [], [Of("c", 0)],
            Dropped: [new DroppedContribution(Of("a", 2), "Tages op i ledergruppen", "facilitator", Seen)]);

        IReadOnlyList<LedgerRow> ledger = Builder.Build(input with { Meetings = [first with { Agenda = agenda }, .. input.Meetings.Skip(1)] }).Ledger!;

        Assert.Equal(5, ledger.Count);
        Assert.Equal(new LedgerRow("Møde 1", "Tema: Tema 1", "Navn a, Center for Teknik & Miljø", "På dagsordenen til møde 1 – Tema: Frivillige"), ledger[0]);
        Assert.Equal("Taget af dagsordenen til møde 1 af forberederne: Tages op i ledergruppen", ledger[2].Path);
        Assert.Equal(("Navn c, Center for Sundhed & Ældre", "Venter – båret videre 1 gang(e), endnu ikke på en dagsorden"), (ledger[3].Member, ledger[3].Path));
        Assert.Equal("Endnu ikke behandlet", ledger[4].Path);
    }

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(1, 3, 33)]
    [InlineData(2, 3, 67)]
    [InlineData(5, 4, 100)]
    [InlineData(-1, 4, 0)]
    public void Percent_is_whole_and_between_0_and_100(int value, int whole, int percent) =>
        Assert.Equal(percent, Gauge.PercentOf(value, whole));
}
