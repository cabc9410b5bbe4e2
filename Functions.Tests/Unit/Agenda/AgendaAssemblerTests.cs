using System.Text.Json;
using NetworkFunctions.Agenda;
using NetworkFunctions.Networks;
using static NetworkFunctions.Tests.Unit.Agenda.AgendaFixtures;
using AgendaModel = NetworkFunctions.Agenda.MeetingAgenda;

namespace NetworkFunctions.Tests.Unit.Agenda;

public sealed class AgendaAssemblerTests
{
    static readonly TimeSpan HalfDay = TimeSpan.FromHours(3.5);

    /// <summary>Meeting lengths in seconds, 30 s to 5 h (0 stands for 30 s, so the list reads as a progression).</summary>
    public static readonly TheoryData<int> Lengths = new(
        0, 1, 30, 60, 61, 300, 3599, 5399, 5400, 5430, 5700, 5940, 6000, 7140, 7199, 7200, 7201, 9000, 10800, 12600, 12630, 12780, 14400, 16200, 18000);

    static AgendaModel Assemble(AgendaInput input) => AgendaAssembler.Assemble(input);

    static int Minutes(AgendaItem item) => (int)(item.End - item.Start).TotalMinutes;

    static void AssertTiles(AgendaInput input, AgendaModel agenda)
    {
        Assert.Equal(input.Start, agenda.Items[0].Start);
        Assert.Equal(input.End, agenda.Items[^1].End);
        for (int i = 1; i < agenda.Items.Count; i++)
        {
            Assert.Equal(agenda.Items[i - 1].End, agenda.Items[i].Start);
        }

        Assert.All(agenda.Items, item => Assert.True(item.End > item.Start, $"{item.Kind} {item.Start:O}–{item.End:O} is empty"));
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void TilesTheMeetingExactly(int seconds)
    {
        TimeSpan length = seconds == 0 ? TimeSpan.FromSeconds(30) : TimeSpan.FromSeconds(seconds);
        foreach (int count in new[] { 0, 1, 2, 3, 5, 8, 13, 21, 34, 60 })
        {
            foreach (bool welcome in new[] { false, true })
            {
                List<AgendaCandidate> candidates = Mix(count, seed: count * 31 + seconds);
                var input = Input(length, candidates, meeting: 3, welcome: welcome);

                AgendaModel agenda = Assemble(input);

                AssertTiles(input, agenda);
                Assert.Equal(welcome ? AgendaItemKind.DirectorWelcome : AgendaItemKind.CheckIn, agenda.Items[0].Kind);
                Assert.Equal(AgendaItemKind.NextSteps, agenda.Items[^1].Kind);
                AgendaItem challenges = Assert.Single(agenda.Items, i => i.Kind == AgendaItemKind.Challenges);
                Assert.Equal(candidates.Count(c => c.Contribution.Type == ContributionType.Challenge), challenges.Contributions.Count);
                Assert.Equal(
                    candidates.Order(CandidatePriority.Instance),
                    agenda.Items.SelectMany(i => i.Contributions).Concat(agenda.NotFitted).Order(CandidatePriority.Instance));
                Assert.DoesNotContain(agenda.NotFitted, c => c.Contribution.Type == ContributionType.Challenge);
                bool longEnough = length < AgendaAssembler.CompressedBelow || length >= TimeSpan.FromHours(2);
                Assert.Equal(longEnough ? 1 : 0, agenda.Items.Count(i => i.Kind == AgendaItemKind.Break));
            }
        }
    }

    [Fact]
    public void FollowsThePlanOfAHalfDay()
    {
        var input = Input(HalfDay, [Challenge("c", "Ingen tid", from: 1), Case("b", "Borgermøde i Korsør", from: 1), Theme("a", "Samskabelse", from: 1)], meeting: 1, welcome: true);

        AgendaModel agenda = Assemble(input);

        Assert.Equal(
            [AgendaItemKind.DirectorWelcome, AgendaItemKind.CheckIn, AgendaItemKind.ExpertInput, AgendaItemKind.Themes, AgendaItemKind.Break,
             AgendaItemKind.CaseSparring, AgendaItemKind.Challenges, AgendaItemKind.NextSteps],
            agenda.Items.Select(i => i.Kind));
        Assert.Equal(
            [("09:00", 15), ("09:15", 15), ("09:30", 30), ("10:00", 20 + 25), ("10:45", 15), ("11:00", 25 + 25), ("11:50", 25), ("12:15", 15)],
            agenda.Items.Select(i => (i.Start.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), Minutes(i))));
        Assert.Equal("Samskabelse", agenda.Items[3].GroupTitle);
        Assert.Equal("Borgermøde i Korsør", agenda.Items[5].GroupTitle);
        Assert.Empty(agenda.NotFitted);
    }

