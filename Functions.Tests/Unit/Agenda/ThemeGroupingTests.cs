using NetworkFunctions.Agenda;
using static NetworkFunctions.Tests.Unit.Agenda.AgendaFixtures;

namespace NetworkFunctions.Tests.Unit.Agenda;

public sealed class ThemeGroupingTests
{
    [Fact]
    public void GroupsTheSameSubjectPhrasedDifferently()
    {
        var groups = ThemeGrouping.Group(
        [
            Theme("a", "Samskabelse i landdistrikterne"),
            Theme("b", "Landdistrikter og samskabelse", minute: 1),
            Theme("c", "SAMSKABELSE i landdistrikter?!", minute: 2),
        ]);

        var group = Assert.Single(groups);
        Assert.Equal(["a", "b", "c"], group.Candidates.Select(c => c.MemberId));
    }

    [Fact]
    public void GroupsEnglishPhrasingsOfOneSubject()
    {
        Assert.True(ThemeGrouping.SameSubject("Involving citizens early", "Early involvement of citizens"));
        Assert.True(ThemeGrouping.SameSubject("Volunteers' stories", "A volunteer story"));
        Assert.False(ThemeGrouping.SameSubject("Involving citizens early", "Budgets for rural areas"));
    }

    [Fact]
    public void KeepsDifferentSubjectsApart()
    {
        var groups = ThemeGrouping.Group(Subjects.Select((s, i) => Theme($"m{i:D2}", s, minute: i)).ToList());

        Assert.Equal(Subjects.Length, groups.Count);
        Assert.Equal(Subjects, groups.Select(g => g.Title));
    }

    [Theory]
    [InlineData("borger", "borgerne")]
    [InlineData("borgeren", "borgernes")]
    [InlineData("borgere", "borgerens")]
    [InlineData("tema", "temaerne")]
    [InlineData("temaet", "temaer")]
    [InlineData("netværk", "netværkene")]
    [InlineData("netværket", "netværkets")]
    [InlineData("samskabelse", "samskabelsen")]
    [InlineData("samskabelser", "samskabelses")]
    [InlineData("udfordring", "udfordringerne")]
    [InlineData("erfaring", "erfaringer")]
    [InlineData("møde", "møderne")]
    [InlineData("by", "byen")]
    [InlineData("case", "casen")]
    [InlineData("case", "cases")]
    [InlineData("landdistrikt", "landdistrikterne")]
    [InlineData("citizen", "citizens")]
    [InlineData("story", "stories")]
    [InlineData("process", "processes")]
    public void FoldsDefiniteAndPluralForms(string one, string other)
    {
        Assert.Equal(ThemeGrouping.Keywords(one).Order(StringComparer.Ordinal), ThemeGrouping.Keywords(other).Order(StringComparer.Ordinal));
        Assert.Single(ThemeGrouping.Keywords(one));
    }

