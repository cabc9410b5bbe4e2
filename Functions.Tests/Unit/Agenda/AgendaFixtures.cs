using NetworkFunctions.Agenda;
using NetworkFunctions.Networks;

namespace NetworkFunctions.Tests.Unit.Agenda;

/// <summary>Builders for agenda inputs: a meeting 2 on Wednesday 3 February 2027 at 09:00 Copenhagen time.</summary>
internal static class AgendaFixtures
{
    public static readonly DateTimeOffset Start = new(2027, 2, 3, 9, 0, 0, TimeSpan.FromHours(1));

    public static readonly DateTimeOffset Submitted = new(2027, 1, 20, 8, 0, 0, TimeSpan.Zero);

    public const string Teknik = "Center for Teknik & Miljø";

    public const string Borger = "Center for Borgerservice";

    public const string Skole = "Center for Skole";

    public static AgendaCandidate Candidate(
        string member,
        ContributionType type,
        string title,
        int minute = 0,
        int from = 2,
        string department = Teknik,
        string description = "") =>
        new(member, "Navn " + member, department, new Contribution(type, title, description), Submitted.AddMinutes(minute), from);

    public static AgendaCandidate Theme(string member, string title, int minute = 0, int from = 2) =>
        Candidate(member, ContributionType.Theme, title, minute, from);

    public static AgendaCandidate Case(string member, string title, int minute = 0, int from = 2) =>
        Candidate(member, ContributionType.Case, title, minute, from);

    public static AgendaCandidate Challenge(string member, string title, int minute = 0, int from = 2) =>
        Candidate(member, ContributionType.Challenge, title, minute, from);

    public static AgendaInput Input(
        TimeSpan length,
        IReadOnlyList<AgendaCandidate> candidates,
        int meeting = 2,
        bool welcome = false,
        IReadOnlyList<AttendanceEntry>? attendance = null,
        DateTimeOffset? start = null) =>
        new(meeting, start ?? Start, (start ?? Start) + length, welcome, candidates, attendance ?? []);

    /// <summary>Distinct subjects, so no two of them group.</summary>
    public static readonly string[] Subjects =
    [
        "Samskabelse i landdistrikterne", "Frivillige i ældreplejen", "Kommunikation med borgerne", "Budgetter og økonomi",
        "Digitale borgermøder", "Byen møder vandet", "Ledelsens opbakning", "Unge og fritidsjob", "Klimatilpasning lokalt",
        "Lokalråd som partnere", "Evaluering af projekter", "Foreningslivet på landet", "Bibliotekets nye rolle",
        "Trafiksikkerhed ved skoler", "Affaldssortering i boligområder", "Sundhedshuse", "Naturgenopretning",
        "Kulturhuse og fællesskaber", "Beskæftigelse og virksomheder", "Jura og databeskyttelse",
    ];

    /// <summary>A reproducible mix of candidates: themes (some on the same subject), experiences, cases, challenges.</summary>
    public static List<AgendaCandidate> Mix(int count, int seed, int meeting = 3)
    {
        var random = new Random(seed);
        var types = new[] { ContributionType.Theme, ContributionType.Experience, ContributionType.Case, ContributionType.Challenge };
        var departments = new[] { Teknik, Borger, Skole };
        return Enumerable.Range(0, count)
            .Select(i => Candidate(
                $"m{random.Next(0, 25):D2}",
                types[random.Next(types.Length)],
                Subjects[random.Next(Subjects.Length)] + (random.Next(3) == 0 ? "?" : ""),
                random.Next(0, 5000),
                random.Next(1, meeting + 1),
                departments[random.Next(departments.Length)],
                "Beskrivelse " + i))
            .ToList();
    }
}
