using System.Diagnostics;
using Azure.Data.Tables;
using Azure.Storage.Blobs;

namespace NetworkFunctions.Benchmarks.Fleet;

/// <summary>
/// Azurite without the counting proxy: the documents container and the task hub's Instances and History tables, for
/// the benchmark's own looks, which must not count as the app's storage calls.
/// </summary>
public sealed record DirectStorage(BlobContainerClient Documents, TableClient Instances, TableClient History)
{
    public static DirectStorage For(string azuriteConnectionString, LocalSystem system) => new(
        new BlobServiceClient(azuriteConnectionString).GetBlobContainerClient(system.Documents.Name),
        new TableClient(azuriteConnectionString, $"{system.TaskHub}Instances"),
        new TableClient(azuriteConnectionString, $"{system.TaskHub}History"));

    /// <summary>How many orchestrations are running.</summary>
    public async Task<int> RunningAsync(CancellationToken cancellationToken)
    {
        int running = 0;
        await foreach (TableEntity _ in Instances.QueryAsync<TableEntity>("RuntimeStatus eq 'Running'", select: ["PartitionKey"], cancellationToken: cancellationToken))
        {
            running++;
        }

        return running;
    }

    /// <summary>How many timers have fired in the task hub so far (history rows of type TimerFired).</summary>
    public async Task<int> TimersFiredAsync(CancellationToken cancellationToken)
    {
        int fired = 0;
        await foreach (TableEntity _ in History.QueryAsync<TableEntity>("EventType eq 'TimerFired'", select: ["PartitionKey"], cancellationToken: cancellationToken))
        {
            fired++;
        }

        return fired;
    }

    /// <summary>Waits until <paramref name="orchestrations"/> are running, then a few seconds more for their first steps to settle.</summary>
    public async Task WaitUntilRunningAsync(int orchestrations, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(5))
        {
            if (await RunningAsync(cancellationToken) >= orchestrations)
            {
                await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
                return;
            }

            await Task.Delay(500, cancellationToken);
        }

        throw new TimeoutException($"Fewer than {orchestrations} orchestrations were running after 5 minutes.");
    }

    public async Task WaitForCompletionAsync(string instanceId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            var row = await Instances.GetEntityIfExistsAsync<TableEntity>(instanceId, "", ["RuntimeStatus"], cancellationToken);
            string? status = row.HasValue ? row.Value!.GetString("RuntimeStatus") : null;
            if (status is "Completed")
            {
                return;
            }

            if (status is "Failed" or "Terminated")
            {
                throw new InvalidOperationException($"{instanceId} ended {status}.");
            }

            await Task.Delay(1000, cancellationToken);
        }

        throw new TimeoutException($"{instanceId} not completed after {timeout.TotalSeconds:0} s.");
    }
}
