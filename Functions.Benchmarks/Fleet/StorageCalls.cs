using System.Collections.Specialized;

namespace NetworkFunctions.Benchmarks.Fleet;

/// <summary>The storage service a call went to (Azurite listens for each on a port of its own).</summary>
public enum StorageService
{
    Blob,
    Queue,
    Table,
}

/// <summary>How Azure bills a storage call (General Purpose v2, LRS, Hot): blob writes and lists, blob reads, other blob calls, queue and table operations.</summary>
public enum BillingClass
{
    BlobWriteOrList,
    BlobRead,
    BlobOther,
    Queue,
    Table,
}

/// <summary>
/// Names a storage REST call by its service, method, path and query, as the storage pricing counts it: <c>blob
/// PutBlob</c>, <c>queue GetMessages</c>, <c>table QueryEntities</c>. Pure; the names follow the REST API's operations.
/// </summary>
public static class StorageCalls
{
    /// <summary>
    /// USD per 10,000 calls of each class, from the prices gathered for <c>docs/performance.md</c> (secondary sources,
    /// 2026; GPv2 LRS Hot): blob write or list 0.05, blob read 0.004, other blob 0.004, queue 0.004, table 0.00036.
    /// </summary>
    public static readonly IReadOnlyDictionary<BillingClass, double> UsdPer10000 = new Dictionary<BillingClass, double>
    {
        [BillingClass.BlobWriteOrList] = 0.05,
        [BillingClass.BlobRead] = 0.004,
        [BillingClass.BlobOther] = 0.004,
        [BillingClass.Queue] = 0.004,
        [BillingClass.Table] = 0.00036,
    };

    public static string Operation(StorageService service, string method, string path, NameValueCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        string comp = query["comp"] ?? "";
        string restype = query["restype"] ?? "";
        int segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Length; // account, container/queue/table, blob/messages, id
        return service switch
        {
            StorageService.Blob => (method, comp, restype) switch
            {
                (_, "list", "container") => "ListBlobs",
                (_, "list", _) => "ListContainers",
                ("PUT", "lease", _) => "Lease",
                ("PUT", "block" or "blocklist", _) => "PutBlock",
                ("PUT", "metadata" or "properties", _) => "SetProperties",
                ("PUT", _, "container") => "CreateContainer",
                ("PUT", _, _) => "PutBlob",
                ("GET", _, "container") or ("HEAD", _, "container") => "GetContainerProperties",
                ("GET", "", _) => "GetBlob",
                ("HEAD", _, _) => "GetBlobProperties",
                ("DELETE", _, "container") => "DeleteContainer",
                ("DELETE", _, _) => "DeleteBlob",
                _ => $"{method} {comp}".Trim(),
            },
            StorageService.Queue => (method, comp, segments) switch
            {
                (_, "list", _) => "ListQueues",
                ("GET", _, 3) when query["peekonly"] == "true" => "PeekMessages",
                ("GET", _, 3) => "GetMessages",
                ("POST", _, 3) => "PutMessage",
                ("PUT", _, 4) => "UpdateMessage",
                ("DELETE", _, 4) => "DeleteMessage",
                ("DELETE", _, 3) => "ClearMessages",
                ("PUT", "metadata", _) => "SetQueueMetadata",
                ("GET" or "HEAD", "metadata", _) => "GetQueueMetadata",
                ("PUT", _, 2) => "CreateQueue",
                ("DELETE", _, 2) => "DeleteQueue",
                _ => $"{method} {comp}".Trim(),
            },
            _ => (method, path.TrimEnd('/').EndsWith("$batch", StringComparison.Ordinal), path.Contains("/Tables", StringComparison.Ordinal)) switch
            {
                ("POST", true, _) => "Batch",
                (_, _, true) => method == "GET" ? "QueryTables" : method == "POST" ? "CreateTable" : "DeleteTable",
                ("GET", _, _) => "QueryEntities",
                ("POST", _, _) => "InsertEntity",
                ("PUT", _, _) => "UpdateEntity",
                ("MERGE" or "PATCH", _, _) => "MergeEntity",
                ("DELETE", _, _) => "DeleteEntity",
                _ => method,
            },
        };
    }

    /// <summary>The billing class of an operation named by <see cref="Operation"/>.</summary>
    public static BillingClass Billing(StorageService service, string operation) => service switch
    {
        StorageService.Blob => operation switch
        {
            "PutBlob" or "PutBlock" or "SetProperties" or "CreateContainer" or "ListBlobs" or "ListContainers" or "Lease" => BillingClass.BlobWriteOrList,
            "GetBlob" or "GetBlobProperties" or "GetContainerProperties" => BillingClass.BlobRead,
            _ => BillingClass.BlobOther,
        },
        StorageService.Queue => BillingClass.Queue,
        _ => BillingClass.Table,
    };
}
