using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace NetworkFunctions.Tests.Support;

/// <summary>Everything the Durable task hub keeps in storage (tables, queue messages, blobs), as text to search.</summary>
public static class TaskHubContents
{
    public static async Task<IReadOnlyList<string>> ReadAsync(string connectionString, string taskHub)
    {
        var texts = new List<string>();
        var tables = new TableServiceClient(connectionString);
        await foreach (Azure.Data.Tables.Models.TableItem table in tables.QueryAsync())
        {
            if (!table.Name.StartsWith(taskHub, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            await foreach (TableEntity entity in tables.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                texts.Add($"{table.Name}: " + string.Join(" ", entity.Select(p => $"{p.Key}={p.Value}")));
            }
        }

        var queues = new QueueServiceClient(connectionString);
        await foreach (QueueItem queue in queues.GetQueuesAsync())
        {
            if (queue.Name.StartsWith(taskHub.ToLowerInvariant(), StringComparison.Ordinal))
            {
                foreach (PeekedMessage message in (await queues.GetQueueClient(queue.Name).PeekMessagesAsync(32)).Value)
                {
                    texts.Add($"{queue.Name}: {message.Body}");
                }
            }
        }

        var blobs = new BlobServiceClient(connectionString);
        await foreach (BlobContainerItem container in blobs.GetBlobContainersAsync())
        {
            if (!container.Name.StartsWith(taskHub.ToLowerInvariant(), StringComparison.Ordinal))
            {
                continue;
            }

            BlobContainerClient client = blobs.GetBlobContainerClient(container.Name);
            await foreach (BlobItem blob in client.GetBlobsAsync())
            {
                BlobDownloadResult content = await client.GetBlobClient(blob.Name).DownloadContentAsync();
                texts.Add($"{container.Name}/{blob.Name}: {DecodeMaybeGzip(content.Content.ToArray())}");
            }
        }

        return texts;
    }

    /// <summary>Large messages are stored gzipped; anything else is read as UTF-8.</summary>
    static string DecodeMaybeGzip(byte[] bytes)
    {
        if (bytes.Length > 2 && bytes[0] == 0x1f && bytes[1] == 0x8b)
        {
            using var input = new System.IO.Compression.GZipStream(new MemoryStream(bytes), System.IO.Compression.CompressionMode.Decompress);
            using var reader = new StreamReader(input);
            return reader.ReadToEnd();
        }

        return System.Text.Encoding.UTF8.GetString(bytes);
    }
}