    [Fact]
    public void OpensWithTheDirectorsWelcomeOnlyWhenAsked()
    {
        AgendaModel with = Assemble(Input(HalfDay, [], meeting: 1, welcome: true));
        AgendaModel without = Assemble(Input(HalfDay, [], meeting: 1, welcome: false));

        Assert.Equal(AgendaItemKind.DirectorWelcome, with.Items[0].Kind);
        Assert.Equal(AgendaAssembler.DirectorWelcomeMinutes, Minutes(with.Items[0]));
        Assert.Equal(AgendaItemKind.CheckIn, with.Items[1].Kind);
        Assert.DoesNotContain(without.Items, i => i.Kind == AgendaItemKind.DirectorWelcome);
        Assert.Equal(AgendaItemKind.CheckIn, without.Items[0].Kind);
    }

    [Fact]
    public void AlwaysHasTheChallengesSlot()
    {
        AgendaModel empty = Assemble(Input(HalfDay, []));
        var many = Enumerable.Range(0, 12).Select(i => Challenge($"m{i:D2}", "Frustration " + i, minute: 12 - i)).ToList();
        AgendaModel full = Assemble(Input(HalfDay, many));

        AgendaItem none = Assert.Single(empty.Items, i => i.Kind == AgendaItemKind.Challenges);
        Assert.Empty(none.Contributions);
        Assert.Equal(AgendaAssembler.ChallengesMinutes, Minutes(none));
        Assert.Equal(AgendaItemKind.Challenges, empty.Items[^2].Kind);
        AgendaItem all = Assert.Single(full.Items, i => i.Kind == AgendaItemKind.Challenges);
        Assert.Equal(many.OrderBy(c => c.SubmittedAt).Select(c => c.MemberId), all.Contributions.Select(c => c.MemberId));
        Assert.Empty(full.NotFitted);
    }

    [Theory]
    [InlineData(90, false)]
    [InlineData(119, false)]
    [InlineData(120, true)]
    [InlineData(210, true)]
    [InlineData(300, true)]
    [InlineData(1, true)]
    public void BreaksMeetingsOfTwoHoursOrMore(int minutes, bool expected)
    {
        AgendaModel agenda = Assemble(Input(TimeSpan.FromMinutes(minutes), Enumerable.Range(0, 4).Select(i => Theme($"m{i}", Subjects[i])).ToList()));

        Assert.Equal(expected, agenda.Items.Any(i => i.Kind == AgendaItemKind.Break));
    }

    [Fact]
    public void PutsTheBreakAtTheBoundaryNearestTheMiddle()
    {
        AgendaModel agenda = Assemble(Input(HalfDay, Enumerable.Range(0, 6).Select(i => Theme($"m{i}", Subjects[i], minute: i)).ToList()));

        // Check-in 15, expert 30, themes 25+25+20+20+20 (10 minutes left over): the middle (10:45) is nearest 10:35.
        AgendaItem pause = Assert.Single(agenda.Items, i => i.Kind == AgendaItemKind.Break);
        Assert.Equal(Start.AddMinutes(95), pause.Start);
        Assert.Equal(Start.AddMinutes(110), pause.End);
        Assert.Equal(AgendaItemKind.Themes, agenda.Items[agenda.Items.ToList().IndexOf(pause) + 1].Kind);
    }

