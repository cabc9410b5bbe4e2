using System.Text.Json.Serialization;

namespace NetworkFunctions.Benchmarks;

/// <summary>
/// One measured figure, with the baseline measured in the same run on the same machine and their ratio
/// (<see cref="Value"/> / <see cref="Baseline"/>). <see cref="Better"/> says which way is good: <c>higher</c> for
/// rates, <c>lower</c> for times, counts and memory.
/// </summary>
public sealed record Figure(
    string Name,
    double Value,
    string Unit,
    double Baseline,
    string BaselineDescription,
    string Better,
    string? Target = null,
    bool? MeetsTarget = null)
{
    public double Ratio => Baseline == 0 ? double.NaN : Math.Round(Value / Baseline, 3);

    /// <summary>Further fields (<c>p50Ms</c>, <c>errors</c>, …) written next to the standard ones.</summary>
    [JsonExtensionData]
    public Dictionary<string, object> Extra { get; init; } = [];

    /// <summary>A figure that could not be measured: the reason is kept, the numbers are NaN.</summary>
    public static Figure Failed(string name, string unit, Exception error) =>
        new(name, double.NaN, unit, double.NaN, "not measured", "n/a")
        {
            Extra = { ["error"] = $"{error.GetType().Name}: {error.Message}" },
        };
}

/// <summary>The sizes of a run: <c>--quick</c> fits in a few minutes on two cores.</summary>
public sealed record Sizes(
    bool Quick,
    int FormClients,
    TimeSpan FormDuration,
    int FormMembers,
    int InvitationNetworks,
    int[] AgendaSizes,
    TimeSpan AgendaMeasure)
{
    public const int MembersPerNetwork = 20;

    public static Sizes For(bool quick) => quick
        ? new(true, FormClients: 8, FormDuration: TimeSpan.FromSeconds(10), FormMembers: 20, InvitationNetworks: 5, AgendaSizes: [20, 200, 2000], AgendaMeasure: TimeSpan.FromSeconds(1))
        : new(false, FormClients: 32, FormDuration: TimeSpan.FromSeconds(30), FormMembers: 100, InvitationNetworks: 20, AgendaSizes: [20, 200, 2000], AgendaMeasure: TimeSpan.FromSeconds(3));
}
