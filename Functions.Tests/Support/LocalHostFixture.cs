using NetworkFunctions.Local;
using NetworkFunctions.Local.Durable;
using Microsoft.Extensions.DependencyInjection;

namespace NetworkFunctions.Tests.Support;

/// <summary>
/// A local host in the test process, hosting the Functions app plus the probe functions on a free port; <paramref name="settings"/>
/// override the defaults below (e.g. <c>Network:RetentionDays</c>).
/// </summary>
public abstract class LocalHostFixture(DurableBackend backend, IReadOnlyDictionary<string, string?>? settings = null) : IAsyncLifetime
{
    LocalFunctionsHost? host;

    public LocalFunctionsHost Host => host ?? throw new InvalidOperationException("The host has not started.");

    public HttpClient Http { get; } = new();

    public TickCounter Ticks { get; } = new();

    /// <summary>The runs of the probe timers that run only when asked (admin API).</summary>
    public OnDemandRuns OnDemand { get; } = new();

    /// <summary>What the host logged at Information and above (the console shows warnings only).</summary>
    public CapturedLogs Logs { get; } = new();

    public string FunctionKey => Host.Options.FunctionKey;

    public string MasterKey => Host.Options.MasterKey;

    /// <summary>A client for this host's admin API: its address and the function key.</summary>
    public HttpClient Api() => KeyedClient(Host.BaseAddress, FunctionKey);

    /// <summary>A client that sends the function key in the <c>x-functions-key</c> header with every request.</summary>
    public static HttpClient KeyedClient(Uri baseAddress, string key)
    {
        var http = new HttpClient { BaseAddress = baseAddress };
        http.DefaultRequestHeaders.Add("x-functions-key", key);
        return http;
    }

    public async Task InitializeAsync()
    {
        host = await LocalFunctionsHost.StartAsync([], new LocalHostOptions
        {
            Port = 0,
            Data = Path.Combine(Path.GetTempPath(), "networkfunctions-tests-azurite"),
            DurableBackend = backend,
            TaskHub = TestNames.TaskHub("test"),
            ExtraAssemblies = [typeof(ProbeFunctions).Assembly],
            ConfigureServices = services =>
            {
                services.AddSingleton(Ticks);
                services.AddSingleton(OnDemand);
                services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(Logs);
                Configure(services);
            },
            Settings = HostSettings(),
        });
        Http.BaseAddress = Host.BaseAddress;
    }

    /// <summary>More services for the host, after the app's own (a fixture's exporters, fakes of a single dependency).</summary>
    protected virtual void Configure(IServiceCollection services)
    {
    }

    Dictionary<string, string?> HostSettings()
    {
        var all = new Dictionary<string, string?>
        {
            ["Local:MailboxContainer"] = TestNames.Container("mailbox"),
            ["Network:DocumentsContainer"] = TestNames.Container("documents"),
            ["Logging:LogLevel:Default"] = "Information",
            ["Logging:Console:LogLevel:Default"] = "Warning",
        };
        foreach ((string key, string? value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return all;
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }
}

public sealed class InMemoryHostFixture() : LocalHostFixture(DurableBackend.InMemory);

public sealed class AzureStorageHostFixture() : LocalHostFixture(DurableBackend.AzureStorage);

/// <summary>The AzureStorage engine with no retention period: housekeeping purges a network as soon as it has finished.</summary>
public sealed class NoRetentionHostFixture() : LocalHostFixture(DurableBackend.AzureStorage, new Dictionary<string, string?> { ["Network:RetentionDays"] = "0" });

/// <summary>The AzureStorage engine with patience in seconds: two quick tries, then waits of 2 s doubling to 5 s.</summary>
public sealed class PatientHostFixture() : LocalHostFixture(DurableBackend.AzureStorage, new Dictionary<string, string?>
{
    ["Patience:QuickAttempts"] = "2",
    ["Patience:QuickFirstRetrySeconds"] = "1",
    ["Patience:FirstWaitSeconds"] = "2",
    ["Patience:LongestWaitSeconds"] = "5",
    ["Patience:NetworkWideForSeconds"] = "600",
});

/// <summary>Both secrets as App Service leaves them when Key Vault cannot be read: unresolved references.</summary>
public sealed class UnresolvedSecretsHostFixture() : LocalHostFixture(DurableBackend.InMemory, new Dictionary<string, string?>
{
    ["Email:SendGridApiKey"] = "@Microsoft.KeyVault(SecretUri=https://kv-test.vault.azure.net/secrets/SendGridApiKey/)",
    ["Forms:SigningKey"] = "@Microsoft.KeyVault(SecretUri=https://kv-test.vault.azure.net/secrets/FormSigningKey/)",
    ["Inbound:Secret"] = "@Microsoft.KeyVault(SecretUri=https://kv-test.vault.azure.net/secrets/InboundSecret/)",
    ["Patience:QuickAttempts"] = "2",
    ["Patience:QuickFirstRetrySeconds"] = "1",
    ["Patience:FirstWaitSeconds"] = "2",
    ["Patience:LongestWaitSeconds"] = "5",
});