    [Fact]
    public void TakesBiggerGroupsThenCarriedOverThenEarliest()
    {
        var candidates = new List<AgendaCandidate>
        {
            Theme("new-early", Subjects[0], minute: 0),
            Theme("carried-late", Subjects[1], minute: 50, from: 1),
            Theme("pair-1", Subjects[2], minute: 90),
            Candidate("pair-2", ContributionType.Experience, Subjects[2].ToUpperInvariant(), minute: 91),
            Case("case-carried", "Lokalrådet i Skælskør", minute: 80, from: 1),
            Theme("new-late", Subjects[3], minute: 10),
        };

        AgendaModel agenda = Assemble(Input(TimeSpan.FromHours(10), candidates));

        Assert.Equal(
            [Subjects[2], Subjects[1], Subjects[0], Subjects[3], "Lokalrådet i Skælskør"],
            agenda.Items.Where(i => i.Kind is AgendaItemKind.Themes or AgendaItemKind.CaseSparring).Select(i => i.GroupTitle));
        Assert.Equal(["pair-1", "pair-2"], agenda.Items.First(i => i.Kind == AgendaItemKind.Themes).Contributions.Select(c => c.MemberId));
    }

    [Fact]
    public void CarriesOverWhatDoesNotFitInPriorityOrder()
    {
        // A half-day has 110 minutes for variable blocks: the pair (20), three carried-over (20 + 25 + 20), one new theme (20).
        var candidates = new List<AgendaCandidate>
        {
            Theme("t1", Subjects[0], minute: 1),
            Theme("t2", Subjects[1], minute: 2),
            Theme("t3", Subjects[2], minute: 3),
            Theme("t4", Subjects[3], minute: 4),
            Theme("t5", Subjects[4], minute: 5),
            Theme("old", Subjects[5], minute: 90, from: 1),
            Case("case-old", "Byfornyelse", minute: 95, from: 1),
            Case("case-new", "Vandløb", minute: 2),
            Theme("p1", Subjects[6], minute: 100),
            Theme("p2", Subjects[6] + "!", minute: 101),
            Theme("older", Subjects[7], minute: 99, from: 1),
        };

        AgendaModel agenda = Assemble(Input(HalfDay, candidates, meeting: 2));

        Assert.Equal(
            [Subjects[6], Subjects[5], Subjects[7], Subjects[0], "Byfornyelse"],
            agenda.Items.Where(i => i.Kind is AgendaItemKind.Themes or AgendaItemKind.CaseSparring).Select(i => i.GroupTitle));
        Assert.Equal(["case-new", "t2", "t3", "t4", "t5"], agenda.NotFitted.Select(c => c.MemberId));
    }

    [Fact]
    public void ListsCarriedOverCandidatesFirstAmongThoseThatDoNotFit()
    {
        // Six new pairs outrank the singles; five fit (100 of 110 minutes), the sixth pair and every single do not.
        var candidates = Enumerable.Range(0, 6)
            .SelectMany(i => new[] { Theme($"p{i}a", Subjects[i], minute: i, from: 3), Theme($"p{i}b", Subjects[i] + "?", minute: 10 + i, from: 3) })
            .ToList();
        candidates.Add(Theme("single", Subjects[11], minute: 0, from: 3));
        candidates.Add(Case("carried-case", "Byfornyelse", minute: 600, from: 2));
        candidates.Add(Theme("carried", Subjects[10], minute: 500, from: 1));

        AgendaModel agenda = Assemble(Input(HalfDay, candidates, meeting: 3));

        Assert.Equal(Subjects[..5], agenda.Items.Where(i => i.Kind == AgendaItemKind.Themes).Select(i => i.GroupTitle));
        Assert.Equal(["carried", "carried-case", "p5a", "p5b", "single"], agenda.NotFitted.Select(c => c.MemberId));
    }

    [Fact]
    public void SkipsABlockThatDoesNotFitButTakesASmallerOne()
    {
        // 202 minutes leave 102 for variable blocks: four themes take 80, the case (25) does not fit in 22, a fifth theme does.
        var candidates = Enumerable.Range(0, 5).Select(i => Theme($"t{i}", Subjects[i], minute: i)).ToList();
        candidates.Add(Case("case", "Byfornyelse", minute: 4));

        AgendaModel agenda = Assemble(Input(TimeSpan.FromMinutes(202), candidates));

        Assert.Equal(["t0", "t1", "t2", "t3", "t4"], agenda.Items.Where(i => i.Kind == AgendaItemKind.Themes).Select(i => i.Contributions[0].MemberId));
        Assert.DoesNotContain(agenda.Items, i => i.Kind == AgendaItemKind.CaseSparring);
        Assert.Equal("case", Assert.Single(agenda.NotFitted).MemberId);
        Assert.Equal(AgendaAssembler.NextStepsMinutes + 2, Minutes(agenda.Items[^1]));
    }

