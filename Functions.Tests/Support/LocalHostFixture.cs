using NetworkFunctions.Local;
using NetworkFunctions.Local.Durable;
using Microsoft.Extensions.DependencyInjection;

namespace NetworkFunctions.Tests.Support;

/// <summary>A local host in the test process, hosting the Functions app plus the probe functions on a free port.</summary>
public abstract class LocalHostFixture(DurableBackend backend) : IAsyncLifetime
{
    LocalFunctionsHost? host;

    public LocalFunctionsHost Host => host ?? throw new InvalidOperationException("The host has not started.");

    public HttpClient Http { get; } = new();

    public TickCounter Ticks { get; } = new();

    /// <summary>What the host logged at Information and above (the console shows warnings only).</summary>
    public CapturedLogs Logs { get; } = new();

    public string FunctionKey => Host.Options.FunctionKey;

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
                services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(Logs);
            },
            Settings = new Dictionary<string, string?>
            {
                ["Local:MailboxContainer"] = TestNames.Container("mailbox"),
                ["Network:DocumentsContainer"] = TestNames.Container("documents"),
                ["Logging:LogLevel:Default"] = "Information",
                ["Logging:Console:LogLevel:Default"] = "Warning",
            },
        });
        Http.BaseAddress = Host.BaseAddress;
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
