using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using NetworkFunctions.Benchmarks;

// dotnet run -c Release --project Functions.Benchmarks -- [--fleet] [--quick] [--json PATH]
// Every figure comes with a baseline measured in the same run on the same machine, and their ratio.
// --azurite-port N: use (or start) the Azurite at N, N+1, N+2 instead of a private one on free ports.
bool quick = args.Contains("--quick");
bool fleet = args.Contains("--fleet");
string? jsonPath = ValueOf("--json");
string? azuriteArg = ValueOf("--azurite-port");
int? azuritePort = int.TryParse(azuriteArg, CultureInfo.InvariantCulture, out int p) && p is > 0 and < 65533 ? p : null;
if ((args.Contains("--json") && jsonPath is null) || (azuriteArg is not null && azuritePort is null)
    || args.Except(["--quick", "--fleet", "--json", "--azurite-port", jsonPath ?? "", azuriteArg ?? ""]).Any())
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project Functions.Benchmarks -- [--fleet] [--quick] [--json PATH] [--azurite-port N]");
    return 2;
}

Sizes sizes = Sizes.For(quick);
using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(quick ? 15 : 45));
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};
CancellationToken token = cancellation.Token;
var total = Stopwatch.StartNew();
var figures = new List<Figure>();
Console.WriteLine($"NetworkFunctions {(fleet ? "fleet " : "")}benchmark ({(quick ? "quick" : "full")}), {Environment.ProcessorCount} cores, .NET {Environment.Version}, {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC");

void Report(IEnumerable<Figure> measured)
{
    foreach (Figure figure in measured)
    {
        figures.Add(figure);
        Console.WriteLine($"  {figure.Name}: {Format(figure.Value)} {figure.Unit} (baseline {Format(figure.Baseline)}, ratio {Format(figure.Ratio)})");
        if (figure.Extra.TryGetValue("byType", out object? byType) && byType is IReadOnlyDictionary<string, int> types)
        {
            Console.WriteLine($"    by type: {string.Join(", ", types.Select(t => $"{t.Key} {t.Value}"))}");
        }
    }
}

async Task Measure(string name, string unit, Func<Task<IEnumerable<Figure>>> run)
{
    Console.WriteLine($"[{total.Elapsed:mm\\:ss}] {name} …");
    try
    {
        Report(await run());
    }
    catch (Exception e) when (e is not OperationCanceledException || !token.IsCancellationRequested)
    {
        Console.Error.WriteLine($"  {name} failed: {e}");
        figures.Add(Figure.Failed(name, unit, e));
    }
}

LocalSystem? system = null;
if (fleet)
{
    // Its own Azurite behind the counting proxy: nothing else's storage calls are counted.
    await Measure("fleet", "", async () => await NetworkFunctions.Benchmarks.Fleet.FleetBenchmark.RunAsync(
        NetworkFunctions.Benchmarks.Fleet.FleetSizes.For(quick), Console.WriteLine, token));
    return await FinishAsync();
}

// CPU only, before the host runs, so its background polling does not disturb it.
await Measure("agenda-assembly", "µs", () => Task.FromResult(AgendaAssemblyBenchmark.Run(sizes).ToList().AsEnumerable()));

Console.WriteLine($"[{total.Elapsed:mm\\:ss}] starting the local host (AzureStorage engine on Azurite) …");
try
{
    system = await LocalSystem.StartAsync(azuritePort, token);
    Console.WriteLine($"  {system.Host.BaseAddress} task hub {system.TaskHub}{(system.PrivateAzurite ? ", private Azurite" : "")}");
    LocalSystem s = system;
    await Measure("invitations", "emails/s", async () => await InvitationsBenchmark.RunAsync(s, sizes, token));
    await Measure("form-submissions", "submissions/s", async () => [await FormSubmissionsBenchmark.RunAsync(s, sizes, token)]);
    await Measure("history-events", "events", async () => await HistoryBenchmark.RunAsync(s, token));
}
catch (Exception e) when (system is null && e is not OperationCanceledException)
{
    Console.Error.WriteLine($"The local host did not start: {e}");
    figures.Add(Figure.Failed("host", "", e));
}

return await FinishAsync();

// The figures are out before the host stops: stopping it takes Azurite with it, and the engine's storage polling
// complains about that for a while afterwards.
async Task<int> FinishAsync()
{
    Console.WriteLine();
    Console.WriteLine($"Figures ({(quick ? "quick" : "full")} run, {total.Elapsed.TotalSeconds:0} s):");
    Console.WriteLine(Table(figures));
    if (jsonPath is not null)
    {
        string? directory = Path.GetDirectoryName(Path.GetFullPath(jsonPath));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        await File.WriteAllTextAsync(jsonPath, JsonSerializer.Serialize(new
        {
            quick,
            fleet,
            machine = new { cores = Environment.ProcessorCount, os = Environment.OSVersion.ToString(), runtime = Environment.Version.ToString() },
            at = DateTimeOffset.UtcNow,
            figures,
        }, Json.Options), CancellationToken.None);
        Console.WriteLine($"JSON: {Path.GetFullPath(jsonPath)}");
    }

    if (system is not null)
    {
        await system.DisposeAsync();
    }

    return figures.Any(f => double.IsNaN(f.Value)) ? 1 : 0;
}

string? ValueOf(string name)
{
    int at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length && !args[at + 1].StartsWith("--", StringComparison.Ordinal) ? args[at + 1] : null;
}

static string Format(double value) => double.IsNaN(value) ? "n/a" : value.ToString(value >= 100 ? "0" : "0.###", CultureInfo.InvariantCulture);

static string Table(IReadOnlyList<Figure> figures)
{
    string[] header = ["figure", "value", "unit", "baseline", "ratio", "target", "details"];
    List<string[]> rows = [header];
    foreach (Figure f in figures)
    {
        string details = string.Join(", ", f.Extra
            .Where(e => e.Key is not ("byType" or "note" or "latenciesS"))
            .Select(e => $"{e.Key}={(e.Value is double d ? Format(d) : e.Value)}"));
        string target = f.Target is null ? "" : $"{f.Target}{(f.MeetsTarget is { } met ? met ? " (met)" : " (NOT met)" : "")}";
        rows.Add([f.Name, Format(f.Value), f.Unit, Format(f.Baseline), Format(f.Ratio), target, details]);
    }

    int[] widths = [.. Enumerable.Range(0, header.Length - 1).Select(i => rows.Max(r => r[i].Length))];
    return string.Join(Environment.NewLine, rows.Select(r =>
        string.Join("  ", r.Take(header.Length - 1).Select((cell, i) => i is 1 or 3 or 4 ? cell.PadLeft(widths[i]) : cell.PadRight(widths[i]))) + "  " + r[^1]));
}

/// <summary>camelCase JSON for <c>--json</c>.</summary>
static class Json
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };
}
