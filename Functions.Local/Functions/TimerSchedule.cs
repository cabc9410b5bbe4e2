using System.Globalization;
using Cronos;

namespace NetworkFunctions.Local.Functions;

/// <summary>
/// A TimerTrigger schedule as Azure reads it: NCRONTAB with seconds (<c>{second} {minute} {hour} {day} {month} {day-of-week}</c>),
/// the five-field form without seconds, or a <c>hh:mm:ss</c> interval. Times are UTC.
/// </summary>
public sealed class TimerSchedule
{
    readonly CronExpression? cron;
    readonly TimeSpan? interval;

    TimerSchedule(CronExpression? cron, TimeSpan? interval, string text)
    {
        this.cron = cron;
        this.interval = interval;
        Text = text;
    }

    public string Text { get; }

    public static TimerSchedule Parse(string schedule)
    {
        string text = schedule.Trim();
        if (!text.Contains(' ') && TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out TimeSpan every) && every > TimeSpan.Zero)
        {
            return new TimerSchedule(null, every, text);
        }

        int fields = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        CronFormat format = fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard;
        try
        {
            return new TimerSchedule(CronExpression.Parse(text, format), null, text);
        }
        catch (CronFormatException e)
        {
            throw new FunctionHostingException($"'{schedule}' is not a valid NCRONTAB expression or interval: {e.Message}");
        }
    }

    public DateTimeOffset? NextAfter(DateTimeOffset now) =>
        interval is { } every ? now + every : cron!.GetNextOccurrence(now.UtcDateTime, TimeZoneInfo.Utc) is { } next ? new DateTimeOffset(next) : null;
}
