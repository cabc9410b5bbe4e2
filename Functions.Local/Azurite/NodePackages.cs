using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace NetworkFunctions.Local.Azurite;

/// <summary>Finds the repository's npm tooling (package.json with the pinned Azurite) and installs it when missing.</summary>
public static class NodePackages
{
    const string AzuriteScript = "node_modules/azurite/dist/src/azurite.js";

    /// <summary>The folder holding the repository's package.json, searched upwards from the working and app folders.</summary>
    public static string? FindRoot()
    {
        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (DirectoryInfo? dir = new(start); dir is not null; dir = dir.Parent)
            {
                string packageJson = Path.Combine(dir.FullName, "package.json");
                if (File.Exists(packageJson) && File.ReadAllText(packageJson).Contains("\"azurite\"", StringComparison.Ordinal))
                {
                    return dir.FullName;
                }
            }
        }

        return null;
    }

    /// <summary>The path of Azurite's entry script, running <c>npm ci</c> first when it is not installed.</summary>
    public static async Task<string> EnsureAzuriteAsync(ILogger logger, CancellationToken cancellationToken)
    {
        string root = FindRoot() ?? throw new InvalidOperationException(
            "Cannot find the repository's package.json (with azurite): run Functions.Local from the repository.");
        string script = Path.Combine(root, AzuriteScript);
        if (File.Exists(script))
        {
            return script;
        }

        logger.LogInformation("Installing Azurite with npm ci in {Root} (first run only)", root);
        var start = new ProcessStartInfo("npm") { WorkingDirectory = root, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in new[] { "ci", "--no-audit", "--no-fund", "--loglevel=error" })
        {
            start.ArgumentList.Add(argument);
        }

        using Process npm = Process.Start(start) ?? throw new InvalidOperationException("npm could not be started (is Node.js installed?).");
        Task<string> errors = npm.StandardError.ReadToEndAsync(cancellationToken);
        _ = npm.StandardOutput.ReadToEndAsync(cancellationToken);
        await npm.WaitForExitAsync(cancellationToken);
        if (npm.ExitCode != 0 || !File.Exists(script))
        {
            throw new InvalidOperationException($"npm ci failed with exit code {npm.ExitCode}: {await errors}");
        }

        return script;
    }
}
