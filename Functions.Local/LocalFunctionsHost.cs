using System.Net;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NetworkFunctions.Email;
using NetworkFunctions.Forms;
using NetworkFunctions.Hosting;
using NetworkFunctions.Http;
using NetworkFunctions.Inbound;
using NetworkFunctions.Local.SignIn;
using NetworkFunctions.Office;
using NetworkFunctions.Networks;
using NetworkFunctions.Storage;
using NetworkFunctions.Local.Azurite;
using NetworkFunctions.Local.Durable;
using NetworkFunctions.Local.Functions;
using NetworkFunctions.Local.Mail;

namespace NetworkFunctions.Local;

/// <summary>
/// The whole system on one machine: Azurite, the Durable Task engine, and every function of the Functions app on
/// Kestrel, composed with the app's own <c>AddNetworkFunctions</c>.
/// </summary>
public sealed class LocalFunctionsHost : IAsyncDisposable
{
    readonly WebApplication app;
    readonly DurableEngine engine;
    readonly AzuriteServer azurite;

    LocalFunctionsHost(WebApplication app, DurableEngine engine, AzuriteServer azurite, FunctionCatalog catalog, Uri baseAddress, LocalHostOptions options)
    {
        this.app = app;
        this.engine = engine;
        this.azurite = azurite;
        Catalog = catalog;
        BaseAddress = baseAddress;
        Options = options;
    }

    public Uri BaseAddress { get; }

    public FunctionCatalog Catalog { get; }

    public LocalHostOptions Options { get; }

    public IServiceProvider Services => app.Services;

    public DurableTaskClient DurableClient => app.Services.GetRequiredService<DurableTaskClient>();

    public string StorageConnectionString => azurite.ConnectionString;

    /// <summary>The Functions app's assembly: the functions that run in Azure.</summary>
    public static Assembly FunctionsAssembly => typeof(NetworkOptions).Assembly;

    public static async Task<LocalFunctionsHost> StartAsync(string[] args, LocalHostOptions? overrides = null, CancellationToken cancellationToken = default)
    {
        IConfiguration bootstrap = BuildConfiguration(args, overrides?.Settings, extra: null);
        LocalHostOptions options = overrides ?? LocalHostOptions.From(bootstrap);

        using ILoggerFactory bootLogs = LoggerFactory.Create(logging => ConfigureLogging(logging, bootstrap));
        ILogger logger = bootLogs.CreateLogger("Functions.Local");

        FunctionCatalog catalog = FunctionCatalog.Discover(
            new[] { FunctionsAssembly }.Concat(options.ExtraAssemblies).Concat(options.FunctionAssemblies.Select(LoadAssembly)).Distinct());

        int port = options.Port == 0 ? FreePorts.Pick() : options.Port;
        AzuriteServer azurite = await AzuriteServer.EnsureRunningAsync(
            AzuriteSettings.FromBasePort(options.Data, options.AzuritePort), logger, cancellationToken);
        DurableEngine? engine = null;
        try
        {
            string baseUrl = $"http://127.0.0.1:{port}";
            var bouncing = new BouncingMail();
            IConfiguration configuration = BuildConfiguration(args, options.Settings, new Dictionary<string, string?>
            {
                [StorageClients.ConnectionName] = azurite.ConnectionString,
                ["TaskHubName"] = options.TaskHub,
            }, defaults: new Dictionary<string, string?>
            {
                [$"{NetworkOptions.Section}:{nameof(NetworkOptions.PublicBaseUrl)}"] = baseUrl,
                [$"{EmailOptions.Section}:{nameof(EmailOptions.SendGridHost)}"] = $"{baseUrl}/dev/sendgrid",
                [$"{EmailOptions.Section}:{nameof(EmailOptions.SendGridApiKey)}"] = "SG.local-mail-sink",
                [$"{EmailOptions.Section}:{nameof(EmailOptions.SenderAddress)}"] = "network@example.org",

                // The sink's activity feed shows a mail the moment it is taken: no lag to wait out.
                [$"{EmailOptions.Section}:{nameof(EmailOptions.ActivitySettleSeconds)}"] = "1",

                // The mail sink signs the events it posts (bounces of addresses marked as bouncing) with this key's pair.
                [$"{EmailOptions.Section}:{nameof(EmailOptions.EventWebhookPublicKey)}"] = bouncing.PublicKey,

                // Invitations name a reply address at this domain; the mailbox's reply buttons post to /api/inbound/email with
                // this run's secret, as SendGrid Inbound Parse would (Inbound:Secret may be set to a fixed one).
                [$"{InboundOptions.Section}:{nameof(InboundOptions.ReplyDomain)}"] = "svar.localhost",
                [$"{InboundOptions.Section}:{nameof(InboundOptions.Secret)}"] = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)),

                // The office's console signs people in through the host's development sign-in (SignIn/DevelopmentSignIn.cs),
                // which plays the platform's built-in authentication.
                [$"{ConsoleOptions.Section}:{nameof(ConsoleOptions.SignIn)}"] = nameof(ConsoleSignIn.AppService),
                [$"{ConsoleOptions.Section}:{nameof(ConsoleOptions.TenantId)}"] = DevelopmentSignIn.Tenant,
                [$"{ConsoleOptions.Section}:{nameof(ConsoleOptions.AdminGroup)}"] = DevelopmentSignIn.AdminGroup,

                // A fixed development key, so form links in the local mailbox keep working across restarts.
                [$"{FormOptions.Section}:{nameof(FormOptions.SigningKey)}"] = FormOptions.DevelopmentSigningKey,
                [$"{FormOptions.Section}:{nameof(FormOptions.AllowDevelopmentKey)}"] = "true",
            });

            WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
            builder.Configuration.Sources.Clear();
            builder.Configuration.AddConfiguration(configuration);
            builder.Logging.ClearProviders();
            ConfigureLogging(builder.Logging, configuration);
            builder.WebHost.ConfigureKestrel(kestrel =>
            {
                kestrel.Listen(IPAddress.Loopback, port, listen => listen.Protocols = HttpProtocols.Http1);
                kestrel.Limits.MaxRequestBodySize = 30 * 1024 * 1024;
            });
            // Loopback names only: a web page whose name a DNS trick points at 127.0.0.1 cannot reach the API or the
            // mailbox (DNS rebinding). Kestrel listens on loopback alone, so these are the only names a client can use.
            builder.Services.AddHostFiltering(o =>
            {
                o.AllowedHosts = ["localhost", "127.0.0.1", "[::1]"];
                o.AllowEmptyHosts = false;
                o.IncludeFailureMessage = false;
            });
            builder.Services.Configure<HostOptions>(o =>
            {
                o.ServicesStopConcurrently = true;
                o.ShutdownTimeout = TimeSpan.FromSeconds(5);
            });

            ILoggerFactory engineLogs = LoggerFactory.Create(logging => ConfigureLogging(logging, configuration));
            engine = await DurableEngine.StartAsync(options.DurableBackend, options.TaskHub, options.MessageVisibility, azurite.ConnectionString, engineLogs, cancellationToken);

            builder.Services.AddNetworkFunctions(builder.Configuration);
            builder.Services.AddMvcCore();
            builder.Services.AddProblemDetails();
            builder.Services.AddSingleton(catalog);
            builder.Services.AddSingleton(new FunctionKeys(options.FunctionKey, options.MasterKey));
            var functionServices = new FunctionServices();
            builder.Services.AddSingleton(functionServices);
            Grpc.Net.Client.GrpcChannel channel = engine.Channel;
            builder.Services.AddDurableTaskClient(client =>
            {
                client.UseGrpc(channel);
                client.RegisterDirectly();
            });
            builder.Services.AddDurableTaskWorker(worker =>
            {
                worker.UseGrpc(channel);
                worker.AddTasks(registry =>
                {
                    foreach (FunctionDescriptor f in catalog.OfKind(TriggerKind.Orchestration))
                    {
                        registry.AddOrchestrator(f.Name, new OrchestratorFunctionAdapter(f, functionServices));
                    }

                    foreach (FunctionDescriptor f in catalog.OfKind(TriggerKind.Activity))
                    {
                        registry.AddActivity(f.Name, new ActivityFunctionAdapter(f, functionServices));
                    }
                });
            });
            foreach (FunctionDescriptor timer in catalog.OfKind(TriggerKind.Timer))
            {
                TimerFunctionService.ScheduleOf(timer, configuration); // fail at startup on a bad schedule
            }

            builder.Services.AddSingleton<TimerInvoker>();
            builder.Services.AddHostedService<TimerFunctionService>();
            options.ConfigureServices?.Invoke(builder.Services);
            builder.Services.AddSingleton(_ => bouncing); // made by a factory, so the container disposes it
            builder.Services.AddLocalMailSink(builder.Configuration);

