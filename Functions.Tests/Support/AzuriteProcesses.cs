using System.Diagnostics;
using System.Globalization;

namespace NetworkFunctions.Tests.Support;

/// <summary>The Azurite a local host process started for its own data folder, frozen and thawed with signals.</summary>
public static class AzuriteProcesses
{
    /// <summary>The Azurite whose command line names <paramref name="data"/> (the only one that does).</summary>
    public static int PidFor(string data)
    {
        using Process pgrep = Process.Start(new ProcessStartInfo("pgrep", ["-f", $"azurite.*{data}"]) { RedirectStandardOutput = true, UseShellExecute = false })!;
        string found = pgrep.StandardOutput.ReadToEnd();
        pgrep.WaitForExit();
        return int.Parse(found.Split('\n', StringSplitOptions.RemoveEmptyEntries)[0], CultureInfo.InvariantCulture);
    }

    /// <summary>Sends <c>SIGSTOP</c> or <c>SIGCONT</c> (<paramref name="signal"/> without the prefix); true when <c>kill</c> succeeded.</summary>
    public static bool Signal(string signal, int pid)
    {
        using Process kill = Process.Start("kill", [$"-{signal}", pid.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        return kill.ExitCode == 0;
    }

    /// <summary>
    /// Stops every Azurite serving <paramref name="data"/>: one left behind by a host that was killed with <c>kill -9</c>
    /// outlives it (the host started again reuses it and does not own it), and would otherwise run on after the test.
    /// </summary>
    public static void StopFor(string data)
    {
        using Process pkill = Process.Start(new ProcessStartInfo("pkill", ["-f", $"azurite.*{data}"]) { UseShellExecute = false })!;
        pkill.WaitForExit();
    }
}
