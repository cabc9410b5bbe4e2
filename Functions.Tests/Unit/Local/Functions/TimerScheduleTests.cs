using NetworkFunctions.Local.Functions;

namespace NetworkFunctions.Tests.Unit.Local.Functions;

public sealed class TimerScheduleTests
{
    static readonly DateTimeOffset Now = new(2027, 3, 28, 0, 59, 58, TimeSpan.Zero);

    [Theory]
    [InlineData("*/1 * * * * *", "2027-03-28T00:59:59Z")]
    [InlineData("0 0 3 * * *", "2027-03-28T03:00:00Z")]
    [InlineData("0 30 9 * * 1-5", "2027-03-29T09:30:00Z")]
    [InlineData("*/5 * * * *", "2027-03-28T01:00:00Z")]
    [InlineData("00:00:10", "2027-03-28T01:00:08Z")]
    public void Computes_the_next_occurrence_in_UTC(string schedule, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected), TimerSchedule.Parse(schedule).NextAfter(Now));

    [Theory]
    [InlineData("not a schedule")]
    [InlineData("61 * * * * *")]
    public void Rejects_an_invalid_schedule(string schedule) =>
        Assert.Throws<FunctionHostingException>(() => TimerSchedule.Parse(schedule));
}
