using System.Net;
using NetworkFunctions.Local.Azurite;
using NetworkFunctions.Tests.Support;

namespace NetworkFunctions.Tests.SystemTests.Hosting;

/// <summary>The run command as a developer uses it: its own Azurite, its URLs printed, SIGTERM stops everything.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class LocalHostProcessTests
{
    [Fact]
    public async Task Starts_its_own_Azurite_prints_its_urls_and_stops_everything_on_SIGTERM()
    {
        int azuritePort = Local.FreePorts.Pick(3);
        string data = Path.Combine(Path.GetTempPath(), $"networkfunctions-run-{Guid.NewGuid():N}");
        int port = LocalHostProcess.FreePort();

        await using LocalHostProcess host = await LocalHostProcess.StartAsync(port, "--data", data, "--azurite-port", azuritePort.ToString());

        Assert.Contains($"http://127.0.0.1:{port}/api/health", host.Output);
        Assert.Contains($"http://127.0.0.1:{port}/dev/mailbox", host.Output);
        Assert.Contains("Azurite started", host.Output);
        Assert.True(Directory.Exists(data));
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/health")).StatusCode);

        TimeSpan stopped = await host.TerminateAsync(TimeSpan.FromSeconds(15));

        Assert.True(stopped < TimeSpan.FromSeconds(10), $"took {stopped.TotalSeconds:0.0} s to stop");
        Assert.False(await AzuriteServer.IsListeningAsync(azuritePort, CancellationToken.None), $"Azurite is still running:{Environment.NewLine}{host.Output}");
        Assert.Contains("Azurite stopped", host.Output);
        Assert.False(await AzuriteServer.IsListeningAsync(port, CancellationToken.None), "the host is still listening");
    }

    [Fact]
    public async Task An_unknown_option_is_refused_with_a_hint()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => LocalHostProcess.StartAsync(LocalHostProcess.FreePort(), "--colour", "blue"));

        Assert.Contains("Unknown option --colour", error.Message);
    }
}
