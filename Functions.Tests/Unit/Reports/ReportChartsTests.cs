using NetworkFunctions.Networks;
using NetworkFunctions.Reports;
using static NetworkFunctions.Tests.Unit.Reports.ReportData;

namespace NetworkFunctions.Tests.Unit.Reports;

public sealed class ReportChartsTests
{
    [Fact]
    public void DrawsTheSurveyTrendAsAPngOf720By360()
    {
        byte[] png = ReportCharts.SurveyTrend(FullYear(), Language.Da);

        Assert.True(Png.HasSignature(png));
        Assert.Equal((ReportCharts.Width, ReportCharts.Height), Png.Size(png));
        Assert.Equal((720, 360), Png.Size(png));
        Assert.True(Png.ColouredPixels(png) > 500, "the three coloured lines are drawn");
    }

    [Fact]
    public void DrawsTheAttendanceAsAPngOf720By360()
    {
        byte[] png = ReportCharts.Attendance(FullYear(), Language.En);

        Assert.Equal((720, 360), Png.Size(png));
        Assert.True(Png.ColouredPixels(png) > 5000, "the stacked bars are drawn");
        Assert.True(Png.Colours(png) > 10);
    }

    [Fact]
    public void DrawsDifferentChartsForDifferentData()
    {
        YearReport year = FullYear();
        YearReport other = Report([Rsvp("m1", 1, Attendance.Yes)], [Survey("m1", 1, 1, 1, 1), Survey("m1", 2, 5, 5, 5)]);

        Assert.NotEqual(ReportCharts.SurveyTrend(year, Language.Da), ReportCharts.SurveyTrend(other, Language.Da));
        Assert.NotEqual(ReportCharts.Attendance(year, Language.Da), ReportCharts.Attendance(other, Language.Da));
    }

    [Fact]
    public void DrawsTheSameChartForTheSameData()
    {
        Assert.Equal(ReportCharts.SurveyTrend(FullYear(), Language.Da), ReportCharts.SurveyTrend(FullYear(), Language.Da));
    }

    [Fact]
    public void WritesTheLabelsInTheNetworksLanguage()
    {
        YearReport year = FullYear();

        Assert.NotEqual(ReportCharts.SurveyTrend(year, Language.Da), ReportCharts.SurveyTrend(year, Language.En));
        Assert.NotEqual(ReportCharts.Attendance(year, Language.Da), ReportCharts.Attendance(year, Language.En));
    }

    [Fact]
    public void DrawsChartsWithoutAnyAnswers()
    {
        YearReport empty = Report();

        foreach (byte[] png in new[] { ReportCharts.SurveyTrend(empty, Language.Da), ReportCharts.Attendance(empty, Language.En) })
        {
            Assert.Equal((720, 360), Png.Size(png));
            Assert.True(Png.Ink(png) > 0.005, "axes, frame and the 'no answers' note are drawn");
        }
    }

    [Fact]
    public void DrawsChartsForAYearWithoutMeetings()
    {
        YearReport none = Report(network: Slagelse(meetings: []));

        Assert.Equal((720, 360), Png.Size(ReportCharts.SurveyTrend(none, Language.Da)));
        Assert.Equal((720, 360), Png.Size(ReportCharts.Attendance(none, Language.Da)));
    }

    [Fact]
    public void DrawsManyDepartmentsAndPeopleWhoAreNotMembers()
    {
        string[] departments = [.. Enumerable.Range(1, 14).Select(i => $"Center {i}")];
        Network network = Slagelse(members: [.. departments.Select((d, i) => Joined("m" + i, d))]) with { Departments = departments };
        List<InvitationAnswer> answers = [.. departments.Select((_, i) => Rsvp("m" + i, 1 + i % 4, Attendance.Yes)), Rsvp("director", 1, Attendance.Yes)];

        byte[] png = ReportCharts.Attendance(Report(answers, network: network), Language.Da);

        Assert.Equal((720, 360), Png.Size(png));
        Assert.True(Png.Colours(png) > 15);
    }

    [Fact]
    public void PrefersAPlainSansFont()
    {
        Assert.Equal("DejaVu Sans", ChartFonts.Choose(["DejaVu Serif", "DejaVu Sans Mono", "DejaVu Sans"]));
        Assert.Equal("Liberation Sans", ChartFonts.Choose(["Liberation Serif", "Liberation Sans"]));
        Assert.Equal("Noto Sans Display", ChartFonts.Choose(["Noto Sans Mono", "Noto Sans Display", "Z Serif"]));
        Assert.Equal("A Serif", ChartFonts.Choose(["Z Serif", "A Serif"]));
    }

    [Fact]
    public void ChoosesNoFontWhenNoneIsInstalled()
    {
        Assert.Null(ChartFonts.Choose([]));
        Assert.Null(ChartFonts.Choose(["", " "]));
    }
}
