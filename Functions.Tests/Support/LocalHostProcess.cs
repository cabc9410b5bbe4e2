using System.Diagnostics;
using System.Text;

namespace NetworkFunctions.Tests.Support;

/// <summary>Functions.Local as a separate process, the way a developer runs it, so tests can SIGTERM or kill -9 it.</summary>
public sealed class LocalHostProcess : IAsyncDisposable
{
    readonly Process process;
    readonly StringBuilder output = new();
    readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    int disposed;

    LocalHostProcess(Process process, int port)
    {
        this.process = process;
        Port = port;
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
    }

    public int Port { get; }

    public Uri BaseAddress { get; }

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public bool HasExited => process.HasExited;

    public int Id => process.Id;

    /// <summary>Starts <c>NetworkFunctions.Local.dll</c> from the test output folder and waits until it says it is ready.</summary>
    public static Task<LocalHostProcess> StartAsync(int port, params string[] arguments) =>
        StartAsync(port, new Dictionary<string, string>(), arguments);

    /// <summary>As <see cref="StartAsync(int, string[])"/>, with settings as environment variables (<c>Patience__FirstWaitSeconds</c>).</summary>
    public static async Task<LocalHostProcess> StartAsync(int port, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryPaths.Root,
        };
        foreach ((string name, string value) in environment)
        {
            start.Environment[name] = value;
        }

        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "NetworkFunctions.Local.dll"));
        start.ArgumentList.Add("--port");
        start.ArgumentList.Add(port.ToString());
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var host = new LocalHostProcess(Process.Start(start)!, port);
        host.process.OutputDataReceived += (_, e) => host.Append(e.Data);
        host.process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        host.process.BeginOutputReadLine();
        host.process.BeginErrorReadLine();
        Task exited = host.process.WaitForExitAsync();
        Task first = await Task.WhenAny(host.ready.Task, exited, Task.Delay(TimeSpan.FromSeconds(90)));
        if (first != host.ready.Task)
        {
            await host.DisposeAsync();
            throw new InvalidOperationException($"Functions.Local did not become ready:{Environment.NewLine}{host.Output}");
        }

        return host;
    }

    /// <summary>The process's end, as by <c>kill -9</c>: no shutdown code runs.</summary>
    public async Task KillAsync()
    {
        process.Kill(entireProcessTree: false);
        await process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, then waits for the exit; returns how long it took.</summary>
    public async Task<TimeSpan> TerminateAsync(TimeSpan timeout)
    {
        var stopwatch = Stopwatch.StartNew();
        using (Process kill = Process.Start("kill", ["-TERM", process.Id.ToString()]))
        {
            await kill.WaitForExitAsync();
        }

        using var cts = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cts.Token);
        return stopwatch.Elapsed;
    }

    public static int FreePort() => Local.FreePorts.Pick();

    void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }

        if (line.Contains("Press Ctrl+C to stop", StringComparison.Ordinal))
        {
            ready.TrySetResult();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }
}
