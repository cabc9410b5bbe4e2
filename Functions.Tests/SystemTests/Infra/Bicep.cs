using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace NetworkFunctions.Tests.SystemTests.Infra;

/// <summary>One line of Bicep's diagnostics: <c>path(line,col) : Warning rule-id: message</c>.</summary>
public sealed record BicepDiagnostic(string File, int Line, string Level, string Code, string Message)
{
    public override string ToString() => $"{Path.GetFileName(File)}({Line}) {Level} {Code}: {Message}";
}

public sealed record BicepRun(int ExitCode, string StandardOutput, string StandardError)
{
    static readonly Regex DiagnosticLine = new(
        @"^(?<file>.+?)\((?<line>\d+),(?<col>\d+)\)\s*:\s*(?<level>Error|Warning|Info)\s+(?<code>[^:\s]+):\s*(?<message>.*)$",
        RegexOptions.Multiline | RegexOptions.CultureInvariant);

    public IReadOnlyList<BicepDiagnostic> Diagnostics =>
        DiagnosticLine.Matches(StandardError + "\n" + (StandardOutput.TrimStart().StartsWith('{') ? "" : StandardOutput))
            .Select(m => new BicepDiagnostic(
                m.Groups["file"].Value,
                int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture),
                m.Groups["level"].Value,
                m.Groups["code"].Value,
                m.Groups["message"].Value.Trim()))
            .ToList();
}

/// <summary>
/// The Bicep CLI from the Azure.Bicep.CommandLine.linux-x64 package (its path is written into the test
/// assembly by Functions.Tests.csproj). It runs offline: no registry modules, --no-restore, and the
/// templates use only the resource types compiled into the CLI.
/// </summary>
public static class Bicep
{
    static readonly Lazy<BicepRun> BuildRun = new(() => Run("build", "infra/main.bicep", "--stdout", "--no-restore"));
    static readonly Lazy<BicepRun> LintRun = new(() => Run("lint", "--pattern", "infra/**/*.bicep", "--no-restore"));
    static readonly Lazy<JsonObject> CompiledTemplate = new(() =>
    {
        BicepRun build = BuildRun.Value;
        if (build.ExitCode != 0)
        {
            throw new InvalidOperationException($"bicep build failed ({build.ExitCode}):\n{build.StandardError}");
        }

        return JsonNode.Parse(build.StandardOutput)!.AsObject();
    });

    /// <summary>The repository root (the folder holding NetworkFunctions.sln).</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary><c>bicep build infra/main.bicep --stdout</c>, run once per test run.</summary>
    public static BicepRun Build => BuildRun.Value;

    /// <summary><c>bicep lint --pattern infra/**/*.bicep</c>, run once per test run.</summary>
    public static BicepRun Lint => LintRun.Value;

    /// <summary>The ARM JSON compiled from infra/main.bicep, as text.</summary>
    public static string CompiledJson => Build.StandardOutput;

    /// <summary>The ARM JSON compiled from infra/main.bicep (a fresh copy per call).</summary>
    public static JsonObject Template => CompiledTemplate.Value.DeepClone().AsObject();

    /// <summary>
    /// Evaluates the compiled template as azd would deploy it with these parameter values (on top of
    /// the required ones a test would otherwise have to repeat).
    /// </summary>
    public static ArmDeployment Deploy(IReadOnlyDictionary<string, JsonNode?>? overrides = null)
    {
        var parameters = new Dictionary<string, JsonNode?>
        {
            ["environmentName"] = "ci",
            ["location"] = "westeurope",
            ["principalId"] = "",
            ["emailSenderAddress"] = "noreply@example.org",
            ["sendGridApiKey"] = "",
            ["formSigningKey"] = "",
            ["inboundSecret"] = "",
        };
        foreach ((string key, JsonNode? value) in overrides ?? new Dictionary<string, JsonNode?>())
        {
            parameters[key] = value;
        }

        return ArmDeployment.Root(Template, parameters);
    }

    public static string Executable
    {
        get
        {
            string? configured = typeof(Bicep).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .FirstOrDefault(a => a.Key == "BicepExecutable")?.Value;
            if (string.IsNullOrEmpty(configured) || !File.Exists(configured))
            {
                throw new InvalidOperationException(
                    $"The Bicep CLI was not found at '{configured}'. Restore Functions.Tests (package Azure.Bicep.CommandLine.linux-x64).");
            }

            return configured;
        }
    }

    public static BicepRun Run(params string[] arguments)
    {
        string executable = Executable;
        EnsureExecutable(executable);
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} did not finish within 60 s.");
        }

        return new BicepRun(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }

    static void EnsureExecutable(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        UnixFileMode mode = File.GetUnixFileMode(path);
        const UnixFileMode execute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        if ((mode & UnixFileMode.UserExecute) == 0)
        {
            File.SetUnixFileMode(path, mode | execute);
        }
    }

    static string FindRepositoryRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "NetworkFunctions.sln")) && Directory.Exists(Path.Combine(directory.FullName, "infra")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No NetworkFunctions.sln with an infra/ folder above {AppContext.BaseDirectory}.");
    }
}
