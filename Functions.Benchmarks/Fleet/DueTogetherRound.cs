using System.Diagnostics;
using System.Net;
using NetworkFunctions.Networks;

namespace NetworkFunctions.Benchmarks.Fleet;

/// <summary>
/// What one round of K networks measured: every member's answer in a burst, the latency of each network's agenda from
/// its contribution deadline to the facilitator's mailbox, and the storage calls of the round.
/// </summary>
public sealed record RoundResult(
    int Networks,
    double[] AnswerLatenciesMs,
    int AnswerErrors,
    string? FirstAnswerError,
    double BurstSeconds,
    bool BurstEndedBeforeDeadline,
    double[] AgendaLatenciesSeconds,
    double StorageCallsPerNetwork,
    StorageCount Calls)
{
    public double AnswerP50Ms => Percentiles.Of(AnswerLatenciesMs, 50);

    public double AnswerP99Ms => Percentiles.Of(AnswerLatenciesMs, 99);

    public double AgendaP50Seconds => Percentiles.Of(AgendaLatenciesSeconds, 50);

    public double AgendaP99Seconds => Percentiles.Of(AgendaLatenciesSeconds, 99);
}

/// <summary>Nearest-rank percentiles.</summary>
public static class Percentiles
{
    public static double Of(IReadOnlyCollection<double> values, double p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        double[] sorted = [.. values.Order()];
        return sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}

/// <summary>
/// One round at K: K networks of 20 members kicked off at once with the same contribution deadline; when the
/// invitations are out, all K × 20 members answer their invitation form within <see cref="FleetSizes.BurstSpread"/>
/// (start times spread evenly, each answer a real POST of the form); then the K agendas fall due in the same instant,
/// and each network's latency is the time from its deadline to the facilitator's agenda in the mail sink.
/// </summary>
public static class DueTogetherRound
{
    public static async Task<RoundResult> RunAsync(LocalSystem system, StorageCountingProxy proxy, DirectMailbox mailbox, double idleCallsPerMinute,
        int k, FleetSizes sizes, CancellationToken cancellationToken)
    {
        string round = $"{system.RunId.ToLowerInvariant()}r{k}";
        (string Id, string Tag)[] networks = [.. Enumerable.Range(1, k).Select(i => ($"{round}-n{i}", $"{round}n{i}"))];
        var ours = networks.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);

        // Time for the kickoffs and K × 21 invitations, then the burst, then a margin before the deadline.
        TimeSpan invitations = TimeSpan.FromSeconds(10 + (0.5 * k));
        StorageCount before = proxy.Snapshot();
        var clock = Stopwatch.StartNew();
        DateTimeOffset deadline = DateTimeOffset.UtcNow + invitations + sizes.BurstSpread + TimeSpan.FromSeconds(5);
        await Task.WhenAll(networks.Select(n => system.KickoffAsync(Kickoffs.DueTogether(n.Id, n.Tag, deadline), cancellationToken)));

        string[] links = await InvitationLinksAsync(mailbox, ours, k * Sizes.MembersPerNetwork, deadline, cancellationToken);
        (double[] latencies, int errors, string? firstError, TimeSpan burst) = await BurstAsync(system.Host.BaseAddress, links, sizes.BurstSpread, cancellationToken);
        bool beforeDeadline = DateTimeOffset.UtcNow < deadline;

        double[] agendas = await AgendaLatenciesAsync(mailbox, networks.Select(n => (n.Id, n.Tag)).ToArray(), deadline, cancellationToken);
        StorageCount calls = proxy.Snapshot().Minus(before);
        double idle = idleCallsPerMinute * clock.Elapsed.TotalMinutes;
        return new RoundResult(k, latencies, errors, firstError, burst.TotalSeconds, beforeDeadline, agendas,
            Math.Max(0, calls.Total - idle) / k, calls);
    }

    /// <summary>The form links of every invitation of these networks, once all <paramref name="expected"/> are in the mailbox.</summary>
    static async Task<string[]> InvitationLinksAsync(DirectMailbox mailbox, HashSet<string> networks, int expected, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        while (true)
        {
            string[] links = [.. (await mailbox.ReadAsync(cancellationToken))
                .Where(m => m.Kind == MailKinds.Invitation && m.Network is { } n && networks.Contains(n))
                .SelectMany(DirectMailbox.FormTokens)
                .Distinct(StringComparer.Ordinal)];
            if (links.Length >= expected)
            {
                return links;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"Only {links.Length} of {expected} invitations were in the mailbox by the contribution deadline.");
            }

            await Task.Delay(250, cancellationToken);
        }
    }

    /// <summary>Every link answered once, start times spread evenly over <paramref name="spread"/> in a shuffled order.</summary>
    static async Task<(double[] LatenciesMs, int Errors, string? FirstError, TimeSpan Took)> BurstAsync(Uri host, string[] tokens, TimeSpan spread, CancellationToken cancellationToken)
    {
        string[] order = [.. tokens];
        new Random(17).Shuffle(order);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = host,
            Timeout = TimeSpan.FromSeconds(60),
        };
        var latencies = new double[order.Length];
        int errors = 0;
        string? firstError = null;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(order.Select(async (token, i) =>
        {
            TimeSpan startAt = spread * i / order.Length;
            if (startAt > clock.Elapsed)
            {
                await Task.Delay(startAt - clock.Elapsed, cancellationToken);
            }

            long started = Stopwatch.GetTimestamp();
            try
            {
                using var form = new FormUrlEncodedContent(
                [
                    new("attendance", "yes"),
                    new("type", "theme"),
                    new("title", $"Borgerinddragelse i landdistrikterne {i}"),
                    new("description", "Hvordan får vi de unge med, når vi samskaber med lokalsamfundet? Erfaringer fra tre landsbyer."),
                ]);
                using HttpResponseMessage response = await http.PostAsync($"/api/forms/{token}", form, cancellationToken);
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref errors);
                    Interlocked.CompareExchange(ref firstError, $"HTTP {(int)response.StatusCode}", null);
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                Interlocked.Increment(ref errors);
                Interlocked.CompareExchange(ref firstError, $"{e.GetType().Name}: {e.Message}", null);
            }
        }));
        return (latencies, errors, firstError, clock.Elapsed);
    }

    /// <summary>Seconds from the deadline to each network's agenda to the facilitator, as the mail sink received it.</summary>
    static async Task<double[]> AgendaLatenciesAsync(DirectMailbox mailbox, (string Id, string Tag)[] networks, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        TimeSpan wait = deadline - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, cancellationToken);
        }

        var give = Stopwatch.StartNew();
        while (true)
        {
            var agendas = (await mailbox.ReadAsync(cancellationToken))
                .Where(m => m.Kind == MailKinds.Agenda && m.Network is not null)
                .GroupBy(m => m.Network!, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Where(m => m.To.StartsWith("facilitator.", StringComparison.Ordinal)).Select(m => m.ReceivedAt).DefaultIfEmpty().Min(), StringComparer.Ordinal);
            DateTimeOffset[] arrived = [.. networks.Select(n => agendas.GetValueOrDefault(n.Id)).Where(at => at != default)];
            if (arrived.Length == networks.Length)
            {
                return [.. arrived.Select(at => Math.Round((at - deadline).TotalSeconds, 3))];
            }

            if (give.Elapsed > TimeSpan.FromMinutes(5))
            {
                throw new TimeoutException($"{arrived.Length} of {networks.Length} agendas arrived within 5 minutes of the deadline.");
            }

            await Task.Delay(250, cancellationToken);
        }
    }
}
