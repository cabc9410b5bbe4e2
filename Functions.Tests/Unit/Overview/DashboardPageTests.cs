using System.Net;
using System.Text.RegularExpressions;
using NetworkFunctions.Networks;
using NetworkFunctions.Overview;
using NetworkFunctions.Rendering;
using NetworkFunctions.Tests.Unit.Reports;
using static NetworkFunctions.Tests.Unit.Overview.DashboardData;
using static NetworkFunctions.Tests.Support.DomainFixtures;

namespace NetworkFunctions.Tests.Unit.Overview;

public sealed partial class DashboardPageTests
{
    const string Script = "<script>alert(1)</script>";
    const string Breakout = "\"><img src=x onerror=alert(1)>";

    static readonly TemplateRenderer Renderer = new();

    /// <summary>The HTML as a reader sees it: entities decoded.</summary>
    static string Shown(string html) => WebUtility.HtmlDecode(html);

    [Fact]
    public void Shows_the_absence_warnings_in_their_own_section_with_names_encoded()
    {
        Network year = Year(members: [Member("a", Teknik), Member("b", Born) with { Name = "Bo <b>Berg</b>" }]);
        DashboardInput input = Input(year, meetings:
        [
            Snapshot(1, invited: ["a", "b"], answers: [Answer("a", 1, Attendance.Yes)]),
            Snapshot(2, invited: ["a", "b"], answers: [Answer("a", 2, Attendance.Yes)]),
            Snapshot(3),
        ]) with { Now = At("2027-05-01T10:00:00+02:00") };

        string html = DashboardPage.Render(Renderer, input);

        Assert.Contains("<h2 id=\"absences-heading\"", html, StringComparison.Ordinal);
        Assert.Contains("Bo &lt;b&gt;Berg&lt;/b&gt; (Center for Børn &amp; Unge) var hverken med til møde 1 eller 2.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("absences-heading", DashboardPage.Render(Renderer, Input()), StringComparison.Ordinal);
    }

    [Fact]
    public void EscapesMemberNamesAndDepartments()
    {
        Member answered = new("a", Script, "a@example.dk", Teknik, Now);
        Member waiting = new("b", Breakout, "b@example.dk", Script, Now);
        DashboardInput input = Input(Year(members: [answered, waiting]), [
            Snapshot(1, "collecting", invited: ["a", "b"], answers: [Answer("a", 1, Attendance.Yes) with { Contributions = [new Contribution(ContributionType.Theme, Breakout, Script)] }]),
            Snapshot(2),
            Snapshot(3),
        ]);

        string html = DashboardPage.Render(Renderer, input);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains(Script, Shown(html), StringComparison.Ordinal);
        Assert.Contains(Breakout, Shown(html), StringComparison.Ordinal);
        Assert.Contains("Tema: &quot;&gt;&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void RendersInDanishByDefault()
    {
        string html = DashboardPage.Render(Renderer, Input());

        Assert.Contains("<html lang=\"da\">", html, StringComparison.Ordinal);
        Assert.Contains("Overblik: Læringsnetværk for samskabelse", Shown(html), StringComparison.Ordinal);
        Assert.Contains("Årets møder", Shown(html), StringComparison.Ordinal);
        Assert.Contains("Mangler at svare til møde 1", Shown(html), StringComparison.Ordinal);
        Assert.Contains("Center for Økonomi &amp; Digitalisering", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Have not answered", html, StringComparison.Ordinal);
    }

    [Fact]
    public void RendersInEnglishForAnEnglishNetwork()
    {
        string html = DashboardPage.Render(Renderer, Input(Year(Language.En)));

        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("Dashboard: Læringsnetværk for samskabelse", Shown(html), StringComparison.Ordinal);
        Assert.Contains("The year's meetings", Shown(html), StringComparison.Ordinal);
        Assert.Contains("Have not answered for meeting 1", Shown(html), StringComparison.Ordinal);
        Assert.DoesNotContain("Årets møder", Shown(html), StringComparison.Ordinal);
    }

    [Fact]
    public void IsAnAccessiblePageWithoutScript()
    {
        string html = DashboardPage.Render(Renderer, Input());

        Assert.Single(Regex.Matches(html, "<h1"));
        Assert.True(Regex.Matches(html, "<h2").Count >= 6, "a heading per section and meeting");
        Assert.Equal(Regex.Matches(html, "<table").Count, Regex.Matches(html, "<caption").Count);
        Assert.DoesNotMatch("<th(?=[\\s>])(?![^>]*scope=\"(col|row)\")", html);
        Assert.Contains("aria-current=\"step\"", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"viewport\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(" on[a-z]+=", html);
    }

    [Fact]
    public void Puts_the_year_at_a_glance_first_and_folds_the_long_lists_away()
    {
        string html = DashboardPage.Render(Renderer, Input(), DashboardCharts.Attendance);

        int glance = html.IndexOf("id=\"year-heading\"", StringComparison.Ordinal);
        int grid = html.IndexOf("id=\"attendance-heading\"", StringComparison.Ordinal);
        int firstMeeting = html.IndexOf("id=\"meeting-1\"", StringComparison.Ordinal);
        Assert.True(glance >= 0 && glance < grid && grid < firstMeeting, "the glance, then the grid, then the meetings");
        Assert.Contains("<main class=\"wide\">", html, StringComparison.Ordinal);

        // A row per meeting, its figures as text with a bar that screen readers skip.
        string table = html[glance..grid];
        Assert.Equal(3, Regex.Matches(table, "<tr><th scope=\"row\"").Count);
        Assert.Contains("1 af 4<span class=\"bar\" aria-hidden=\"true\"><span style=\"width:25%\"></span></span>", table, StringComparison.Ordinal);

        // The answer tables and the chart are folded; the folds hold every table of names.
        Assert.Equal(3, Regex.Matches(html, "<details><summary>Tidslinje og hvem der har svaret</summary>").Count);
        string meeting1 = html[firstMeeting..html.IndexOf("id=\"meeting-2\"", StringComparison.Ordinal)];
        Assert.True(meeting1.IndexOf("<details>", StringComparison.Ordinal) < meeting1.IndexOf("Mangler at svare til møde 1", StringComparison.Ordinal));
        Assert.Matches("<details><summary>Vis som diagram</summary>\\s*<p><img src=\"data:image/png", html);
    }

    [Fact]
    public void ShowsTheAttendanceChartAsAnInlinePngWithAltTextAndTheNumbersAsATable()
    {
        string html = DashboardPage.Render(Renderer, Input(), DashboardCharts.Attendance);

        Match image = ImageTag().Match(html);
        Assert.True(image.Success, "an inline PNG");
        byte[] png = Convert.FromBase64String(image.Groups["data"].Value);
        Assert.Equal((DashboardCharts.Width, DashboardCharts.Height), Png.Size(png));
        Assert.True(Png.Colours(png) > 2, "the chart draws something");
        Assert.StartsWith("Søjlediagram", Shown(image.Groups["alt"].Value), StringComparison.Ordinal);
        Assert.Contains("Antal medlemmer, der kom (efter referatets fremmødeliste, ellers tilmeldingerne), pr. center og møde", Shown(html), StringComparison.Ordinal);
    }

    [Fact]
    public void DrawsTheChartWhenNobodyHasSaidYes()
    {
        DashboardInput input = Input(meetings: [Snapshot(1), Snapshot(2), Snapshot(3)]);

        byte[] png = DashboardCharts.Attendance(DepartmentAttendance.Of(input.Network, input.Meetings), Language.En);

        Assert.True(Png.HasSignature(png));
    }

    [GeneratedRegex("<img src=\"data:image/png;base64,(?<data>[A-Za-z0-9+/=]+)\" alt=\"(?<alt>[^\"]+)\"")]
    private static partial Regex ImageTag();
}
