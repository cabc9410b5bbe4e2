using System.Diagnostics;
using NetworkFunctions.Networks;
using NetworkFunctions.Reports;
using Xunit.Abstractions;
using static NetworkFunctions.Tests.Unit.Reports.ReportData;

namespace NetworkFunctions.Tests.Unit.Reports;

/// <summary>
/// The charts on a machine with no fonts at all. Where the tests run as root on Linux, this test runs itself again in a
/// child process whose mount namespace hides <c>/usr/share/fonts</c> behind an empty tmpfs (where SkiaSharp's
/// fontconfig-free build looks for fonts); elsewhere it checks the charts with the fonts there are and says so.
/// </summary>
public sealed class ChartsWithoutFontsTests(ITestOutputHelper output)
{
    const string ChildVariable = "NETWORKFUNCTIONS_TEST_NO_FONTS";
    const int CannotHideFonts = 77;

    [Fact]
    public void DrawsValidChartsWithoutAnyFontInstalled()
    {
        if (Environment.GetEnvironmentVariable(ChildVariable) == "1")
        {
            Assert.Null(ChartFonts.Family);
            AssertChartsAreValid();
            return;
        }

        if (!OperatingSystem.IsLinux() || Environment.UserName != "root" || !File.Exists("/usr/bin/unshare") || !Directory.Exists("/usr/share/fonts"))
        {
            output.WriteLine("Cannot hide the fonts here (needs root on Linux and unshare); checked the charts with the installed fonts.");
            AssertChartsAreValid();
            return;
        }

        (int exitCode, string log) = RunWithoutFonts();
        if (exitCode == CannotHideFonts)
        {
            output.WriteLine("This machine refuses a private mount namespace; checked the charts with the installed fonts.\n" + log);
            AssertChartsAreValid();
            return;
        }

        output.WriteLine(log);
        Assert.True(exitCode == 0, log);
        Assert.Contains("Passed:     1", log, StringComparison.Ordinal);
    }

    static void AssertChartsAreValid()
    {
        YearReport year = FullYear();
        foreach (byte[] png in new[] { ReportCharts.SurveyTrend(year, Language.Da), ReportCharts.Attendance(year, Language.Da), ReportCharts.SurveyTrend(Report(), Language.En) })
        {
            Assert.Equal((ReportCharts.Width, ReportCharts.Height), Png.Size(png));
            Assert.True(Png.Ink(png) > 0.005, "something is drawn");
        }

        Assert.True(Png.ColouredPixels(ReportCharts.SurveyTrend(year, Language.Da)) > 500, "the lines are drawn");
        Assert.True(Png.ColouredPixels(ReportCharts.Attendance(year, Language.Da)) > 5000, "the bars are drawn");
    }

    static (int ExitCode, string Log) RunWithoutFonts()
    {
        string assembly = typeof(ChartsWithoutFontsTests).Assembly.Location;
        string test = typeof(ChartsWithoutFontsTests).FullName + "." + nameof(DrawsValidChartsWithoutAnyFontInstalled);
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var start = new ProcessStartInfo("/usr/bin/unshare")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[]
                 {
                     "-m", "/bin/sh", "-c",
                     $"mount -t tmpfs none /usr/share/fonts || exit {CannotHideFonts}; exec \"$0\" test \"$1\" --filter \"FullyQualifiedName=$2\"",
                     dotnet, assembly, test,
                 })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment[ChildVariable] = "1";
        using Process process = Process.Start(start) ?? throw new InvalidOperationException("unshare did not start");
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            return (-1, "The child test run timed out.");
        }

        string log = stdout.Result + stderr.Result;
        // unshare itself refused (no CAP_SYS_ADMIN in this container): the same as a refused mount.
        return process.ExitCode != 0 && log.Contains("unshare failed", StringComparison.Ordinal) ? (CannotHideFonts, log) : (process.ExitCode, log);
    }
}