    [Fact]
    public void IgnoresPunctuationCaseAndStopWords()
    {
        Assert.Equal(["borg", "inddrag"], ThemeGrouping.Keywords("Hvordan inddrager vi BORGERNE?!").Order(StringComparer.Ordinal));
        Assert.Equal(["borg", "inddrag"], ThemeGrouping.Keywords("  inddrager... borgerne  ").Order(StringComparer.Ordinal));
        Assert.Equal(["citiz", "involv"], ThemeGrouping.Keywords("How do we involve the citizens?").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void KeepsWordsThatOnlyLookLikeStopWords()
    {
        Assert.Equal(["eksperiment", "mod"], ThemeGrouping.Keywords("Mod til at eksperimentere").Order(StringComparer.Ordinal));
        Assert.True(ThemeGrouping.SameSubject("Modet til at eksperimentere", "Mod til eksperimenter"));
        Assert.Equal(["by", "moed", "vand"], ThemeGrouping.Keywords("Byen møder vandet").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void KeepsTheDanishLettersMeaningful()
    {
        Assert.False(ThemeGrouping.SameSubject("Møde", "Mode"));
        Assert.False(ThemeGrouping.SameSubject("Går", "Gar"));
        Assert.True(ThemeGrouping.SameSubject("Åbenrå", "Aabenraa"));
        Assert.True(ThemeGrouping.SameSubject("Ældre", "AELDRE"));
        Assert.True(ThemeGrouping.SameSubject("Café-kultur", "cafekultur"));
        Assert.True(ThemeGrouping.SameSubject("Café", "Cafe\u0301"));
    }

    [Fact]
    public void JoinsHyphenatedCompoundsAndApostrophes()
    {
        Assert.True(ThemeGrouping.SameSubject("Samskabelses-ambassadør", "Samskabelsesambassadører"));
        Assert.True(ThemeGrouping.SameSubject("Citizens' panels", "citizen panel"));
        Assert.Equal(["samskabelsesambassado"], ThemeGrouping.Keywords("Samskabelses\u2011ambassadøren"));
    }

    [Fact]
    public void GroupsATitleContainedInAnother()
    {
        Assert.True(ThemeGrouping.SameSubject("Samskabelse", "Samskabelse i landdistrikterne med frivillige"));
        Assert.False(ThemeGrouping.SameSubject("Samskabelse med frivillige", "Samskabelse i landdistrikterne og lokalråd"));
    }

    [Fact]
    public void ChainsGroupsBySingleLinkage()
    {
        var groups = ThemeGrouping.Group(
        [
            Theme("a", "Samskabelse med frivillige"),
            Theme("b", "Samskabelse i landdistrikterne og lokalråd", minute: 1),
            Theme("c", "Samskabelse", minute: 2),
            Theme("d", "Budgetter", minute: 3),
        ]);

        Assert.Equal(2, groups.Count);
        Assert.Equal(["a", "b", "c"], groups[0].Candidates.Select(c => c.MemberId));
        Assert.Equal("d", Assert.Single(groups[1].Candidates).MemberId);
    }

    [Fact]
    public void GroupsTitlesOfOnlyStopWordsOnlyWithTheSameWords()
    {
        Assert.Empty(ThemeGrouping.Keywords("Hvad nu?"));
        Assert.True(ThemeGrouping.SameSubject("Hvad nu?", "hvad NU"));
        Assert.False(ThemeGrouping.SameSubject("Hvad nu?", "Og så?"));
        Assert.False(ThemeGrouping.SameSubject("Hvad nu?", "Samskabelse"));
    }

    [Fact]
    public void TitlesAGroupByItsMostCommonTitle()
    {
        var groups = ThemeGrouping.Group(
        [
            Theme("a", "Landdistrikter og samskabelse", minute: 0),
            Theme("b", "samskabelse i landdistrikterne ", minute: 5),
            Theme("c", "Samskabelse i landdistrikterne", minute: 3),
        ]);

        Assert.Equal("Samskabelse i landdistrikterne", Assert.Single(groups).Title);
    }

    [Fact]
    public void BreaksTitleTiesByTheEarliestSubmission()
    {
        var groups = ThemeGrouping.Group(
        [
            Theme("a", "Landdistrikter og samskabelse", minute: 4),
            Theme("b", "Samskabelse i landdistrikterne", minute: 2),
        ]);

        Assert.Equal("Samskabelse i landdistrikterne", Assert.Single(groups).Title);
    }

    [Fact]
    public void ListsCarriedOverCandidatesFirstThenByTime()
    {
        var groups = ThemeGrouping.Group(
        [
            Theme("a", "Samskabelse", minute: 1),
            Theme("b", "samskabelsen", minute: 9, from: 1),
            Theme("c", "Samskabelse!", minute: 0),
        ]);

        Assert.Equal(["b", "c", "a"], Assert.Single(groups).Candidates.Select(c => c.MemberId));
    }

    [Fact]
    public void DoesNotDependOnTheInputOrder()
    {
        var candidates = Mix(40, seed: 7).Where(c => c.Contribution.Type != NetworkFunctions.Networks.ContributionType.Challenge).ToList();
        string Describe(IReadOnlyList<ThemeGroup> groups) =>
            string.Join("\n", groups.Select(g => g.Title + ": " + string.Join(",", g.Candidates.Select(c => c.MemberId + "/" + c.Contribution.Title))));

        string expected = Describe(ThemeGrouping.Group(candidates));
        for (int seed = 0; seed < 10; seed++)
        {
            var random = new Random(seed);
            Assert.Equal(expected, Describe(ThemeGrouping.Group(candidates.OrderBy(_ => random.Next()).ToList())));
        }
    }
}
