using System.Globalization;
using NetworkFunctions.Networks;

namespace NetworkFunctions.Tests.Support;

/// <summary>Shared builders for the domain tests: a network in Europe/Copenhagen kicked off on 28 November 2026.</summary>
internal static class DomainFixtures
{
    public static readonly TimeZoneInfo Copenhagen = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");

    /// <summary>The kickoff moment all tests use: 2026-11-28T08:00Z.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);

    public const string Teknik = "Center for Teknik & Miljø";
    public const string Born = "Center for Børn & Unge";
    public const string Sundhed = "Center for Sundhed & Ældre";
    public const string Okonomi = "Center for Økonomi & Digitalisering";

    public static readonly string[] Departments = [Teknik, Born, Sundhed, Okonomi];

    public static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.None);

    /// <summary>The wall-clock time of an instant in Copenhagen.</summary>
    public static DateTime WallClock(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Copenhagen).DateTime;

    public static Member Member(string id, string department = Teknik, DateTimeOffset? joined = null, string? email = null) =>
        new(id, "Navn " + id, email ?? id + "@example.dk", department, joined ?? Now);

    public static Meeting Meeting(int number, string start, string end, bool cancelled = false) =>
        new(number, At(start), At(end), "Rådhuset, mødelokale 1", null, 0, cancelled);

    public static readonly Meeting[] YearMeetings =
    [
        Meeting(1, "2027-02-03T09:00:00+01:00", "2027-02-03T12:30:00+01:00"),
        Meeting(2, "2027-04-07T09:00:00+02:00", "2027-04-07T12:30:00+02:00"),
        Meeting(3, "2027-06-09T13:00:00+02:00", "2027-06-09T16:30:00+02:00"),
    ];

    public static Network Network(
        IReadOnlyList<Member>? members = null,
        IReadOnlyList<Meeting>? meetings = null,
        IReadOnlyList<string>? departments = null,
        ScheduleSettings? schedule = null) =>
        new(
            "slagelse-samskabelse-2027",
            "Læringsnetværk for samskabelse",
            "Slagelse Kommune",
            Language.Da,
            "Europe/Copenhagen",
            new Person("Direktør Dorthe", "direktoer@slagelse.dk"),
            new Facilitator("Facilitator Frida", "frida@borgerdialog.dk", "Center for Borgerdialog"),
            new Person("Konsulent Karl", "karl@slagelse.dk"),
            departments ?? Departments,
            members ?? [Member("a", Teknik), Member("b", Born), Member("c", Sundhed)],
            meetings ?? YearMeetings,
            schedule ?? ScheduleSettings.Default,
            Now);

    /// <summary>A schedule in seconds, as tests and demos compress a year.</summary>
    public static ScheduleSettings Seconds(
        string invitation = "PT60S",
        string deadline = "PT30S",
        string[]? reminders = null,
        string finalAgenda = "PT20S",
        string surveyDelay = "PT5S",
        string surveyOpenFor = "PT30S",
        string surveyReminderAfter = "PT10S") =>
        new(
            IsoDuration.Parse(invitation),
            IsoDuration.Parse(deadline),
            (reminders ?? ["PT10S", "PT5S"]).Select(IsoDuration.Parse).ToList(),
            IsoDuration.Parse(finalAgenda),
            IsoDuration.Parse(surveyDelay),
            IsoDuration.Parse(surveyOpenFor),
            IsoDuration.Parse(surveyReminderAfter));

    /// <summary>The repository root: the folder holding NetworkFunctions.sln, found by walking up from the test binaries.</summary>
    public static string RepositoryRoot
    {
        get
        {
            for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "NetworkFunctions.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("NetworkFunctions.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
