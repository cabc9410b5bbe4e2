using NetworkFunctions.Networks;
using NetworkFunctions.Overview;
using static NetworkFunctions.Tests.Support.DomainFixtures;

namespace NetworkFunctions.Tests.Unit.Overview;

/// <summary>Where a meeting's agenda stands in the status and on the dashboard: none, draft, approved, sent.</summary>
public sealed class AgendaStatesTests
{
    static readonly Meeting First = YearMeetings[0];
    static readonly MeetingTimeline Timeline = MeetingTimeline.For(First, ScheduleSettings.Default, Copenhagen);

    static MeetingSnapshot Snapshot(bool exists, bool approved) =>
        new(1, null, false, null, new HashSet<string>(), [], false, 0, Agenda: exists ? DashboardData.Agenda(1, approved) : null);

    [Fact]
    public void None_before_it_is_assembled_or_when_the_meeting_is_cancelled()
    {
        Assert.Null(AgendaStates.Of(First, Timeline, null, Timeline.DeadlineAt));
        Assert.Null(AgendaStates.Of(First, Timeline, Snapshot(exists: false, approved: false), Timeline.DeadlineAt));
        Assert.Null(AgendaStates.Of(First with { Cancelled = true }, Timeline, Snapshot(exists: true, approved: true), Timeline.DeadlineAt));
    }

    [Fact]
    public void Draft_then_approved_until_the_final_agenda_time_then_sent_either_way()
    {
        DateTimeOffset before = Timeline.FinalAgendaAt.AddTicks(-1);

        Assert.Equal(AgendaStates.Draft, AgendaStates.Of(First, Timeline, Snapshot(exists: true, approved: false), before));
        Assert.Equal(AgendaStates.Approved, AgendaStates.Of(First, Timeline, Snapshot(exists: true, approved: true), before));
        Assert.Equal(AgendaStates.Sent, AgendaStates.Of(First, Timeline, Snapshot(exists: true, approved: false), Timeline.FinalAgendaAt));
        Assert.Equal(AgendaStates.Sent, AgendaStates.Of(First, Timeline, Snapshot(exists: true, approved: true), Timeline.FinalAgendaAt));
    }
}
