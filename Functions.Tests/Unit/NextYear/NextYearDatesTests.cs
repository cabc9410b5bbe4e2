using NetworkFunctions.NextYear;
using static NetworkFunctions.Tests.Support.DomainFixtures;

namespace NetworkFunctions.Tests.Unit.NextYear;

public sealed class NextYearDatesTests
{
    static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    [Theory]
    [InlineData("2027-02-03T09:00:00+01:00", "2028-02-02T09:00:00+01:00")] // Wednesday to Wednesday, one day earlier in the calendar
    [InlineData("2027-06-09T13:00:00+02:00", "2028-06-07T13:00:00+02:00")] // 29 February 2028 lies between: two days earlier
    [InlineData("2028-02-29T09:00:00+01:00", "2029-02-27T09:00:00+01:00")] // from a leap day: the Tuesday before 28 February
    [InlineData("2027-12-31T09:00:00+01:00", "2028-12-29T09:00:00+01:00")]
    [InlineData("2026-01-01T09:00:00+01:00", "2026-12-31T09:00:00+01:00")] // 1 January moves into the same calendar year
    public void Moves_a_meeting_52_weeks_on_to_the_same_weekday_and_local_time(string start, string moved)
    {
        DateTimeOffset result = NextYearDates.Move(At(start), Copenhagen);

        Assert.Equal(At(moved), result);
        Assert.Equal(At(moved).Offset, result.Offset);
        Assert.Equal(At(start).DayOfWeek, result.DayOfWeek);
    }

    [Fact]
    public void Keeps_the_local_time_of_day_when_the_offset_differs_a_year_on()
    {
        // 26 March 2029 is summer time in Copenhagen (+02:00); 52 weeks on, 25 March 2030, is still winter time (+01:00).
        DateTimeOffset result = NextYearDates.Move(At("2029-03-26T09:00:00+02:00"), Copenhagen);

        Assert.Equal(At("2030-03-25T09:00:00+01:00"), result);
        Assert.Equal(TimeSpan.FromHours(1), result.Offset);
        Assert.Equal(new TimeSpan(9, 0, 0), WallClock(result).TimeOfDay);
    }

    [Fact]
    public void Reads_the_local_time_in_the_networks_zone_not_in_the_instants_offset()
    {
        // 15:00 UTC is 10:00 in New York (EST, -05:00); a year on it is 10:00 there again.
        DateTimeOffset result = NextYearDates.Move(At("2027-01-06T15:00:00+00:00"), NewYork);

        Assert.Equal(At("2028-01-05T10:00:00-05:00"), result);
        Assert.Equal(TimeSpan.FromHours(-5), result.Offset);
    }

    [Fact]
    public void Moves_a_time_the_spring_change_skips_forward_by_the_gap()
    {
        // 02:30 on 31 March 2030 does not exist in Copenhagen (clocks go 02:00 → 03:00): 03:30 summer time.
        DateTimeOffset result = NextYearDates.Move(At("2029-04-01T02:30:00+02:00"), Copenhagen);

        Assert.Equal(At("2030-03-31T03:30:00+02:00"), result);
    }

    [Fact]
    public void Moves_more_years_on_in_steps_of_52_weeks()
    {
        Assert.Equal(At("2029-01-31T09:00:00+01:00"), NextYearDates.Move(At("2027-02-03T09:00:00+01:00"), Copenhagen, years: 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => NextYearDates.Move(At("2027-02-03T09:00:00+01:00"), Copenhagen, years: 0));
    }

    [Fact]
    public void Goes_one_year_on_unless_that_is_still_in_the_past()
    {
        DateTimeOffset first = At("2027-02-03T09:00:00+01:00");

        Assert.Equal(1, NextYearDates.YearsOn(first, Copenhagen, At("2027-12-01T00:00:00Z")));
        Assert.Equal(1, NextYearDates.YearsOn(first, Copenhagen, At("2026-12-01T00:00:00Z")));
        Assert.Equal(2, NextYearDates.YearsOn(first, Copenhagen, At("2028-02-02T08:00:00Z")));
        Assert.Equal(3, NextYearDates.YearsOn(first, Copenhagen, At("2029-06-01T00:00:00Z")));
        Assert.Equal(NextYearDates.MaxYears, NextYearDates.YearsOn(first, Copenhagen, DateTimeOffset.MaxValue.AddYears(-1)));
    }
}