    [Fact]
    public void SpreadsLeftoverTimeInFiveMinuteStepsWithTheRestToNextSteps()
    {
        // 213 minutes: 113 for variable blocks, five themes take 100, 13 are left: 5 + 5 to the first two themes, 3 to next steps.
        AgendaModel agenda = Assemble(Input(TimeSpan.FromMinutes(213), Enumerable.Range(0, 5).Select(i => Theme($"t{i}", Subjects[i], minute: i)).ToList()));

        Assert.Equal([25, 25, 20, 20, 20], agenda.Items.Where(i => i.Kind == AgendaItemKind.Themes).Select(Minutes));
        Assert.Equal(AgendaAssembler.NextStepsMinutes + 3, Minutes(agenda.Items[^1]));
        Assert.Equal(AgendaAssembler.ExpertInputMinutes, Minutes(Assert.Single(agenda.Items, i => i.Kind == AgendaItemKind.ExpertInput)));
    }

    [Fact]
    public void GivesLeftoverTimeToTheExpertInputWhenThereAreNoThemesOrCases()
    {
        AgendaModel agenda = Assemble(Input(TimeSpan.FromMinutes(212), [Challenge("c", "Silotænkning")]));

        // 212 − (15 + 30 + 15 + 25 + 15) = 112: 110 to the expert input, 2 to the next steps.
        Assert.Equal(30 + 110, Minutes(Assert.Single(agenda.Items, i => i.Kind == AgendaItemKind.ExpertInput)));
        Assert.Equal(15 + 2, Minutes(agenda.Items[^1]));
    }

    [Fact]
    public void ShortensTheExpertInputWhenAShortMeetingCannotHoldTheFixedBlocks()
    {
        var input = Input(TimeSpan.FromMinutes(90), [Theme("a", "Samskabelse")], meeting: 1, welcome: true);

        AgendaModel agenda = Assemble(input);

        AssertTiles(input, agenda);
        Assert.Equal(20, Minutes(Assert.Single(agenda.Items, i => i.Kind == AgendaItemKind.ExpertInput)));
        Assert.Equal("a", Assert.Single(agenda.NotFitted).MemberId);
    }

    [Fact]
    public void EndsExactlyWhenTheMeetingDoesNotLastWholeMinutes()
    {
        var input = Input(TimeSpan.FromMinutes(150.5), [Theme("a", "Samskabelse")]);

        AgendaModel agenda = Assemble(input);

        AssertTiles(input, agenda);
        Assert.Equal(TimeSpan.FromMinutes(15.5), agenda.Items[^1].End - agenda.Items[^1].Start);
    }

    [Fact]
    public void MapsACompressedMeetingLinearlyOntoANominalHalfDay()
    {
        List<AgendaCandidate> candidates = Mix(30, seed: 3);
        TimeSpan compressed = TimeSpan.FromSeconds(30);

        AgendaModel real = Assemble(Input(HalfDay, candidates, meeting: 3, welcome: true));
        AgendaModel demo = Assemble(Input(compressed, candidates, meeting: 3, welcome: true));

        Assert.True(AgendaAssembler.IsCompressed(Start, Start + compressed));
        Assert.False(AgendaAssembler.IsCompressed(Start, Start + TimeSpan.FromMinutes(90)));
        Assert.Equal(real.Items.Select(i => (i.Kind, i.GroupTitle, i.Contributions.Count)), demo.Items.Select(i => (i.Kind, i.GroupTitle, i.Contributions.Count)));
        Assert.Equal(real.NotFitted, demo.NotFitted);
        Assert.Equal(
            real.Items.Select(i => Start.AddTicks(compressed.Ticks * (long)(i.Start - Start).TotalMinutes / AgendaAssembler.NominalCompressedMinutes)),
            demo.Items.Select(i => i.Start));
        Assert.Equal(Start + compressed, demo.Items[^1].End);
    }

