using NetworkFunctions.Networks;

namespace NetworkFunctions.Benchmarks.Fleet;

/// <summary>
/// The timer wakes of a network-year on a real calendar. Each meeting's orchestration waits from the kickoff for its
/// first step, then from each step to the next; the Durable SDK splits any wait longer than its maximum timer interval
/// into timers of that interval, and every timer but the last wakes the orchestration for nothing (a replay that only
/// sets the next timer). Pure arithmetic over the app's own timeline (<see cref="MeetingTimeline"/>, <see cref="MeetingSteps"/>).
/// </summary>
public static class RealYearWakes
{
    /// <summary>The waits of every meeting orchestration of the year, in order: kickoff to the first step, then step to step.</summary>
    public static IReadOnlyList<TimeSpan> Waits(DateTimeOffset kickoff, IEnumerable<Meeting> meetings, ScheduleSettings schedule, TimeZoneInfo zone)
    {
        var waits = new List<TimeSpan>();
        foreach (Meeting meeting in meetings)
        {
            DateTimeOffset at = kickoff;
            foreach (MeetingStep step in MeetingSteps.All(MeetingTimeline.For(meeting, schedule, zone)))
            {
                if (step.At > at)
                {
                    waits.Add(step.At - at);
                    at = step.At;
                }
            }
        }

        return waits;
    }

    /// <summary>The wakes for nothing: a wait of d becomes ceil(d / interval) timers, of which all but the last only re-arm.</summary>
    public static int ExtraWakes(IEnumerable<TimeSpan> waits, TimeSpan interval) =>
        waits.Sum(wait => wait <= interval ? 0 : (int)Math.Ceiling(wait / interval) - 1);

    /// <summary>Six meetings of three hours, the first 45 days after the kickoff and then every 60 days (to about 11.5 months).</summary>
    public static IReadOnlyList<Meeting> RealYear(DateTimeOffset kickoff) =>
        [.. Enumerable.Range(0, 6).Select(i => new Meeting(i + 1, kickoff.AddDays(45 + (60 * i)), kickoff.AddDays(45 + (60 * i)).AddHours(3), "Rådhuset", null))];
}
