using DurableTask.Core;
using DurableTask.Core.Query;

namespace NetworkFunctions.Local.Durable;

/// <summary>Everything the gRPC sidecar asks of a storage provider, as one interface a proxy can implement.</summary>
public interface IOrchestrationBackend :
    IOrchestrationService,
    IOrchestrationServiceClient,
    IOrchestrationServiceQueryClient,
    IOrchestrationServicePurgeClient;
