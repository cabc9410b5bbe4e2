using System.Reflection;
using Microsoft.Extensions.Configuration;
using NetworkFunctions.Local.Durable;

namespace NetworkFunctions.Local;

/// <summary>How the local host runs: read from the <c>Local</c> configuration section and the command line.</summary>
public sealed record LocalHostOptions
{
    public const string Section = "Local";
    public const string DefaultFunctionKey = "local-function-key";
    public const string DefaultMasterKey = "local-master-key";

    /// <summary>HTTP port of the API, the mailbox and the mail sink; 0 picks a free one.</summary>
    public int Port { get; init; } = 7071;

    /// <summary>Folder for Azurite's data, so state survives restarts.</summary>
    public string Data { get; init; } = ".local";

    /// <summary>First of Azurite's three ports (blob, queue, table).</summary>
    public int AzuritePort { get; init; } = 10000;

    public DurableBackend DurableBackend { get; init; } = DurableBackend.AzureStorage;

    public string TaskHub { get; init; } = "NetworkFunctions";

    /// <summary>
    /// How long a queue message taken by a host that then died stays invisible before it is handed out again (the
    /// AzureStorage engine's control and work-item queues). Five minutes as in Azure; a test that kills the host
    /// shortens it so a step interrupted mid-way runs again within its wait.
    /// </summary>
    public TimeSpan MessageVisibility { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The key <c>AuthorizationLevel.Function</c> routes accept (header <c>x-functions-key</c> or query <c>code</c>).</summary>
    public string FunctionKey { get; init; } = DefaultFunctionKey;

    /// <summary>The key admin-level routes accept; function-level routes accept it too, as in Azure.</summary>
    public string MasterKey { get; init; } = DefaultMasterKey;

    /// <summary>Runs the demo year after the start (<c>--demo</c>): the sample network compressed into minutes, with simulated members.</summary>
    public bool Demo { get; init; }

    /// <summary>Paths of further assemblies whose functions to host besides the Functions app's own.</summary>
    public IReadOnlyList<string> FunctionAssemblies { get; init; } = [];

    /// <summary>Further assemblies to host, for callers inside the same process.</summary>
    public IReadOnlyList<Assembly> ExtraAssemblies { get; init; } = [];

    /// <summary>Extra service registrations after the app's own (tests use this).</summary>
    public Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? ConfigureServices { get; init; }

    /// <summary>Settings that override every other source (tests use this).</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>Command-line switches and the configuration keys they set.</summary>
    public static readonly IReadOnlyDictionary<string, string> Switches = new Dictionary<string, string>
    {
        ["--port"] = $"{Section}:{nameof(Port)}",
        ["--data"] = $"{Section}:{nameof(Data)}",
        ["--azurite-port"] = $"{Section}:{nameof(AzuritePort)}",
        ["--backend"] = $"{Section}:{nameof(DurableBackend)}",
        ["--task-hub"] = $"{Section}:{nameof(TaskHub)}",
        ["--message-visibility"] = $"{Section}:{nameof(MessageVisibility)}",
        ["--function-key"] = $"{Section}:{nameof(FunctionKey)}",
        ["--functions-assembly"] = $"{Section}:{nameof(FunctionAssemblies)}:0",
    };

    /// <summary>Command-line switches without a value, and the configuration keys they set to <c>true</c>.</summary>
    public static readonly IReadOnlyDictionary<string, string> Flags = new Dictionary<string, string>
    {
        ["--demo"] = $"{Section}:{nameof(Demo)}",
    };

    /// <summary>The command line with every flag written as a setting (<c>--demo</c> → <c>--Local:Demo=true</c>).</summary>
    public static string[] ExpandFlags(string[] args) =>
        args.Select(a => Flags.TryGetValue(a, out string? key) ? $"--{key}=true" : a).ToArray();

    public static LocalHostOptions From(IConfiguration configuration)
    {
        IConfigurationSection section = configuration.GetSection(Section);
        var options = section.Get<LocalHostOptions>(binder => binder.ErrorOnUnknownConfiguration = false) ?? new LocalHostOptions();
        if (options.Port is < 0 or > 65535)
        {
            throw new ArgumentException($"--port must be between 0 and 65535, not {options.Port}.");
        }

        if (options.MessageVisibility < TimeSpan.FromSeconds(5) || options.MessageVisibility > TimeSpan.FromDays(7))
        {
            throw new ArgumentException($"--message-visibility must be between 00:00:05 and 7.00:00:00, not {options.MessageVisibility}.");
        }

        if (string.IsNullOrWhiteSpace(options.FunctionKey) || string.IsNullOrWhiteSpace(options.MasterKey))
        {
            throw new ArgumentException("Local:FunctionKey and Local:MasterKey must not be empty.");
        }

        return options;
    }
}
