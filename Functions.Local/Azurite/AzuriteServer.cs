using System.Diagnostics;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace NetworkFunctions.Local.Azurite;

/// <summary>
/// Azurite from the repository's pinned npm package: reused when it already answers on its ports, otherwise
/// installed (<c>npm ci</c>) if missing and started with its data under the given folder. Disposing stops only an
/// Azurite this instance started: SIGTERM first, SIGKILL when it lingers.
/// </summary>
public sealed class AzuriteServer : IAsyncDisposable
{
    static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(3);

    readonly Process? process;
    readonly ILogger logger;

    AzuriteServer(AzuriteSettings settings, Process? process, ILogger logger)
    {
        Settings = settings;
        this.process = process;
        this.logger = logger;
    }

    public AzuriteSettings Settings { get; }

    /// <summary>True when this instance started Azurite; false when one was already running.</summary>
    public bool Started => process is not null;

    public string ConnectionString => Settings.ConnectionString;

    public static async Task<AzuriteServer> EnsureRunningAsync(AzuriteSettings settings, ILogger logger, CancellationToken cancellationToken = default)
    {
        bool[] open = await Task.WhenAll(settings.Ports.Select(port => IsListeningAsync(port, cancellationToken)));
        if (open.All(o => o))
        {
            logger.LogInformation("Using the Azurite already listening on ports {Ports}", string.Join(", ", settings.Ports));
            return new AzuriteServer(settings, null, logger);
        }

        if (open.Any(o => o))
        {
            int[] busy = settings.Ports.Where((_, i) => open[i]).ToArray();
            throw new InvalidOperationException(
                $"Port(s) {string.Join(", ", busy)} are in use but not all Azurite ports answer; stop what holds them or choose other ports.");
        }

        string script = await NodePackages.EnsureAzuriteAsync(logger, cancellationToken);
        Directory.CreateDirectory(settings.DataDirectory);
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[]
                 {
                     script, "--silent", "--skipApiVersionCheck", "--disableProductStyleUrl",
                     "--location", Path.GetFullPath(settings.DataDirectory),
                     "--blobHost", "127.0.0.1", "--blobPort", settings.BlobPort.ToString(),
                     "--queueHost", "127.0.0.1", "--queuePort", settings.QueuePort.ToString(),
                     "--tableHost", "127.0.0.1", "--tablePort", settings.TablePort.ToString(),
                 })
        {
            start.ArgumentList.Add(argument);
        }

        Process process = Process.Start(start) ?? throw new InvalidOperationException("Azurite could not be started (is Node.js on the PATH?).");
        process.OutputDataReceived += (_, e) => { if (e.Data is { Length: > 0 } line) { logger.LogDebug("azurite: {Line}", line); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 } line) { logger.LogDebug("azurite: {Line}", line); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var server = new AzuriteServer(settings, process, logger);
        var stopwatch = Stopwatch.StartNew();
        while (true)
        {
            bool[] ready = await Task.WhenAll(settings.Ports.Select(port => IsListeningAsync(port, cancellationToken)));
            if (ready.All(r => r))
            {
                logger.LogInformation("Azurite started (pid {Pid}) in {Elapsed} ms with its data in {Data}",
                    process.Id, stopwatch.ElapsedMilliseconds, settings.DataDirectory);
                return server;
            }

            if (process.HasExited || stopwatch.Elapsed > StartTimeout)
            {
                int? exitCode = process.HasExited ? process.ExitCode : null;
                await server.DisposeAsync();
                throw new InvalidOperationException($"Azurite did not come up on ports {string.Join(", ", settings.Ports)} (exit code {exitCode?.ToString() ?? "none"}).");
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (process is null)
        {
            return;
        }

        using (process)
        {
            if (process.HasExited)
            {
                return;
            }

            SendTerminate(process.Id);
            using var grace = new CancellationTokenSource(StopGrace);
            try
            {
                await process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                logger.LogDebug("Azurite ignored SIGTERM; killing it");
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            logger.LogInformation("Azurite stopped");
        }
    }

    internal static async Task<bool> IsListeningAsync(int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMilliseconds(500));
        try
        {
            await client.ConnectAsync("127.0.0.1", port, timeout.Token);
            return true;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>SIGTERM, so Azurite can flush its metadata; <see cref="Process.Kill()"/> would send SIGKILL.</summary>
    static void SendTerminate(int pid)
    {
        try
        {
            using Process? kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", pid.ToString()]) { UseShellExecute = false });
            kill?.WaitForExit(2000);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No kill command: the grace period ends in Process.Kill.
        }
    }
}
