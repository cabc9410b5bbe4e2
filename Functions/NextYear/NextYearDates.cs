using NetworkFunctions.Networks;

namespace NetworkFunctions.NextYear;

/// <summary>
/// Moves a meeting into a following year: 52 weeks (364 days) on per year, counted on the wall clock of the network's
/// time zone. So it keeps the weekday and the local time of day (09:00 stays 09:00 across a daylight-saving change,
/// as <see cref="IsoDuration"/> counts days), and lands one day before the same date a year on — two when 29 February
/// lies between. That is the same weekday nearest to the same date a year on (a year is 365 or 366 days, one or two
/// days more than 52 weeks). A local time the spring change skips moves forward by the gap (<see cref="ZonedTime"/>).
/// Pure.
/// </summary>
public static class NextYearDates
{
    public const int DaysPerYear = 52 * 7;

    /// <summary>At most this many years on: a network older than that is not planned from.</summary>
    public const int MaxYears = 100;

    /// <summary><paramref name="instant"/> moved <paramref name="years"/> × 52 weeks on, on the wall clock of <paramref name="zone"/>.</summary>
    public static DateTimeOffset Move(DateTimeOffset instant, TimeZoneInfo zone, int years = 1)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentOutOfRangeException.ThrowIfLessThan(years, 1);
        DateTime local = TimeZoneInfo.ConvertTime(instant, zone).DateTime;
        return ZonedTime.FromLocal(local.AddDays((double)DaysPerYear * years), zone);
    }

    /// <summary>
    /// How many years on the plan moves: one, or as many more as it takes for <paramref name="firstStart"/> to lie after
    /// <paramref name="now"/> (a kickoff's meetings must start after it), so a draft asked for late is still one to send.
    /// </summary>
    public static int YearsOn(DateTimeOffset firstStart, TimeZoneInfo zone, DateTimeOffset now)
    {
        int years = 1;
        while (Move(firstStart, zone, years) <= now && years < MaxYears)
        {
            years++;
        }

        return years;
    }
}