            WebApplication app = builder.Build();
            app.UseHostFiltering();
            app.UseDevelopmentSignIn();
            functionServices.Root = app.Services;
            app.MapHttpFunctions(catalog, ReadRoutePrefix(), app.Services.GetRequiredService<FunctionKeys>());
            app.MapAdminFunctions(catalog, app.Services.GetRequiredService<FunctionKeys>());
            app.MapLocalMailSink();
            app.MapDevelopmentSignIn();
            await app.StartAsync(cancellationToken);

            var host = new LocalFunctionsHost(app, engine, azurite, catalog, new Uri(baseUrl), options with { Port = port });
            logger.LogInformation(
                "Functions.Local is ready with {Count} functions on the {Backend} engine (task hub {TaskHub})",
                catalog.Functions.Count, options.DurableBackend, options.TaskHub);
            return host;
        }
        catch
        {
            if (engine is not null)
            {
                await engine.DisposeAsync();
            }

            await azurite.DisposeAsync();
            throw;
        }
    }

    /// <summary>Waits for Ctrl+C or SIGTERM.</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await app.StopAsync();
        }
        finally
        {
            await app.DisposeAsync();
            await engine.DisposeAsync();
            await azurite.DisposeAsync();
        }
    }

    /// <summary>
    /// The Functions project's local.settings.json <c>Values</c> (as <c>func start</c> reads them), this host's own
    /// addresses, environment variables, the command line, test settings, and last what the host itself must decide
    /// (its Azurite and task hub).
    /// </summary>
    static IConfiguration BuildConfiguration(
        string[] args,
        IReadOnlyDictionary<string, string?>? settings,
        IDictionary<string, string?>? extra,
        IDictionary<string, string?>? defaults = null)
    {
        var builder = new ConfigurationBuilder();
        if (FindLocalSettings() is { } localSettings)
        {
            builder.AddInMemoryCollection(localSettings);
        }

        // The addresses of this very host beat local.settings.json (written for func start on 7071); an environment
        // variable or a command-line setting still beats them.
        builder.AddInMemoryCollection(defaults ?? new Dictionary<string, string?>());

        builder.AddEnvironmentVariables();
        builder.AddCommandLine(args, LocalHostOptions.Switches.ToDictionary(p => p.Key, p => p.Value));
        builder.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.AddInMemoryCollection(extra ?? new Dictionary<string, string?>());
        return builder.Build();
    }

    static Dictionary<string, string?>? FindLocalSettings()
    {
        string? root = NodePackages.FindRoot();
        string? path = root is null ? null : Path.Combine(root, "Functions", "local.settings.json");
        if (path is null || !File.Exists(path))
        {
            return null;
        }

        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path));
        if (!document.RootElement.TryGetProperty("Values", out JsonElement values))
        {
            return null;
        }

        return values.EnumerateObject()
            .Where(p => p.Value.ValueKind == JsonValueKind.String && p.Value.GetString() is { Length: > 0 })
            .ToDictionary(p => p.Name.Replace("__", ":", StringComparison.Ordinal), p => p.Value.GetString());
    }

    /// <summary>Quiet defaults for the engine and ASP.NET Core; the <c>Logging</c> configuration section overrides them.</summary>
    static void ConfigureLogging(ILoggingBuilder logging, IConfiguration configuration)
    {
        logging.SetMinimumLevel(LogLevel.Information);
        logging.AddFilter("Microsoft.DurableTask", LogLevel.Warning);
        logging.AddFilter("DurableTask", LogLevel.Warning);
        logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        logging.AddFilter("Microsoft.Hosting", LogLevel.Warning);
        logging.AddFilter("Grpc", LogLevel.Warning);
        logging.AddFilter("System.Net.Http", LogLevel.Warning);
        logging.AddConfiguration(configuration.GetSection("Logging"));
        logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss ";
        });
    }

    /// <summary>The HTTP route prefix from host.json (<c>extensions.http.routePrefix</c>), <c>api</c> by default.</summary>
    static string ReadRoutePrefix()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "host.json");
        if (!File.Exists(path))
        {
            return "api";
        }

        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.TryGetProperty("extensions", out JsonElement extensions)
               && extensions.TryGetProperty("http", out JsonElement http)
               && http.TryGetProperty("routePrefix", out JsonElement prefix)
               && prefix.GetString() is { } value
            ? value
            : "api";
    }

    static Assembly LoadAssembly(string path)
    {
        string full = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(full)!;
        AssemblyLoadContext.Default.Resolving += (context, name) =>
        {
            string candidate = Path.Combine(directory, name.Name + ".dll");
            return File.Exists(candidate) ? context.LoadFromAssemblyPath(candidate) : null;
        };
        return AssemblyLoadContext.Default.LoadFromAssemblyPath(full);
    }
}
