using System.Text.Json;
using Microsoft.DurableTask.Client;
using NetworkFunctions.Cycle;
using NetworkFunctions.Durable;
using NetworkFunctions.Local;
using NetworkFunctions.Networks;
using NetworkFunctions.Local.Durable;
using NetworkFunctions.Tests.Support;

namespace NetworkFunctions.Tests.SystemTests.Versioning;

/// <summary>
/// What a year-long instance meets when a new build is deployed under it (docs/versioning.md): each fixture is the
/// storage a network-year left behind when it was stopped half-way on an earlier build (recorded by
/// <c>record-fixture.mjs</c>: meeting 1 invited and answered by two members, meeting 2 moved while it waited for
/// its invitation). The build under test restarts it, replays the recorded history and must finish the year:
/// every instance completed, the answers given before the restart on the agenda, no email sent a second time.
/// A change to an orchestrator that breaks replay fails here (the instance ends Failed with a non-determinism error).
/// </summary>
public sealed class VersioningTests
{
    static readonly TimeSpan YearTimeout = TimeSpan.FromMinutes(3);

    public static TheoryData<string> Fixtures()
    {
        var fixtures = new TheoryData<string>();
        foreach (string folder in Directory.GetDirectories(FixturesFolder).Order(StringComparer.Ordinal))
        {
            fixtures.Add(Path.GetFileName(folder));
        }

        return fixtures;
    }

    static string FixturesFolder => Path.Combine(RepositoryPaths.Root, "Functions.Tests", "SystemTests", "Versioning", "Fixtures");

    [Fact]
    public void There_is_a_recorded_year_to_replay() => Assert.NotEmpty(Fixtures());

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task A_year_started_on_an_earlier_build_completes_on_this_one(string fixture)
    {
        RecordedYear recorded = RecordedYear.Read(Path.Combine(FixturesFolder, fixture, "fixture.json"));
        string data = Path.Combine(Path.GetTempPath(), $"networkfunctions-versioning-{Guid.NewGuid():N}");
        CopyFolder(Path.Combine(FixturesFolder, fixture), data);
        try
        {
            await using LocalFunctionsHost host = await LocalFunctionsHost.StartAsync([], new LocalHostOptions
            {
                Port = 0,
                Data = data,
                AzuritePort = FreePorts.Pick(3),
                DurableBackend = DurableBackend.AzureStorage,
                TaskHub = recorded.TaskHub,
                Settings = new Dictionary<string, string?> { ["Logging:Console:LogLevel:Default"] = "Warning" },
            });
            using HttpClient api = LocalHostFixture.KeyedClient(host.BaseAddress, host.Options.FunctionKey);

            OrchestrationMetadata network = await CompletionAsync(host.DurableClient, recorded.NetworkId);
            Assert.True(network.RuntimeStatus == OrchestrationRuntimeStatus.Completed, $"The network ended {network.RuntimeStatus}: {network.FailureDetails?.ErrorMessage}");
            foreach (int number in new[] { 1, 2 })
            {
                OrchestrationMetadata? meeting = await host.DurableClient.GetInstanceAsync(InstanceIds.Meeting(recorded.NetworkId, number), getInputsAndOutputs: true);
                Assert.Equal(OrchestrationRuntimeStatus.Completed, meeting?.RuntimeStatus);
                Assert.Contains("closed", meeting!.SerializedOutput, StringComparison.Ordinal);
            }

            string agenda = await api.GetStringAsync($"/api/networks/{recorded.NetworkId}/meetings/1/agenda");
            Assert.All(recorded.Answered, answer => Assert.Contains(answer.Title, agenda, StringComparison.Ordinal));

            IReadOnlyList<ReceivedMail> mail = await new Mailbox(api).AllAsync();
            foreach (string member in recorded.Members)
            {
                IReadOnlyList<string> subjects = mail.Where(m => m.Recipient == member).Select(m => m.Subject).ToList();
                Assert.Single(subjects, s => s.StartsWith("Invitation", StringComparison.Ordinal) && s.Contains("møde 1", StringComparison.Ordinal));
                ReceivedMail moved = Assert.Single(mail, m => m.Recipient == member && m.Subject.StartsWith("Invitation", StringComparison.Ordinal) && m.Subject.Contains($"møde {recorded.MovedMeeting}", StringComparison.Ordinal));
                Assert.Contains("SEQUENCE:1", Assert.Single(moved.Attachments, a => a.Filename.EndsWith(".ics", StringComparison.Ordinal)).Unfolded, StringComparison.Ordinal);
            }

            Assert.All(mail.GroupBy(m => (m.Recipient, m.Subject)), group => Assert.Single(group));
            Assert.Single(mail, m => m.Recipient == recorded.Director && m.Subject.StartsWith("Årsrapport", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    static async Task<OrchestrationMetadata> CompletionAsync(DurableTaskClient client, string instanceId) =>
        await Polling.UntilAsync(
            async () => await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true) is { } instance && instance.RuntimeStatus is not (OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending) ? instance : null,
            YearTimeout,
            $"the recorded network {instanceId} to finish");

    static void CopyFolder(string from, string to)
    {
        foreach (string file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    sealed record RecordedAnswer(string Email, string Title);

    sealed record RecordedYear(string Commit, string TaskHub, string NetworkId, string Director, IReadOnlyList<string> Members, IReadOnlyList<RecordedAnswer> Answered, int MovedMeeting)
    {
        public static RecordedYear Read(string path) =>
            JsonSerializer.Deserialize<RecordedYear>(File.ReadAllText(path), JsonSerializerOptions.Web) ?? throw new InvalidDataException(path);
    }
}
