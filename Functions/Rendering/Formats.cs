using System.Globalization;
using NetworkFunctions.Networks;

namespace NetworkFunctions.Rendering;

/// <summary>Dates and times as a Danish or English reader expects them, in the network's time zone.</summary>
public static class Formats
{
    static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");
    static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static CultureInfo Culture(Language language) => language == Language.Da ? Danish : English;

    /// <summary>"onsdag den 3. februar 2027" / "Wednesday 3 February 2027".</summary>
    public static string Date(DateTimeOffset instant, TimeZoneInfo zone, Language language)
    {
        DateTimeOffset local = ZonedTime.InZone(instant, zone);
        return language == Language.Da
            ? local.ToString("dddd 'den' d. MMMM yyyy", Danish)
            : local.ToString("dddd d MMMM yyyy", English);
    }

    /// <summary>"3. feb. 2027" / "3 Feb 2027": a date where space is short.</summary>
    public static string ShortDate(DateTimeOffset instant, TimeZoneInfo zone, Language language) =>
        ZonedTime.InZone(instant, zone).ToString(language == Language.Da ? "d. MMM yyyy" : "d MMM yyyy", Culture(language));

    /// <summary>"09.00" / "09:00", with seconds when they are not zero (compressed demo years).</summary>
    public static string Time(DateTimeOffset instant, TimeZoneInfo zone, Language language)
    {
        DateTimeOffset local = ZonedTime.InZone(instant, zone);
        string pattern = local.Second == 0 ? "HH:mm" : "HH:mm:ss";
        return local.ToString(pattern, CultureInfo.InvariantCulture).Replace(':', language == Language.Da ? '.' : ':');
    }

    /// <summary>"onsdag den 3. februar 2027 kl. 09.00–12.30" / "Wednesday 3 February 2027, 09:00–12:30".</summary>
    public static string Span(DateTimeOffset start, DateTimeOffset end, TimeZoneInfo zone, Language language) =>
        language == Language.Da
            ? $"{Date(start, zone, language)} kl. {Time(start, zone, language)}–{Time(end, zone, language)}"
            : $"{Date(start, zone, language)}, {Time(start, zone, language)}–{Time(end, zone, language)}";

    /// <summary>Date and time of a single instant, e.g. a deadline.</summary>
    public static string Moment(DateTimeOffset instant, TimeZoneInfo zone, Language language) =>
        language == Language.Da
            ? $"{Date(instant, zone, language)} kl. {Time(instant, zone, language)}"
            : $"{Date(instant, zone, language)} at {Time(instant, zone, language)}";
}
