using System.Text.Json;
using NetworkFunctions.Networks;
using static NetworkFunctions.Tests.Support.DomainFixtures;

namespace NetworkFunctions.Tests.Unit.Networks;

public sealed class IsoDurationTests
{
    [Theory]
    [InlineData("P28D", 28, 0)]
    [InlineData("P10D", 10, 0)]
    [InlineData("PT5S", 0, 5)]
    [InlineData("PT1H", 0, 3600)]
    [InlineData("PT30M", 0, 1800)]
    [InlineData("P1W", 7, 0)]
    [InlineData("P2W3D", 17, 0)]
    [InlineData("P1DT2H30M", 1, 9000)]
    [InlineData("P1DT2H30M15S", 1, 9015)]
    [InlineData("PT36H", 0, 129600)]
    [InlineData("PT90S", 0, 90)]
    [InlineData("PT0S", 0, 0)]
    [InlineData("P0D", 0, 0)]
    [InlineData(" P3D ", 3, 0)]
    [InlineData("P3660D", 3660, 0)]
    [InlineData("P522W6D", 3660, 0)]
    public void ParsesDaysAndTime(string text, int days, int seconds)
    {
        IsoDuration duration = IsoDuration.Parse(text);

        Assert.Equal(days, duration.Days);
        Assert.Equal(TimeSpan.FromSeconds(seconds), duration.Time);
        Assert.True(IsoDuration.TryParse(text, out IsoDuration again));
        Assert.Equal(duration, again);
    }

