using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.DurableTask.Client;
using NetworkFunctions.Cycle;
using NetworkFunctions.Durable;
using NetworkFunctions.Local;
using NetworkFunctions.Networks;
using NetworkFunctions.Storage;
using NetworkFunctions.Local.Durable;

namespace NetworkFunctions.Benchmarks;

/// <summary>
/// The local host started in this process (AzureStorage engine on Azurite, the mail sink), with a task hub and
/// containers of its own so a run neither sees nor disturbs anything else on a shared Azurite; removed again at the end.
/// </summary>
public sealed partial class LocalSystem : IAsyncDisposable
{
    public const string FunctionKey = LocalHostOptions.DefaultFunctionKey;

    readonly string data;

    LocalSystem(LocalFunctionsHost host, string data, string runId)
    {
        Host = host;
        this.data = data;
        RunId = runId;
        Blobs = new BlobServiceClient(host.StorageConnectionString);
        Documents = Blobs.GetBlobContainerClient(DocumentsContainer(runId));
        Mailbox = Blobs.GetBlobContainerClient(MailboxContainer(runId));
        Admin = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        Admin.DefaultRequestHeaders.Add("x-functions-key", FunctionKey);
    }

    public LocalFunctionsHost Host { get; }

    /// <summary>Letters and digits: the task hub's name, and the tag in container names and network ids.</summary>
    public string RunId { get; }

    public string TaskHub => RunId;

    public BlobServiceClient Blobs { get; }

    public BlobContainerClient Documents { get; }

    public BlobContainerClient Mailbox { get; }

    public HttpClient Admin { get; }

    public DurableTaskClient Durable => Host.DurableClient;

    static string DocumentsContainer(string runId) => $"{runId.ToLowerInvariant()}-documents";

    static string MailboxContainer(string runId) => $"{runId.ToLowerInvariant()}-mailbox";

