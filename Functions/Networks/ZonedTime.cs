namespace NetworkFunctions.Networks;

/// <summary>Wall-clock times in a network's time zone, resolved the way people read them around DST changes.</summary>
public static class ZonedTime
{
    /// <summary>
    /// The instant of a local wall-clock time. A time skipped by the spring change moves forward by the gap
    /// (02:30 becomes 03:30); a time repeated by the autumn change takes its first occurrence.
    /// </summary>
    public static DateTimeOffset FromLocal(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            TimeSpan before = zone.GetUtcOffset(local.AddHours(-3));
            TimeSpan after = zone.GetUtcOffset(local.AddHours(3));
            return new DateTimeOffset(local + (after - before), after);
        }

        if (zone.IsAmbiguousTime(local))
        {
            TimeSpan first = zone.GetAmbiguousTimeOffsets(local).Max();
            return new DateTimeOffset(local, first);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>The instant shown in the zone, with the zone's offset at that instant.</summary>
    public static DateTimeOffset InZone(DateTimeOffset instant, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(instant, zone);
}
