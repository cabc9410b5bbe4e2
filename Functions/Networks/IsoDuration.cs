using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace NetworkFunctions.Networks;

/// <summary>
/// An ISO 8601 duration of weeks/days and a time part (<c>P28D</c>, <c>PT1H</c>, <c>P1DT2H</c>, <c>PT5S</c>).
/// Days stay calendar days: moved across a daylight-saving change, "P28D before 09:00" is still 09:00 local time,
/// while the time part is exact. Years and months are refused, as their length depends on the date.
/// </summary>
[JsonConverter(typeof(IsoDurationJsonConverter))]
public readonly partial record struct IsoDuration(int Days, TimeSpan Time)
{
    /// <summary>Ten years: longer leads are a typo, not a plan.</summary>
    const int MaxDays = 3660;

    public static IsoDuration Zero => default;

    public bool IsZero => Days == 0 && Time == TimeSpan.Zero;

    /// <summary>The nominal length (days of 24 hours), for ordering and comparisons.</summary>
    public TimeSpan Nominal => TimeSpan.FromDays(Days) + Time;

    public static IsoDuration Parse(string text) =>
        TryParse(text, out IsoDuration duration) ? duration : throw new FormatException($"'{text}' is not an ISO 8601 duration such as P10D or PT5S.");

    public static bool TryParse(string? text, out IsoDuration duration)
    {
        duration = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        Match match = Pattern().Match(text.Trim());
        if (!match.Success || match.Length == 1 || text.Trim().EndsWith('T'))
        {
            return false;
        }

        try
        {
            int days = checked(Number(match.Groups["w"]) * 7 + Number(match.Groups["d"]));
            decimal ticks = Fraction(match.Groups["h"]) * TimeSpan.TicksPerHour
                + Fraction(match.Groups["m"]) * TimeSpan.TicksPerMinute
                + Fraction(match.Groups["s"]) * TimeSpan.TicksPerSecond;
            if (days > MaxDays || ticks > MaxDays * (decimal)TimeSpan.TicksPerDay)
            {
                return false;
            }

            duration = new IsoDuration(days, TimeSpan.FromTicks((long)decimal.Round(ticks, MidpointRounding.AwayFromZero)));
            return true;
        }
        catch (Exception e) when (e is OverflowException or FormatException)
        {
            return false;
        }
    }

    /// <summary>The instant this duration before <paramref name="instant"/>, counting days in <paramref name="zone"/>.</summary>
    public DateTimeOffset Before(DateTimeOffset instant, TimeZoneInfo zone) => Shift(instant, zone, -1);

    /// <summary>The instant this duration after <paramref name="instant"/>, counting days in <paramref name="zone"/>.</summary>
    public DateTimeOffset After(DateTimeOffset instant, TimeZoneInfo zone) => Shift(instant, zone, 1);

    DateTimeOffset Shift(DateTimeOffset instant, TimeZoneInfo zone, int sign)
    {
        DateTimeOffset shifted = instant;
        if (Days != 0)
        {
            DateTime local = TimeZoneInfo.ConvertTime(instant, zone).DateTime.AddDays(sign * Days);
            shifted = ZonedTime.FromLocal(local, zone);
        }

        return shifted + sign * Time;
    }

    public override string ToString()
    {
        if (IsZero)
        {
            return "PT0S";
        }

        string text = "P" + (Days != 0 ? $"{Days}D" : "");
        if (Time != TimeSpan.Zero)
        {
            text += "T";
            if (Time.Days * 24 + Time.Hours != 0)
            {
                text += $"{Time.Days * 24 + Time.Hours}H";
            }

            if (Time.Minutes != 0)
            {
                text += $"{Time.Minutes}M";
            }

            long subMinute = Time.Ticks % TimeSpan.TicksPerMinute;
            if (subMinute != 0)
            {
                decimal seconds = (decimal)subMinute / TimeSpan.TicksPerSecond;
                text += seconds.ToString("0.#######", CultureInfo.InvariantCulture) + "S";
            }
        }

        return text;
    }

    static int Number(Group group) => group.Success ? int.Parse(group.Value, CultureInfo.InvariantCulture) : 0;

    static decimal Fraction(Group group) => group.Success ? decimal.Parse(group.Value.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture) : 0;

    [GeneratedRegex(@"^P(?:(?<w>\d{1,4})W)?(?:(?<d>\d{1,4})D)?(?:T(?:(?<h>\d{1,5}(?:[.,]\d+)?)H)?(?:(?<m>\d{1,6}(?:[.,]\d+)?)M)?(?:(?<s>\d{1,8}(?:[.,]\d+)?)S)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}

public sealed class IsoDurationJsonConverter : JsonConverter<IsoDuration>
{
    public override IsoDuration Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        IsoDuration.TryParse(reader.GetString(), out IsoDuration duration)
            ? duration
            : throw new JsonException("Expected an ISO 8601 duration such as P10D or PT5S.");

    public override void Write(Utf8JsonWriter writer, IsoDuration value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
