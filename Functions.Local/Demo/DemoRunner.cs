using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NetworkFunctions.Local.Azurite;

namespace NetworkFunctions.Local.Demo;

/// <summary>
/// <c>--demo</c>: once the host is up, kicks off the sample network (<c>samples/slagelse-2027.json</c>) as a year
/// compressed into about ten minutes and plays its members. Stops with the host (Ctrl+C).
/// </summary>
public static class DemoRunner
{
    public const string SamplePath = "samples/slagelse-2027.json";

    /// <summary>Starts the demo in the background; the task ends when the year is over or the host stops.</summary>
    public static Task StartAsync(LocalFunctionsHost host)
    {
        CancellationToken stopping = host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        return Task.Run(() => RunAsync(host, stopping), CancellationToken.None);
    }

    static async Task RunAsync(LocalFunctionsHost host, CancellationToken stopping)
    {
        string? root = NodePackages.FindRoot();
        string? sample = root is null ? null : Path.Combine(root, SamplePath);
        if (sample is null || !File.Exists(sample))
        {
            Console.Error.WriteLine($"Demo: cannot find {SamplePath}; run from the repository.");
            return;
        }

        DateTimeOffset now = TimeProvider.System.GetUtcNow();
        DemoYearPlan plan = DemoYear.Build((JsonObject)JsonNode.Parse(await File.ReadAllTextAsync(sample, stopping))!, now, DemoYear.NewTag(now));
        using var http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        try
        {
            await new DemoMembers(http, host.Options.FunctionKey, plan, Console.Out, TimeProvider.System).RunAsync(stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            Console.WriteLine("Demo stopped.");
        }
        catch (Exception e) when (stopping.IsCancellationRequested && e is HttpRequestException)
        {
            Console.WriteLine("Demo stopped.");
        }
    }
}
