using System.Diagnostics;
using NetworkFunctions.Agenda;
using NetworkFunctions.Networks;

namespace NetworkFunctions.Benchmarks;

/// <summary>
/// <c>agenda-assembly-N</c>: <see cref="AgendaAssembler.Assemble"/> on N contributions (a reproducible mix of themes,
/// some on the same subject, experiences, cases and challenges) in a 3.5-hour meeting with 20 members. Baseline: the
/// linear floor of the same input, normalising every title once (<see cref="ThemeGrouping.Keywords"/>), which any
/// grouping of themes has to do. A Stopwatch loop: warm-up, then alternating batches of about 20 ms of each, the median batch per call.
/// </summary>
public static class AgendaAssemblyBenchmark
{
    static readonly string[] Subjects =
    [
        "Samskabelse i landdistrikterne", "Frivillige i ældreplejen", "Kommunikation med borgerne", "Budgetter og økonomi",
        "Digitale borgermøder", "Byen møder vandet", "Ledelsens opbakning", "Unge og fritidsjob", "Klimatilpasning lokalt",
        "Lokalråd som partnere", "Evaluering af projekter", "Foreningslivet på landet", "Bibliotekets nye rolle",
        "Trafiksikkerhed ved skoler", "Affaldssortering i boligområder", "Sundhedshuse", "Naturgenopretning",
        "Kulturhuse og fællesskaber", "Beskæftigelse og virksomheder", "Jura og databeskyttelse",
    ];

    static readonly string[] Departments = ["Center for Teknik & Miljø", "Center for Borgerservice", "Center for Skole", "Center for Sundhed & Ældre"];

    public static IEnumerable<Figure> Run(Sizes sizes)
    {
        foreach (int size in sizes.AgendaSizes)
        {
            AgendaInput input = Input(size, seed: 6);
            int groups = AgendaAssembler.Assemble(input).Items.Count;
            (double assemble, double floor) = Interleaved(() => AgendaAssembler.Assemble(input), () =>
            {
                int words = 0;
                foreach (AgendaCandidate c in input.Candidates)
                {
                    words += ThemeGrouping.Keywords(c.Contribution.Title).Count;
                }

                return words;
            }, sizes.AgendaMeasure);
            yield return new Figure($"agenda-assembly-{size}", Math.Round(assemble, 1), "µs", Math.Round(floor, 1),
                "normalising every contribution title once (ThemeGrouping.Keywords), same input", "lower")
            {
                Extra = { ["contributions"] = size, ["agendaItems"] = groups },
            };
        }
    }

    public static AgendaInput Input(int count, int seed)
    {
        var random = new Random(seed);
        var types = new[] { ContributionType.Theme, ContributionType.Experience, ContributionType.Case, ContributionType.Challenge };
        var submitted = new DateTimeOffset(2027, 1, 20, 8, 0, 0, TimeSpan.Zero);
        var candidates = Enumerable.Range(0, count)
            .Select(i => new AgendaCandidate(
                $"m{random.Next(0, 25):D2}",
                $"Medlem {i}",
                Departments[random.Next(Departments.Length)],
                new Contribution(types[random.Next(types.Length)], Subjects[random.Next(Subjects.Length)] + (random.Next(3) == 0 ? "?" : ""), "Beskrivelse " + i),
                submitted.AddMinutes(random.Next(0, 5000)),
                random.Next(1, 4)))
            .ToList();
        var attendance = Enumerable.Range(0, 20)
            .Select(i => new AttendanceEntry(Departments[i % Departments.Length], (Attendance?)(i % 4 == 3 ? null : (Attendance)(i % 3))))
            .ToList();
        var start = new DateTimeOffset(2027, 6, 2, 9, 0, 0, TimeSpan.FromHours(2));
        return new AgendaInput(3, start, start.AddHours(3.5), false, candidates, attendance);
    }

    /// <summary>
    /// Median microseconds per call of each action, measured in alternating batches of about 20 ms (A, B, A, B, …) after
    /// a warm-up, so that both see the same noise of a shared machine.
    /// </summary>
    static (double A, double B) Interleaved<TA, TB>(Func<TA> a, Func<TB> b, TimeSpan measure)
    {
        int batchA = BatchSize(a, measure / 10), batchB = BatchSize(b, measure / 10);
        var samplesA = new List<double>();
        var samplesB = new List<double>();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < measure * 2 || samplesA.Count < 7)
        {
            samplesA.Add(Batch(a, batchA));
            samplesB.Add(Batch(b, batchB));
        }

        return (Median(samplesA), Median(samplesB));
    }

    /// <summary>Warms the action up for about <paramref name="warmUp"/>, then picks how many calls make a batch of about 20 ms.</summary>
    static int BatchSize<T>(Func<T> action, TimeSpan warmUp)
    {
        T sink = default!;
        var clock = Stopwatch.StartNew();
        int calls = 0;
        while (clock.Elapsed < warmUp || calls < 5)
        {
            sink = action();
            calls++;
        }

        GC.KeepAlive(sink);
        return Math.Max(1, (int)(20 / Math.Max(clock.Elapsed.TotalMilliseconds / calls, 1e-6)));
    }

    static double Batch<T>(Func<T> action, int calls)
    {
        T sink = default!;
        long started = Stopwatch.GetTimestamp();
        for (int i = 0; i < calls; i++)
        {
            sink = action();
        }

        GC.KeepAlive(sink);
        return Stopwatch.GetElapsedTime(started).TotalMicroseconds / calls;
    }

    static double Median(List<double> samples)
    {
        samples.Sort();
        return samples[samples.Count / 2];
    }
}
