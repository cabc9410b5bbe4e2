using DurableTask.AzureStorage;
using DurableTask.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Testing.Sidecar;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace NetworkFunctions.Local.Durable;

/// <summary>
/// The Durable Task engine as Durable Functions runs it, minus the Functions host: the Durable Task gRPC sidecar
/// (the same protocol the isolated worker speaks to the Functions host) over a storage provider, served by Kestrel
/// on a loopback HTTP/2 port. Workers and clients connect through <see cref="Channel"/>.
/// </summary>
public sealed class DurableEngine : IAsyncDisposable
{
    readonly WebApplication sidecar;
    readonly IOrchestrationBackend backend;

    DurableEngine(WebApplication sidecar, IOrchestrationBackend backend, GrpcChannel channel, Uri address)
    {
        this.sidecar = sidecar;
        this.backend = backend;
        Channel = channel;
        Address = address;
    }

    public GrpcChannel Channel { get; }

    public Uri Address { get; }

    public static async Task<DurableEngine> StartAsync(
        DurableBackend backend,
        string taskHub,
        TimeSpan messageVisibility,
        string storageConnectionString,
        ILoggerFactory loggerFactory,
        CancellationToken cancellationToken = default)
    {
        IOrchestrationBackend service = backend switch
        {
            DurableBackend.InMemory => SidecarCompatibilityProxy.Wrap(new InMemoryOrchestrationService(loggerFactory)),
            DurableBackend.AzureStorage => SidecarCompatibilityProxy.Wrap(CreateAzureStorage(taskHub, messageVisibility, storageConnectionString, loggerFactory)),
            _ => throw new ArgumentOutOfRangeException(nameof(backend), backend, null),
        };

        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.Configure<HostOptions>(o => o.ServicesStopConcurrently = true);
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(System.Net.IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc(grpc => grpc.MaxReceiveMessageSize = 16 * 1024 * 1024);
        builder.Services.AddSingleton<IOrchestrationService>(service);
        builder.Services.AddSingleton<IOrchestrationServiceClient>(service);
        builder.Services.AddSingleton<TaskHubGrpcServer>();

        WebApplication sidecar = builder.Build();
        sidecar.MapGrpcService<TaskHubGrpcServer>();
        await sidecar.StartAsync(cancellationToken);

        string address = sidecar.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions { LoggerFactory = loggerFactory });
        return new DurableEngine(sidecar, service, channel, new Uri(address));
    }

    static AzureStorageOrchestrationService CreateAzureStorage(string taskHub, TimeSpan messageVisibility, string connectionString, ILoggerFactory loggerFactory) =>
        new(new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = taskHub,
            StorageAccountClientProvider = new StorageAccountClientProvider(connectionString),
            LoggerFactory = loggerFactory,

            // One machine, one worker: a restarted host takes its own partitions back at once instead of waiting
            // for the leases of its previous life to expire.
            WorkerId = "functions-local",
            PartitionCount = 4,

            // Local cycles compress a year into minutes; do not let idle queues back off to the 30 s default.
            MaxQueuePollingInterval = TimeSpan.FromSeconds(1),

            // Activities at once: the Durable extension's default on Premium and Dedicated plans (10 per core), not the
            // provider's fixed 10, so that K agendas due together run as a deployed instance would run them
            // (docs/performance.md, "Agenda latency").
            MaxConcurrentTaskActivityWorkItems = 10 * Environment.ProcessorCount,

            // A message taken by a host that died comes back after this. The sidecar does not renew a message while its
            // activity runs, so this must stay longer than the slowest activity (docs/operations.md, "What a crash costs").
            ControlQueueVisibilityTimeout = messageVisibility,
            WorkItemQueueVisibilityTimeout = messageVisibility,
        });

    /// <summary>How long disposal waits for the provider to release its partitions.</summary>
    static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    public async ValueTask DisposeAsync()
    {
        await Channel.ShutdownAsync();
        Channel.Dispose();

        // Stop the provider first, forced, and wait, so no poller outlives the engine (and hits a storage emulator
        // that is being shut down). The sidecar's own stop, below, stops it again from a fire-and-forget handler:
        // the provider's stop is idempotent, so that one returns at once. (In the other order the sidecar's graceful
        // stop is the one that waits, for up to ten minutes if the emulator is gone, and then throws where nothing
        // catches it, which ends the process.)
        try
        {
            await backend.StopAsync(isForced: true).WaitAsync(StopTimeout);
        }
        catch (TimeoutException)
        {
            // The storage emulator stopped answering; its leases expire on their own.
        }

        await sidecar.StopAsync();
        await sidecar.DisposeAsync();
    }
}
