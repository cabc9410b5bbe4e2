namespace NetworkFunctions.Benchmarks.Fleet;

/// <summary>
/// The figures of the rounds at each K against the round of one network alone (K = 1, the first round, same run):
/// agenda latency (p99, p50 beside it), the answer burst (p99 and errors), the storage calls per network; the largest K
/// carries the scaling over the three sizes.
/// </summary>
public static class RoundFigures
{
    /// <summary>A minute's slack over one network alone: the agenda is due days before its meeting, so a minute is immaterial; more would say the fleet queues.</summary>
    public static readonly TimeSpan AgendaSlack = TimeSpan.FromSeconds(60);

    /// <summary>A member's answer is a form post the member waits for: a second at p99 while everyone answers at once.</summary>
    public const double AnswerP99LimitMs = 1000;

    /// <summary>One more network in a round may cost at most a quarter more storage calls than one network alone.</summary>
    public const double CallsPerNetworkLimit = 1.25;

    public static IEnumerable<Figure> From(IReadOnlyList<RoundResult> rounds, FleetSizes sizes)
    {
        ArgumentNullException.ThrowIfNull(rounds);
        ArgumentNullException.ThrowIfNull(sizes);
        RoundResult alone = rounds[0];
        RoundResult[] scaled = [.. rounds.Skip(1)];
        var figures = new List<Figure>();
        foreach (RoundResult round in scaled)
        {
            figures.Add(new Figure($"agenda-latency-k{round.Networks}", Math.Round(round.AgendaP99Seconds, 2), "s (p99)", Math.Round(alone.AgendaP99Seconds, 2),
                "one network alone (K = 1): its agenda's time from the contribution deadline to the facilitator's mailbox", "lower",
                $"p99 <= baseline + {AgendaSlack.TotalSeconds:0} s", round.AgendaP99Seconds <= alone.AgendaP99Seconds + AgendaSlack.TotalSeconds)
            {
                Extra =
                {
                    ["networks"] = round.Networks,
                    ["p50S"] = Math.Round(round.AgendaP50Seconds, 2),
                    ["maxS"] = Math.Round(round.AgendaLatenciesSeconds.Max(), 2),
                    ["baselineP50S"] = Math.Round(alone.AgendaP50Seconds, 2),

                    // Every network's latency, sorted: whether the agendas arrive in waves (a concurrency limit) or spread.
                    ["latenciesS"] = string.Join(" ", round.AgendaLatenciesSeconds.Order().Select(s => s.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture))),
                },
            });
        }

        foreach (RoundResult round in scaled)
        {
            figures.Add(new Figure($"answer-burst-k{round.Networks}", Math.Round(round.AnswerP99Ms, 1), "ms (p99)", Math.Round(alone.AnswerP99Ms, 1),
                $"one network's 20 members answering over the same {sizes.BurstSpread.TotalSeconds:0} s (K = 1)", "lower",
                $"0 errors, p99 < {AnswerP99LimitMs:0} ms", round.AnswerErrors == 0 && round.AnswerP99Ms < AnswerP99LimitMs)
            {
                Extra =
                {
                    ["networks"] = round.Networks,
                    ["answers"] = round.AnswerLatenciesMs.Length,
                    ["errors"] = round.AnswerErrors,
                    ["p50Ms"] = Math.Round(round.AnswerP50Ms, 1),
                    ["answersPerSecond"] = Math.Round(round.AnswerLatenciesMs.Length / round.BurstSeconds, 1),
                    ["burstSeconds"] = Math.Round(round.BurstSeconds, 1),
                    ["endedBeforeDeadline"] = round.BurstEndedBeforeDeadline,
                    ["baselineErrors"] = alone.AnswerErrors,
                    ["baselineP50Ms"] = Math.Round(alone.AnswerP50Ms, 1),
                },
            });
            if (round.FirstAnswerError is { } error)
            {
                figures[^1].Extra["firstError"] = error;
            }
        }

        foreach (RoundResult round in scaled)
        {
            figures.Add(new Figure($"storage-calls-per-network-round-k{round.Networks}", Math.Round(round.StorageCallsPerNetwork), "calls", Math.Round(alone.StorageCallsPerNetwork),
                "one network alone (K = 1): kickoff, 21 invitations, 20 answers, the agenda; calls above the idle rate", "lower",
                $"<= {CallsPerNetworkLimit}x K = 1 (linear in K)", round.StorageCallsPerNetwork <= CallsPerNetworkLimit * alone.StorageCallsPerNetwork)
            {
                Extra = { ["networks"] = round.Networks, ["byOperation"] = round.Calls.Top(6) },
            });
        }

        Mark(figures, "agenda-latency", scaled.Select(r => (r.Networks, r.AgendaP99Seconds)).ToList(), "s");
        Mark(figures, "answer-burst", scaled.Select(r => (r.Networks, r.AnswerP99Ms)).ToList(), "ms");
        Mark(figures, "storage-calls-per-network-round", scaled.Select(r => (r.Networks, r.StorageCallsPerNetwork * r.Networks)).ToList(), "calls");
        return figures;
    }

    /// <summary>The scaling over the three K, on the figure of the largest K.</summary>
    static void Mark(List<Figure> figures, string family, IReadOnlyList<(int K, double Value)> points, string unit) =>
        figures.Last(f => f.Name.StartsWith(family + "-k", StringComparison.Ordinal)).Extra["scaling"] = Scaling.Of(points).Describe(unit);
}
