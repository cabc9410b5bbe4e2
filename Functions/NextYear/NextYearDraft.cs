using System.Globalization;
using System.Text.RegularExpressions;
using NetworkFunctions.Kickoff;
using NetworkFunctions.Networks;

namespace NetworkFunctions.NextYear;

/// <summary>
/// The draft kickoff document for the year after a network's: what the director adjusts and posts as a new kickoff.
/// Pure: built from the network as it stands, what waited all year and the clock.
/// <list type="bullet">
/// <item>The same name, organisation, language, time zone, director, facilitator, consultant, departments and
/// schedule; the members as they are now (those removed or erased are no longer in the network).</item>
/// <item>The meetings that were not cancelled (all of them, if every one was), each moved by <see cref="NextYearDates"/>:
/// 52 weeks on, the same weekday and local time; more years on if that would still be in the past.</item>
/// <item>The year of the first meeting, where it stands in the name as a number of its own ("… 2027"), becomes the
/// new one; likewise in the network id, which is otherwise left out (the kickoff generates one from the name).</item>
/// <item><c>carriedOver</c>: the contributions that waited all year, by the members still in the network.</item>
/// </list>
/// </summary>
public static class NextYearDraft
{
    public static KickoffDocument Build(Network network, IReadOnlyList<CarriedOverContribution> waited, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(waited);
        TimeZoneInfo zone = network.Zone;
        List<Meeting> held = [.. network.Meetings.Where(m => !m.Cancelled)];
        List<Meeting> planned = [.. (held.Count > 0 ? held : network.Meetings).OrderBy(m => m.Start)];
        int years = NextYearDates.YearsOn(planned[0].Start, zone, now);
        int year = TimeZoneInfo.ConvertTime(planned[0].Start, zone).Year;
        string? id = YearOf(year).IsMatch(network.Id) ? Renumbered(network.Id, year, year + years) : null;
        IReadOnlyList<KickoffCarriedOver> carried = KickoffDocument.CarriedOverOf(network, waited);

        return KickoffDocument.Of(network) with
        {
            NetworkId = id is not null && NetworkIds.IsValid(id) && id != network.Id ? id : null,
            Name = Renumbered(network.Name, year, year + years),
            Meetings = [.. planned.Select(m => new KickoffMeeting(
                NextYearDates.Move(m.Start, zone, years), NextYearDates.Move(m.End, zone, years), m.Location, m.Title))],
            CarriedOver = carried.Count == 0 ? null : carried,
        };
    }

    /// <summary><paramref name="text"/> with <paramref name="year"/>, where it stands as a number of its own, made <paramref name="next"/>.</summary>
    public static string Renumbered(string text, int year, int next)
    {
        ArgumentNullException.ThrowIfNull(text);
        return YearOf(year).Replace(text, next.ToString(CultureInfo.InvariantCulture));
    }

    static Regex YearOf(int year) => new($@"(?<!\d){year.ToString(CultureInfo.InvariantCulture)}(?!\d)", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}
