using System.Net;
using NetworkFunctions.Local.Durable;
using NetworkFunctions.Tests.Support;

namespace NetworkFunctions.Tests.SystemTests.Hosting;

/// <summary>The AzureStorage engine on Azurite: sub-orchestrations work, and state survives a kill -9 of the host.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DurabilityTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_sub_orchestration_and_an_external_event_complete_on_the_AzureStorage_engine()
    {
        var fixture = new AzureStorageHostFixture();
        await fixture.InitializeAsync();
        try
        {
            await LocalHostHttpTests.AssertOrchestrationRoundTripAsync(fixture.Host.BaseAddress, fixture.FunctionKey, $"azs-{Guid.NewGuid():N}");
        }
        finally
        {
            await fixture.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_waiting_orchestration_survives_kill_9_of_the_host_and_completes_after_restart()
    {
        Assert.NotNull(azurite.ConnectionString);
        string taskHub = TestNames.TaskHub("durable");
        string instanceId = $"kill-{Guid.NewGuid():N}";
        int port = LocalHostProcess.FreePort();
        string[] arguments =
        [
            "--data", Path.Combine(Path.GetTempPath(), "networkfunctions-tests-azurite"),
            "--task-hub", taskHub,
            "--functions-assembly", typeof(ProbeFunctions).Assembly.Location,
        ];

        await using (LocalHostProcess first = await LocalHostProcess.StartAsync(port, arguments))
        {
            using HttpClient http = LocalHostFixture.KeyedClient(first.BaseAddress, Local.LocalHostOptions.DefaultFunctionKey);
            Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsync($"/api/probe/orchestrations/{instanceId}?word=durable", null)).StatusCode);
            await LocalHostHttpTests.WaitForStatusAsync(http, instanceId, s => s.GetProperty("customStatus").GetString() == "\"waiting\"", "the sub-orchestration to finish");

            await first.KillAsync();
            Assert.True(first.HasExited);
        }

        await using LocalHostProcess second = await LocalHostProcess.StartAsync(port, arguments);
        using HttpClient again = LocalHostFixture.KeyedClient(second.BaseAddress, Local.LocalHostOptions.DefaultFunctionKey);
        Assert.Equal(HttpStatusCode.Accepted, (await again.PostAsync($"/api/probe/orchestrations/{instanceId}/proceed?word=go", null)).StatusCode);
        var done = await LocalHostHttpTests.WaitForStatusAsync(again, instanceId, s => s.GetProperty("status").GetString() == "Completed", "completion after the restart");
        Assert.Equal("\"DURABLE|go\"", done.GetProperty("output").GetString());
    }
}
