using NetworkFunctions.Cycle;
using NetworkFunctions.Durable;
using NetworkFunctions.Housekeeping;
using NetworkFunctions.Networks;
using static NetworkFunctions.Tests.Support.DomainFixtures;

namespace NetworkFunctions.Tests.Unit.Housekeeping;

public sealed class HousekeepingRulesTests
{
    static readonly DateTimeOffset EndsAt = At("2027-11-24T12:30:00+01:00");

    static readonly DateTimeOffset Today = At("2027-12-10T03:00:00Z");

    [Theory]
    [InlineData(InstanceState.Completed, true)]
    [InlineData(InstanceState.Failed, true)]
    [InlineData(InstanceState.Terminated, true)]
    [InlineData(InstanceState.Missing, true)]
    [InlineData(InstanceState.Running, false)]
    [InlineData(InstanceState.Pending, false)]
    public void PurgesFinishedNetworksPastTheRetentionPeriod(InstanceState state, bool purge)
    {
        Assert.Equal(purge, HousekeepingRules.ShouldPurge(state, EndsAt, 90, EndsAt.AddDays(91)));
    }

    [Theory]
    [InlineData(InstanceState.Completed)]
    [InlineData(InstanceState.Failed)]
    [InlineData(InstanceState.Terminated)]
    [InlineData(InstanceState.Missing)]
    [InlineData(InstanceState.Running)]
    [InlineData(InstanceState.Pending)]
    public void KeepsEveryNetworkWithinTheRetentionPeriod(InstanceState state)
    {
        Assert.False(HousekeepingRules.ShouldPurge(state, EndsAt, 90, EndsAt.AddDays(30)));
        Assert.False(HousekeepingRules.ShouldPurge(state, EndsAt, 90, EndsAt.AddDays(-30)));
    }

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(10_000_000, true)]
    public void PurgesOnlyOnceTheRetentionPeriodHasPassed(long ticksAfterBoundary, bool purge)
    {
        DateTimeOffset boundary = EndsAt.AddDays(90);

        Assert.Equal(purge, HousekeepingRules.ShouldPurge(InstanceState.Completed, EndsAt, 90, boundary.AddTicks(ticksAfterBoundary)));
    }

    [Fact]
    public void PurgesTheDayAfterWithNoRetention()
    {
        Assert.False(HousekeepingRules.ShouldPurge(InstanceState.Completed, EndsAt, 0, EndsAt));
        Assert.True(HousekeepingRules.ShouldPurge(InstanceState.Completed, EndsAt, 0, EndsAt.AddSeconds(1)));
    }

    [Fact]
    public void CountsRetentionInCalendarDaysOfTheEnd()
    {
        Assert.False(HousekeepingRules.ShouldPurge(InstanceState.Completed, EndsAt, 365, At("2028-11-23T12:30:00+01:00")));
        Assert.True(HousekeepingRules.ShouldPurge(InstanceState.Completed, EndsAt, 365, At("2028-11-23T12:30:01+01:00")));
    }

    static InstanceFacts Facts(string id, InstanceState state, DateTimeOffset? lastUpdated = null, DateTimeOffset? nextStepAt = null, bool status = true) =>
        new(id, state, lastUpdated ?? Today.AddMinutes(-5), status ? new MeetingStatus(MeetingSteps.Collecting, nextStepAt, 0) : null);

    [Fact]
    public void ReportsFailedInstances()
    {
        InstanceProblem problem = Assert.Single(HousekeepingRules.Problems([Facts("net:meeting:2", InstanceState.Failed)], Today));

        Assert.Equal(new InstanceProblem("net:meeting:2", "failed"), problem);
    }

    [Theory]
    [InlineData(59, false)]
    [InlineData(60, false)]
    [InlineData(61, true)]
    [InlineData(60 * 24 * 3, true)]
    public void ReportsInstancesPendingForMoreThanAnHour(int minutes, bool reported)
    {
        IReadOnlyList<InstanceProblem> problems = HousekeepingRules.Problems([Facts("net", InstanceState.Pending, lastUpdated: Today.AddMinutes(-minutes))], Today);

        Assert.Equal(reported, problems.Count == 1);
        if (reported)
        {
            Assert.Equal("net", problems[0].InstanceId);
            Assert.StartsWith("pending since ", problems[0].Problem, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(-600, false)]
    [InlineData(0, false)]
    [InlineData(59, false)]
    [InlineData(60, false)]
    [InlineData(61, true)]
    [InlineData(60 * 24, true)]
    public void ReportsRunningInstancesWithAStepOverdueByMoreThanAnHour(int minutesOverdue, bool reported)
    {
        IReadOnlyList<InstanceProblem> problems = HousekeepingRules.Problems([Facts("net:meeting:1", InstanceState.Running, nextStepAt: Today.AddMinutes(-minutesOverdue))], Today);

        Assert.Equal(reported, problems.Count == 1);
        if (reported)
        {
            Assert.StartsWith("step due ", problems[0].Problem, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void NamesTheOverdueStepInUtc()
    {
        InstanceProblem problem = Assert.Single(HousekeepingRules.Problems(
            [
                Facts("a", InstanceState.Running, nextStepAt: At("2027-12-10T01:00:00+01:00")),
                Facts("b", InstanceState.Pending, lastUpdated: At("2027-12-09T10:00:00+01:00")),
            ],
            Today).Take(1));

        Assert.Equal("step due 2027-12-10 00:00:00Z has not run", problem.Problem);
        Assert.Equal("pending since 2027-12-09 09:00:00Z", HousekeepingRules.Problems([Facts("b", InstanceState.Pending, lastUpdated: At("2027-12-09T10:00:00+01:00"))], Today)[0].Problem);
    }

    [Fact]
    public void LeavesHealthyInstancesOut()
    {
        InstanceFacts[] healthy =
        [
            Facts("waiting", InstanceState.Running, lastUpdated: Today.AddDays(-20), nextStepAt: Today.AddDays(10)),
            Facts("working", InstanceState.Running, lastUpdated: Today.AddDays(-2), nextStepAt: null),
            Facts("no-status", InstanceState.Running, lastUpdated: Today.AddDays(-2), status: false),
            Facts("done", InstanceState.Completed, lastUpdated: Today.AddDays(-200)),
            Facts("stopped", InstanceState.Terminated, lastUpdated: Today.AddDays(-200)),
            Facts("purged", InstanceState.Missing, lastUpdated: Today.AddDays(-200)),
            Facts("starting", InstanceState.Pending, lastUpdated: Today.AddMinutes(-2)),
        ];

        Assert.Empty(HousekeepingRules.Problems(healthy, Today));
    }

    [Fact]
    public void ReportsEveryProblemInOrder()
    {
        IReadOnlyList<InstanceProblem> problems = HousekeepingRules.Problems(
            [
                Facts("ok", InstanceState.Completed),
                Facts("failed", InstanceState.Failed),
                Facts("stuck", InstanceState.Running, nextStepAt: Today.AddHours(-3)),
                Facts("pending", InstanceState.Pending, lastUpdated: Today.AddHours(-2)),
                Facts("failed-late", InstanceState.Failed, nextStepAt: Today.AddHours(-3)),
            ],
            Today);

        Assert.Equal(["failed", "stuck", "pending", "failed-late"], problems.Select(p => p.InstanceId));
        Assert.Equal("failed", problems[3].Problem);
    }

    [Fact]
    public void ReportsNothingForNoInstances()
    {
        Assert.Empty(HousekeepingRules.Problems([], Today));
    }
}
