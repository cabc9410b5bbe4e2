using NetworkFunctions.Networks;
using static NetworkFunctions.Tests.Support.DomainFixtures;

namespace NetworkFunctions.Tests.Unit.Networks;

public sealed class ZonedTimeTests
{
    [Theory]
    [InlineData("2027-02-03T09:00:00", "2027-02-03T09:00:00+01:00")]
    [InlineData("2027-07-01T09:00:00", "2027-07-01T09:00:00+02:00")]
    [InlineData("2027-03-28T01:59:59", "2027-03-28T01:59:59+01:00")]
    [InlineData("2027-03-28T03:00:00", "2027-03-28T03:00:00+02:00")]
    [InlineData("2027-10-31T01:59:59", "2027-10-31T01:59:59+02:00")]
    [InlineData("2027-10-31T03:00:00", "2027-10-31T03:00:00+01:00")]
    public void GivesOrdinaryTimesTheZonesOffset(string local, string expected)
    {
        DateTimeOffset instant = ZonedTime.FromLocal(DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture), Copenhagen);

        Assert.Equal(At(expected), instant);
        Assert.Equal(At(expected).Offset, instant.Offset);
    }

    [Theory]
    [InlineData("2027-03-28T02:00:00", "2027-03-28T03:00:00+02:00")]
    [InlineData("2027-03-28T02:30:00", "2027-03-28T03:30:00+02:00")]
    [InlineData("2027-03-28T02:59:59", "2027-03-28T03:59:59+02:00")]
    public void MovesSkippedTimesForwardByTheGap(string local, string expected)
    {
        DateTime wallClock = DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(Copenhagen.IsInvalidTime(wallClock));

        DateTimeOffset instant = ZonedTime.FromLocal(wallClock, Copenhagen);

        Assert.Equal(At(expected), instant);
        Assert.Equal(TimeSpan.FromHours(2), instant.Offset);
    }

    [Theory]
    [InlineData("2027-10-31T02:00:00", "2027-10-31T02:00:00+02:00")]
    [InlineData("2027-10-31T02:30:00", "2027-10-31T02:30:00+02:00")]
    [InlineData("2027-10-31T02:59:59", "2027-10-31T02:59:59+02:00")]
    public void TakesTheFirstOccurrenceOfRepeatedTimes(string local, string expected)
    {
        DateTime wallClock = DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(Copenhagen.IsAmbiguousTime(wallClock));

        DateTimeOffset instant = ZonedTime.FromLocal(wallClock, Copenhagen);

        Assert.Equal(At(expected), instant);
        Assert.Equal(TimeSpan.FromHours(2), instant.Offset);
    }

    [Theory]
    [InlineData(DateTimeKind.Utc)]
    [InlineData(DateTimeKind.Local)]
    [InlineData(DateTimeKind.Unspecified)]
    public void ReadsTheWallClockWhateverTheKind(DateTimeKind kind)
    {
        var local = new DateTime(2027, 2, 3, 9, 0, 0, kind);

        Assert.Equal(At("2027-02-03T09:00:00+01:00"), ZonedTime.FromLocal(local, Copenhagen));
    }

    [Theory]
    [InlineData("2027-02-03T08:00:00Z", "2027-02-03T09:00:00", 1)]
    [InlineData("2027-07-01T07:00:00Z", "2027-07-01T09:00:00", 2)]
    [InlineData("2027-10-31T00:30:00Z", "2027-10-31T02:30:00", 2)]
    [InlineData("2027-10-31T01:30:00Z", "2027-10-31T02:30:00", 1)]
    [InlineData("2027-03-28T01:00:00Z", "2027-03-28T03:00:00", 2)]
    public void ShowsAnInstantInTheZone(string instant, string local, int offsetHours)
    {
        DateTimeOffset shown = ZonedTime.InZone(At(instant), Copenhagen);

        Assert.Equal(DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture), shown.DateTime);
        Assert.Equal(TimeSpan.FromHours(offsetHours), shown.Offset);
        Assert.Equal(At(instant), shown);
    }
}
