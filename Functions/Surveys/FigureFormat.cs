using System.Globalization;
using NetworkFunctions.Networks;

namespace NetworkFunctions.Surveys;

/// <summary>Numbers and dates the way the network's language writes them: "3,2" and "75 %" in Danish, "3.2" and "75%" in English.</summary>
internal static class FigureFormat
{
    public static CultureInfo Culture(Language language) =>
        CultureInfo.GetCultureInfo(language == Language.En ? "en-GB" : "da-DK");

    /// <summary>An average with one decimal, or the dash for "no answers".</summary>
    public static string Average(double? value, Language language) =>
        value is double v ? v.ToString("0.0", Culture(language)) : "–";

    /// <summary>A share 0–1 as a whole percentage, or the dash when it is unknown.</summary>
    public static string Percent(double? share, Language language)
    {
        if (share is not double s)
        {
            return "–";
        }

        string number = Math.Round(s * 100, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture);
        return language == Language.En ? number + "%" : number + " %";
    }

    /// <summary>A change of an average with its sign ("+0,9", "−0,3", "±0,0").</summary>
    public static string Change(double change, Language language)
    {
        double rounded = Math.Round(change, 1, MidpointRounding.AwayFromZero);
        string magnitude = Math.Abs(rounded).ToString("0.0", Culture(language));
        return rounded > 0 ? "+" + magnitude : rounded < 0 ? "−" + magnitude : "±" + magnitude;
    }

    public static string Count(int value, Language language) => value.ToString("N0", Culture(language));

    /// <summary>The meeting's date in the network's zone: "3. feb. 2027" / "3 Feb 2027".</summary>
    public static string Date(DateTimeOffset instant, TimeZoneInfo zone, Language language) =>
        ZonedTime.InZone(instant, zone).ToString(language == Language.En ? "d MMM yyyy" : "d. MMM yyyy", Culture(language));
}