    /// <summary>
    /// Starts the host with an Azurite of its own on free ports (<paramref name="azuritePort"/> null), so tests running
    /// on the shared Azurite neither disturb the figures nor stop the storage under the run; or with the Azurite at
    /// <paramref name="azuritePort"/> (reused if one listens there).
    /// </summary>
    /// <param name="ownsAzurite">The Azurite at <paramref name="azuritePort"/> is this run's alone (it goes with its data folder): nothing to clean up on it.</param>
    /// <param name="configureServices">Registrations after the app's own (the fleet's timer-wake host sets the worker's maximum timer interval).</param>
    public static async Task<LocalSystem> StartAsync(int? azuritePort, CancellationToken cancellationToken, bool ownsAzurite = false,
        Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? configureServices = null)
    {
        string runId = $"bench{DateTime.UtcNow:MMddHHmmss}{Random.Shared.Next(100, 999)}";
        string data = Path.Combine(Path.GetTempPath(), $"networkfunctions-{runId}");
        Directory.CreateDirectory(data);
        LocalFunctionsHost host = await LocalFunctionsHost.StartAsync([], new LocalHostOptions
        {
            Port = 0,
            Data = data,
            AzuritePort = azuritePort ?? FreePorts.Pick(3),
            DurableBackend = DurableBackend.AzureStorage,
            TaskHub = runId,
            ExtraAssemblies = [typeof(FloorFunctions).Assembly],
            ConfigureServices = configureServices,
            Settings = new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Default"] = "Warning",
                ["Local:MailboxContainer"] = MailboxContainer(runId),
                ["Network:DocumentsContainer"] = DocumentsContainer(runId),
            },
        }, cancellationToken);
        return new LocalSystem(host, data, runId) { PrivateAzurite = azuritePort is null || ownsAzurite };
    }

    /// <summary>POST /api/networks; 202 expected.</summary>
    public async Task KickoffAsync(JsonObject document, CancellationToken cancellationToken)
    {
        using HttpResponseMessage response = await Admin.PostAsJsonAsync("/api/networks", document, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            throw new InvalidOperationException($"Kickoff answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }

    /// <summary>How many sent records of a kind a network's meeting has: each is written after the mail sink took the mail.</summary>
    public Task<int> SentCountAsync(string networkId, int meeting, string kind, CancellationToken cancellationToken) =>
        new NetworkStore(Blobs, Microsoft.Extensions.Options.Options.Create(new NetworkOptions { DocumentsContainer = DocumentsContainer(RunId) }))
            .CountSentAsync(networkId, meeting, kind, cancellationToken);

    /// <summary>Polls until every network has <paramref name="expected"/> invitations sent; the time of the last one to get there.</summary>
    public async Task WaitForInvitationsAsync(IReadOnlyList<string> networkIds, int expected, TimeSpan timeout, TimeSpan poll, CancellationToken cancellationToken)
    {
        var pending = new HashSet<string>(networkIds);
        var clock = Stopwatch.StartNew();
        while (pending.Count > 0)
        {
            foreach (string id in pending.ToArray())
            {
                if (await SentCountAsync(id, 1, MailKinds.Invitation, cancellationToken) >= expected)
                {
                    pending.Remove(id);
                }
            }

            if (pending.Count == 0)
            {
                return;
            }

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"Invitations of {pending.Count} network(s) not all sent after {timeout.TotalSeconds:0} s.");
            }

            await Task.Delay(poll, cancellationToken);
        }
    }

    /// <summary>The personal invitation form links of a network, read from the mailbox as a member would.</summary>
    public async Task<IReadOnlyList<Uri>> FormLinksAsync(string tag, CancellationToken cancellationToken)
    {
        using JsonDocument mails = JsonDocument.Parse(await Admin.GetStringAsync("/dev/mailbox/messages", cancellationToken));
        var links = new List<Uri>();
        foreach (JsonElement mail in mails.RootElement.EnumerateArray())
        {
            string text = mail.GetProperty("text").GetString() ?? "";
            bool ours = mail.GetProperty("to").EnumerateArray().Any(t => t.GetString()?.Contains($".{tag}@", StringComparison.Ordinal) == true);
            if (ours && FormLink().Match(text) is { Success: true } match)
            {
                links.Add(new Uri(Host.BaseAddress, $"/api/forms/{match.Groups[1].Value}"));
            }
        }

        return links.Distinct().ToList();
    }

    /// <summary>Polls the instance (WaitForInstanceCompletionAsync polls only every 2 s over this sidecar).</summary>
    public async Task<OrchestrationMetadata> WaitForCompletionAsync(string instanceId, TimeSpan timeout, TimeSpan poll, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            OrchestrationMetadata? instance = await Durable.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken);
            if (instance is { IsCompleted: true })
            {
                return instance.RuntimeStatus == OrchestrationRuntimeStatus.Completed
                    ? instance
                    : throw new InvalidOperationException($"{instanceId} ended {instance.RuntimeStatus}.");
            }

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"{instanceId} not completed after {timeout.TotalSeconds:0} s ({instance?.RuntimeStatus}).");
            }

            await Task.Delay(poll, cancellationToken);
        }
    }

    /// <summary>The history rows of one instance in the AzureStorage task hub's History table, by event type.</summary>
    public async Task<IReadOnlyDictionary<string, int>> HistoryAsync(string instanceId, CancellationToken cancellationToken)
    {
        var table = new TableClient(Host.StorageConnectionString, $"{TaskHub}History");
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {instanceId}");
        await foreach (TableEntity row in table.QueryAsync<TableEntity>(filter, select: ["EventType"], cancellationToken: cancellationToken))
        {
            if (row.RowKey == "sentinel")
            {
                continue;
            }

            string type = row.GetString("EventType") ?? "(none)";
            counts[type] = counts.GetValueOrDefault(type) + 1;
        }

        return counts;
    }

    /// <summary>Whether this run started its own Azurite (then everything goes with its data folder).</summary>
    public bool PrivateAzurite { get; init; }

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        if (!PrivateAzurite)
        {
            await CleanUpAsync(taskHub: false);
        }

        await Host.DisposeAsync();
        if (!PrivateAzurite)
        {
            await CleanUpAsync(taskHub: true);
        }

        try
        {
            Directory.Delete(data, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>
    /// Removes what this run created on a shared Azurite, found by the run id in their names: first the run's documents,
    /// mailbox and baseline containers (host still running), then the task hub's tables, queues and containers. Best effort.
    /// </summary>
    async Task CleanUpAsync(bool taskHub)
    {
        string prefix = RunId.ToLowerInvariant();
        try
        {
            await foreach (var container in Blobs.GetBlobContainersAsync(prefix: prefix))
            {
                bool ours = container.Name.EndsWith("-documents", StringComparison.Ordinal)
                            || container.Name.EndsWith("-mailbox", StringComparison.Ordinal)
                            || container.Name.EndsWith("-baseline", StringComparison.Ordinal);
                if (ours != taskHub)
                {
                    await Blobs.DeleteBlobContainerAsync(container.Name);
                }
            }

            if (!taskHub)
            {
                return;
            }

            var queues = new QueueServiceClient(Host.StorageConnectionString);
            await foreach (var queue in queues.GetQueuesAsync(prefix: prefix))
            {
                await queues.DeleteQueueAsync(queue.Name);
            }

            var tables = new TableServiceClient(Host.StorageConnectionString);
            await foreach (var table in tables.QueryAsync(t => t.Name.CompareTo(RunId) >= 0 && t.Name.CompareTo(RunId + "~") < 0))
            {
                await tables.DeleteTableAsync(table.Name);
            }
        }
        catch (Exception e) when (e is Azure.RequestFailedException or HttpRequestException)
        {
            Console.Error.WriteLine($"Clean-up of run {RunId} on Azurite incomplete: {e.Message}");
        }
    }

    [GeneratedRegex(@"/api/forms/([A-Za-z0-9_\-\.]+)")]
    private static partial Regex FormLink();
}
