namespace NetworkFunctions.Benchmarks.Fleet;

/// <summary>
/// The sizes of a fleet run: K networks at three sizes; how long idle storage calls are counted; how many compressed
/// years; over how long K × 20 members answer in a burst; the timer-wake host's compressed timer interval, its networks
/// and its counting window.
/// </summary>
public sealed record FleetSizes(
    bool Quick,
    int[] Networks,
    TimeSpan IdleWindow,
    int CompressedYears,
    TimeSpan BurstSpread,
    TimeSpan CompressedTimerInterval,
    int WakeNetworks,
    TimeSpan WakeWindow)
{
    public static FleetSizes For(bool quick) => quick
        ? new(true, [5, 10, 20], TimeSpan.FromSeconds(20), 3, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5), 3, TimeSpan.FromSeconds(30))
        : new(false, [20, 50, 100], TimeSpan.FromSeconds(120), 10, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(5), 10, TimeSpan.FromSeconds(60));
}