    [Fact]
    public void CountsAttendanceByDepartment()
    {
        AttendanceEntry[] attendance =
        [
            new(Teknik, Attendance.Yes), new(Teknik, Attendance.Yes), new(Teknik, Attendance.No), new(Teknik, null),
            new(Skole, Attendance.Maybe), new(Skole, null), new(Skole, null),
            new(Borger, Attendance.No), new("center for borgerservice", Attendance.Yes),
        ];

        AgendaModel agenda = Assemble(Input(HalfDay, [], attendance: attendance));

        Assert.Equal(
            [new DepartmentAttendance(Borger, 1, 0, 1, 0), new DepartmentAttendance(Skole, 0, 1, 0, 2), new DepartmentAttendance(Teknik, 2, 0, 1, 1)],
            agenda.AttendanceByDepartment);
        Assert.Equal(attendance.Length, agenda.AttendanceByDepartment.Sum(d => d.Total));
    }

    [Fact]
    public void IsDeterministic()
    {
        List<AgendaCandidate> candidates = Mix(45, seed: 11);
        AttendanceEntry[] attendance = [new(Teknik, Attendance.Yes), new(Skole, null), new(Borger, Attendance.Maybe), new(Teknik, Attendance.No)];
        string expected = JsonSerializer.Serialize(Assemble(Input(HalfDay, candidates, meeting: 3, attendance: attendance)));

        for (int seed = 0; seed < 10; seed++)
        {
            var random = new Random(seed);
            var shuffled = Input(HalfDay, candidates.OrderBy(_ => random.Next()).ToList(), meeting: 3, attendance: attendance.OrderBy(_ => random.Next()).ToList());
            Assert.Equal(expected, JsonSerializer.Serialize(Assemble(shuffled)));
        }
    }

    [Fact]
    public void GroupsThemesAndExperiencesOnOneSubjectButNotCases()
    {
        var candidates = new List<AgendaCandidate>
        {
            Theme("a", "Samskabelse i landdistrikterne"),
            Candidate("b", ContributionType.Experience, "Erfaringer: samskabelse i landdistrikter", minute: 1),
            Case("c", "Samskabelse i landdistrikterne", minute: 2),
            Case("d", "Samskabelse i landdistrikterne", minute: 3),
        };

        AgendaModel agenda = Assemble(Input(HalfDay, candidates));

        Assert.Equal(["a", "b"], Assert.Single(agenda.Items, i => i.Kind == AgendaItemKind.Themes).Contributions.Select(c => c.MemberId));
        Assert.Equal(["c", "d"], agenda.Items.Where(i => i.Kind == AgendaItemKind.CaseSparring).Select(i => Assert.Single(i.Contributions).MemberId));
    }

    [Fact]
    public void SurvivesAJsonRoundTrip()
    {
        AgendaModel agenda = Assemble(Input(HalfDay, Mix(20, seed: 5), meeting: 3, attendance: [new(Teknik, Attendance.Yes), new(Skole, null)]));
        var web = new JsonSerializerOptions(JsonSerializerDefaults.Web);

        AgendaModel copy = JsonSerializer.Deserialize<AgendaModel>(JsonSerializer.Serialize(agenda, web), web)!;

        Assert.Equal(JsonSerializer.Serialize(agenda, web), JsonSerializer.Serialize(copy, web));
    }

    [Fact]
    public void RefusesAMeetingThatDoesNotEndAfterItStarts()
    {
        Assert.Throws<ArgumentException>(() => Assemble(Input(TimeSpan.Zero, [])));
        Assert.Throws<ArgumentException>(() => Assemble(Input(TimeSpan.FromMinutes(-5), [])));
        Assert.Throws<ArgumentOutOfRangeException>(() => Assemble(Input(HalfDay, [], meeting: 0)));
        Assert.Throws<ArgumentException>(() => Assemble(Input(HalfDay, [Theme("a", "Samskabelse") with { Contribution = new Contribution(ContributionType.Theme, null!, "") }])));
    }
}
