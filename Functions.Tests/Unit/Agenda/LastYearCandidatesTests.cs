using System.Net;
using NetworkFunctions.Agenda;
using NetworkFunctions.Networks;
using NetworkFunctions.Rendering;
using static NetworkFunctions.Tests.Support.DomainFixtures;

namespace NetworkFunctions.Tests.Unit.Agenda;

/// <summary>Last year's waiting contributions (the kickoff's <c>carriedOver</c>) as candidates for the first agenda.</summary>
public sealed class LastYearCandidatesTests
{
    static readonly TemplateRenderer Renderer = new();
    static readonly Contribution Volunteers = new(ContributionType.Theme, "Frivillige <i> foreninger", "");
    static readonly Contribution Harbour = new(ContributionType.Case, "Havnen", "Kajen");

    static Network Year(params CarriedOverContribution[] carried) => Network() with { CarriedOver = carried };

    [Fact]
    public void Are_the_carried_over_contributions_by_current_members_from_last_year_submitted_at_the_kickoff()
    {
        Network year = Year(new("a", Volunteers), new("gone", Harbour), new("c", Harbour));

        IReadOnlyList<AgendaCandidate> candidates = LastYearCandidates.Of(year);

        Assert.Equal(
            [
                new AgendaCandidate("a", "Navn a", Teknik, Volunteers, Now, AgendaCandidate.LastYear),
                new AgendaCandidate("c", "Navn c", Sundhed, Harbour, Now, AgendaCandidate.LastYear),
            ],
            candidates);
        Assert.Equal(0, AgendaCandidate.LastYear);
        Assert.Empty(LastYearCandidates.Of(Network()));
    }

    [Fact]
    public void Claim_time_on_the_first_agenda_before_the_years_own_contributions()
    {
        Network year = Year(new CarriedOverContribution("a", Volunteers));
        Meeting first = year.Meetings[0];
        // Six new themes on distinct subjects from members who answered before the kickoff's time: only four fit.
        AgendaCandidate[] fresh = [.. AgendaFixtures.Subjects.Take(6).Select((s, i) => new AgendaCandidate("b", "Navn b", Born, new(ContributionType.Theme, s, ""), Now.AddMinutes(-10 + i), 1))];

        MeetingAgenda agenda = AgendaAssembler.Assemble(new AgendaInput(1, first.Start, first.End, true, [.. fresh, .. LastYearCandidates.Of(year)], []));

        Assert.Contains(agenda.Items, i => i.Kind == AgendaItemKind.Themes && i.Contributions.Any(c => c.FromMeeting == AgendaCandidate.LastYear));
        Assert.DoesNotContain(agenda.NotFitted, c => c.FromMeeting == AgendaCandidate.LastYear);
        Assert.NotEmpty(agenda.NotFitted);
    }

    [Theory]
    [InlineData(Language.Da, "videreført fra sidste år")]
    [InlineData(Language.En, "carried over from last year")]
    public void Are_marked_as_carried_over_from_last_year_on_the_agenda_and_in_the_workspace(Language language, string marker)
    {
        Network year = Year(new("a", Volunteers), new("c", Harbour));
        Meeting first = year.Meetings[0];
        MeetingAgenda agenda = AgendaAssembler.Assemble(new AgendaInput(1, first.Start, first.End, true, LastYearCandidates.Of(year), []));
        var context = new AgendaContext(year.Name, year.Organisation, null, first.Location, language, Copenhagen);

        (string html, string text) = AgendaPage.Render(Renderer, agenda, context);
        string workspace = WebUtility.HtmlDecode(new AgendaWorkspacePage(Renderer).Render(
            MeetingContext.Of(year with { Language = language }, 1), agenda, "/api/agenda/token", editable: true));

        Assert.Equal(2, WebUtility.HtmlDecode(html).Split(marker).Length - 1);
        Assert.Equal(2, text.Split(marker).Length - 1);
        Assert.Contains(marker, workspace, StringComparison.Ordinal);
        Assert.DoesNotContain(language == Language.Da ? "fra møde 0" : "from meeting 0", WebUtility.HtmlDecode(html) + text + workspace, StringComparison.Ordinal);
        Assert.Contains("Frivillige &lt;i&gt; foreninger", html, StringComparison.Ordinal);
    }
}
