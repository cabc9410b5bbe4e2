using System.Net;
using NetworkFunctions.Agenda;
using NetworkFunctions.Networks;
using NetworkFunctions.Rendering;
using NetworkFunctions.Reports;
using static NetworkFunctions.Tests.Unit.Reports.ReportData;

namespace NetworkFunctions.Tests.Unit.Reports;

/// <summary>What the report hands on to next year: the waiting contributions with their members, and how to get the draft kickoff.</summary>
public sealed class ReportNextYearTests
{
    static readonly TemplateRenderer Renderer = new();
    static readonly TimeZoneInfo Copenhagen = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");
    static readonly Dictionary<string, string> NoCharts = [];

    static (string Html, string Text) Render(Language language, string? networkId) =>
        YearReportPage.Render(Renderer, YearReport.From(new YearReportInput(Slagelse(), [], [])), new ReportContext("Netværk", "Kommune", language, Copenhagen, networkId), NoCharts);

    [Fact]
    public void Waiting_contributions_keep_the_member_who_raised_them_the_first_when_two_did()
    {
        InvitationAnswer first = Rsvp("m1", 1, Attendance.Yes) with { Contributions = [new(ContributionType.Theme, "Frivillige", ""), new(ContributionType.Case, "Havnen", "")] };
        InvitationAnswer second = Rsvp("m2", 2, Attendance.Yes) with { Contributions = [new(ContributionType.Theme, " frivillige", "")] };
        AgendaCandidate Of(InvitationAnswer a, int index) => new(a.MemberId, "Navn", Teknik, a.Contributions[index], a.SubmittedAt, a.Meeting);
        var agendas = new Dictionary<int, MeetingAgenda>
        {
            [1] = new(1, At(1), At(1), [new AgendaItem(At(1), At(1), AgendaItemKind.CaseSparring, "Havnen", [Of(first, 1)])], [], [Of(first, 0)]),
            [2] = new(2, At(2), At(2), [], [], [Of(first, 0), Of(second, 0)]),
        };

        IReadOnlyList<CarriedOverContribution> waiting = YearReport.WaitingOf(new YearReportInput(Slagelse(), [first, second], [], Agendas: agendas));

        Assert.Equal([new CarriedOverContribution("m1", first.Contributions[0])], waiting);
    }

    [Theory]
    [InlineData(Language.Da, "Næste år", "fås med funktionsnøglen")]
    [InlineData(Language.En, "Next year", "is yours with the function key")]
    public void Says_how_to_get_next_years_draft_kickoff_document(Language language, string heading, string sentence)
    {
        (string html, string text) = Render(language, "slagelse-samskabelse-2027");

        Assert.Contains($"<h2 style=\"{H2Style(html)}\">{heading}</h2>", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains(sentence, WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains("<span style=\"font-family:Consolas,'Courier New',monospace;font-size:13px;overflow-wrap:anywhere;\">POST /api/networks/slagelse-samskabelse-2027/next-year</span>", html, StringComparison.Ordinal);
        Assert.Contains(heading.ToUpperInvariant(), text, StringComparison.Ordinal);
        Assert.Contains("POST /api/networks/slagelse-samskabelse-2027/next-year", text, StringComparison.Ordinal);
        Assert.DoesNotContain("next-year", Render(language, null).Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Escapes_the_network_id_in_the_route()
    {
        (string html, _) = Render(Language.Da, "<b>x</b>");

        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Contains("/api/networks/%3Cb%3Ex%3C%2Fb%3E/next-year", html, StringComparison.Ordinal);
    }

    /// <summary>The style the template gives every h2 (read from the page, so the test does not copy it).</summary>
    static string H2Style(string html)
    {
        int start = html.IndexOf("<h2 style=\"", StringComparison.Ordinal) + "<h2 style=\"".Length;
        return WebUtility.HtmlDecode(html[start..html.IndexOf('"', start)]);
    }
}