    [Theory]
    [InlineData("PT1.5H", 5400000)]
    [InlineData("PT1,5H", 5400000)]
    [InlineData("PT0.5M", 30000)]
    [InlineData("PT0.5S", 500)]
    [InlineData("PT2,25S", 2250)]
    [InlineData("PT1H0.5M1.5S", 3631500)]
    public void ParsesFractionsOfTheTimePart(string text, int milliseconds)
    {
        IsoDuration duration = IsoDuration.Parse(text);

        Assert.Equal(0, duration.Days);
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), duration.Time);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("P")]
    [InlineData("PT")]
    [InlineData("P1DT")]
    [InlineData("5D")]
    [InlineData("T5S")]
    [InlineData("P1Y")]
    [InlineData("P1M")]
    [InlineData("P1Y2M3D")]
    [InlineData("-P1D")]
    [InlineData("P-1D")]
    [InlineData("PT-5S")]
    [InlineData("P1.5D")]
    [InlineData("P1.5W")]
    [InlineData("p1d")]
    [InlineData("P1d")]
    [InlineData("PT5s")]
    [InlineData("P1D2H")]
    [InlineData("PT1S1H")]
    [InlineData("P1D P2D")]
    [InlineData("P3661D")]
    [InlineData("P523W")]
    [InlineData("P99999D")]
    [InlineData("PT99999H")]
    [InlineData("P5D ago")]
    [InlineData("10 days")]
    [InlineData("00:00:05")]
    public void RefusesWhatIsNotADayOrTimeDuration(string text)
    {
        Assert.False(IsoDuration.TryParse(text, out _));
        Assert.Throws<FormatException>(() => IsoDuration.Parse(text));
    }

    [Fact]
    public void RefusesNull()
    {
        Assert.False(IsoDuration.TryParse(null, out _));
    }

    [Theory]
    [InlineData("P28D", "P28D")]
    [InlineData("PT5S", "PT5S")]
    [InlineData("P1W", "P7D")]
    [InlineData("P1DT2H30M", "P1DT2H30M")]
    [InlineData("P1DT2H30M15S", "P1DT2H30M15S")]
    [InlineData("PT36H", "PT36H")]
    [InlineData("PT90S", "PT1M30S")]
    [InlineData("PT90M", "PT1H30M")]
    [InlineData("PT1.5H", "PT1H30M")]
    [InlineData("PT0.5S", "PT0.5S")]
    [InlineData("PT1,25S", "PT1.25S")]
    [InlineData("PT0S", "PT0S")]
    [InlineData("P0D", "PT0S")]
    [InlineData("P0DT0H", "PT0S")]
    [InlineData("PT48H", "PT48H")]
    public void WritesTheCanonicalFormThatParsesBackToTheSameValue(string text, string canonical)
    {
        IsoDuration duration = IsoDuration.Parse(text);

        Assert.Equal(canonical, duration.ToString());
        Assert.Equal(duration, IsoDuration.Parse(duration.ToString()));
    }

    [Fact]
    public void KnowsZeroAndTheNominalLength()
    {
        Assert.True(IsoDuration.Zero.IsZero);
        Assert.True(IsoDuration.Parse("P0DT0S").IsZero);
        Assert.False(IsoDuration.Parse("PT1S").IsZero);
        Assert.Equal(TimeSpan.FromHours(26.5), IsoDuration.Parse("P1DT2H30M").Nominal);
        Assert.Equal(IsoDuration.Parse("PT24H").Nominal, IsoDuration.Parse("P1D").Nominal);
        Assert.NotEqual(IsoDuration.Parse("PT24H"), IsoDuration.Parse("P1D"));
    }

    [Theory]
    [InlineData("P28D")]
    [InlineData("PT5S")]
    [InlineData("P1DT2H30M")]
    [InlineData("PT0.5S")]
    public void RoundTripsThroughJsonAsAString(string text)
    {
        IsoDuration duration = IsoDuration.Parse(text);

        string json = JsonSerializer.Serialize(duration);

        Assert.Equal($"\"{duration}\"", json);
        Assert.Equal(duration, JsonSerializer.Deserialize<IsoDuration>(json));
    }

    [Fact]
    public void RoundTripsAScheduleThroughJson()
    {
        string json = JsonSerializer.Serialize(ScheduleSettings.Default);

        Assert.Contains("\"P28D\"", json, StringComparison.Ordinal);
        Assert.Contains("\"PT1H\"", json, StringComparison.Ordinal);
        ScheduleSettings back = JsonSerializer.Deserialize<ScheduleSettings>(json)!;
        Assert.Equal(ScheduleSettings.Default.InvitationLead, back.InvitationLead);
        Assert.Equal(ScheduleSettings.Default.ReminderLeads, back.ReminderLeads);
        Assert.Equal(ScheduleSettings.Default.SurveyDelay, back.SurveyDelay);
    }

    [Theory]
    [InlineData("\"P1Y\"")]
    [InlineData("\"P1M\"")]
    [InlineData("\"\"")]
    [InlineData("\"PT\"")]
    [InlineData("null")]
    [InlineData("5")]
    [InlineData("true")]
    [InlineData("{}")]
    public void RefusesBadJson(string json)
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<IsoDuration>(json));
    }

    public static readonly TheoryData<string, string, string> DaysAcrossDaylightSaving = new()
    {
        // Spring forward on 2027-03-28 (02:00 CET → 03:00 CEST): 09:00 stays 09:00.
        { "2027-04-07T09:00:00+02:00", "P28D", "2027-03-10T09:00:00+01:00" },
        { "2027-03-29T09:00:00+02:00", "P1D", "2027-03-28T09:00:00+02:00" },
        { "2027-03-29T09:00:00+02:00", "P2D", "2027-03-27T09:00:00+01:00" },
        { "2027-03-28T12:00:00+02:00", "P1D", "2027-03-27T12:00:00+01:00" },
        // Fall back on 2027-10-31 (03:00 CEST → 02:00 CET): 09:00 stays 09:00.
        { "2027-11-03T09:00:00+01:00", "P28D", "2027-10-06T09:00:00+02:00" },
        { "2027-11-01T09:00:00+01:00", "P1D", "2027-10-31T09:00:00+01:00" },
        { "2027-11-01T09:00:00+01:00", "P2D", "2027-10-30T09:00:00+02:00" },
        // A week's worth of days with no change in between.
        { "2027-02-03T09:00:00+01:00", "P1W", "2027-01-27T09:00:00+01:00" },
    };

    [Theory]
    [MemberData(nameof(DaysAcrossDaylightSaving))]
    public void CountsDaysInLocalWallClockTime(string instant, string duration, string expected)
    {
        IsoDuration d = IsoDuration.Parse(duration);

        DateTimeOffset before = d.Before(At(instant), Copenhagen);
        DateTimeOffset after = d.After(At(expected), Copenhagen);

        Assert.Equal(At(expected), before);
        Assert.Equal(At(expected).Offset, before.Offset);
        Assert.Equal(At(instant), after);
        Assert.Equal(WallClock(At(instant)).TimeOfDay, WallClock(before).TimeOfDay);
    }

    public static readonly TheoryData<string, string, string> TimeBeforeAcrossDaylightSaving = new()
    {
        // The time part is elapsed time: 24 hours back across the spring change end an hour later on the wall clock.
        { "2027-03-28T12:00:00+02:00", "PT24H", "2027-03-27T11:00:00+01:00" },
        { "2027-03-28T03:30:00+02:00", "PT1H", "2027-03-28T01:30:00+01:00" },
        { "2027-10-31T12:00:00+01:00", "PT24H", "2027-10-30T13:00:00+02:00" },
        { "2027-10-31T02:30:00+01:00", "PT1H", "2027-10-31T02:30:00+02:00" },
        // Days first on the wall clock, then the exact time part.
        { "2027-03-29T09:00:00+02:00", "P1DT2H", "2027-03-28T07:00:00+02:00" },
        { "2027-03-28T06:00:00+02:00", "P1DT2H30M", "2027-03-27T03:30:00+01:00" },
        { "2027-11-01T09:00:00+01:00", "P1DT12H", "2027-10-30T22:00:00+02:00" },
        { "2027-02-03T09:00:00+01:00", "PT5S", "2027-02-03T08:59:55+01:00" },
    };

    [Theory]
    [MemberData(nameof(TimeBeforeAcrossDaylightSaving))]
    public void CountsTheTimePartExactlyBefore(string instant, string duration, string expected)
    {
        Assert.Equal(At(expected), IsoDuration.Parse(duration).Before(At(instant), Copenhagen));
    }

    public static readonly TheoryData<string, string, string> TimeAfterAcrossDaylightSaving = new()
    {
        { "2027-03-27T12:00:00+01:00", "PT24H", "2027-03-28T13:00:00+02:00" },
        { "2027-03-28T01:30:00+01:00", "PT1H", "2027-03-28T03:30:00+02:00" },
        { "2027-10-30T12:00:00+02:00", "PT24H", "2027-10-31T11:00:00+01:00" },
        { "2027-10-31T02:30:00+02:00", "PT1H", "2027-10-31T02:30:00+01:00" },
        // The survey an hour after a meeting that ends as the clocks go back.
        { "2027-10-31T01:30:00+02:00", "PT1H", "2027-10-31T02:30:00+02:00" },
        { "2027-10-30T22:00:00+02:00", "P1DT12H", "2027-11-01T10:00:00+01:00" },
        { "2027-03-27T03:30:00+01:00", "P1DT2H30M", "2027-03-28T06:00:00+02:00" },
        { "2027-02-03T12:30:00+01:00", "PT5S", "2027-02-03T12:30:05+01:00" },
    };

    [Theory]
    [MemberData(nameof(TimeAfterAcrossDaylightSaving))]
    public void CountsTheTimePartExactlyAfter(string instant, string duration, string expected)
    {
        Assert.Equal(At(expected), IsoDuration.Parse(duration).After(At(instant), Copenhagen));
    }

    [Fact]
    public void ElapsesAnHourLessOrMoreWhenDaysCrossTheChange()
    {
        IsoDuration fourWeeks = IsoDuration.Parse("P28D");

        Assert.Equal(TimeSpan.FromDays(28) - TimeSpan.FromHours(1), At("2027-04-07T09:00:00+02:00") - fourWeeks.Before(At("2027-04-07T09:00:00+02:00"), Copenhagen));
        Assert.Equal(TimeSpan.FromDays(28) + TimeSpan.FromHours(1), At("2027-11-03T09:00:00+01:00") - fourWeeks.Before(At("2027-11-03T09:00:00+01:00"), Copenhagen));
        Assert.Equal(TimeSpan.FromHours(24), At("2027-03-28T12:00:00+02:00") - IsoDuration.Parse("PT24H").Before(At("2027-03-28T12:00:00+02:00"), Copenhagen));
    }

    [Fact]
    public void MovesAWallClockTimeSkippedBySpringForward()
    {
        // 02:30 on 2027-03-28 does not exist in Copenhagen: it becomes 03:30 CEST.
        Assert.Equal(At("2027-03-28T03:30:00+02:00"), IsoDuration.Parse("P1D").After(At("2027-03-27T02:30:00+01:00"), Copenhagen));
        Assert.Equal(At("2027-03-28T03:30:00+02:00"), IsoDuration.Parse("P1D").Before(At("2027-03-29T02:30:00+02:00"), Copenhagen));
    }

    [Fact]
    public void TakesTheFirstOfARepeatedWallClockTime()
    {
        // 02:30 on 2027-10-31 happens twice; the first (CEST) is meant.
        Assert.Equal(At("2027-10-31T02:30:00+02:00"), IsoDuration.Parse("P1D").Before(At("2027-11-01T02:30:00+01:00"), Copenhagen));
        Assert.Equal(At("2027-10-31T02:30:00+02:00"), IsoDuration.Parse("P1D").After(At("2027-10-30T02:30:00+02:00"), Copenhagen));
    }

    [Fact]
    public void LeavesTheInstantAloneWhenZero()
    {
        DateTimeOffset instant = At("2027-03-28T02:00:00+01:00");

        Assert.Equal(instant, IsoDuration.Zero.Before(instant, Copenhagen));
        Assert.Equal(instant, IsoDuration.Zero.After(instant, Copenhagen));
    }

    [Fact]
    public void CountsDaysInTheZoneGivenNotInTheOffsetOfTheInstant()
    {
        // 23:30 UTC on 2 February is already 3 February in Copenhagen: P1D later is 4 February 00:30 local.
        DateTimeOffset after = IsoDuration.Parse("P1D").After(At("2027-02-02T23:30:00Z"), Copenhagen);

        Assert.Equal(new DateTime(2027, 2, 4, 0, 30, 0), WallClock(after));
        Assert.Equal(IsoDuration.Parse("P1D").After(At("2027-02-03T00:30:00+01:00"), Copenhagen), after);
    }
}
