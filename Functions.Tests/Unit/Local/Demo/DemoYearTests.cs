using System.Text.Json;
using System.Text.Json.Nodes;
using NetworkFunctions.Agenda;
using NetworkFunctions.Kickoff;
using NetworkFunctions.Networks;
using NetworkFunctions.Validation;
using NetworkFunctions.Local.Demo;
using NetworkFunctions.Tests.Support;

namespace NetworkFunctions.Tests.Unit.Local.Demo;

/// <summary>The demo's compressed year (<c>--demo</c>) and its simulated members, without running them.</summary>
public sealed class DemoYearTests
{
    static readonly DateTimeOffset Now = new(2027, 1, 4, 8, 0, 0, 250, TimeSpan.Zero);

    static JsonObject Sample() =>
        (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, DemoRunner.SamplePath)))!;

    static (Network? Network, FieldErrors Errors) Parse(DemoYearPlan plan)
    {
        using JsonDocument document = JsonDocument.Parse(plan.Document.ToJsonString());
        int id = 0;
        return KickoffParser.Parse(document.RootElement, Now, () => $"m{++id}", () => "x");
    }

    [Fact]
    public void The_compressed_sample_is_a_valid_kickoff_with_six_meetings_within_ten_minutes()
    {
        DemoYearPlan plan = DemoYear.Build(Sample(), Now, "123456");

        (Network? network, FieldErrors errors) = Parse(plan);

        Assert.True(errors.IsEmpty, string.Join("; ", errors.ToDictionary().Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")));
        Assert.NotNull(network);
        Assert.Equal("slagelse-samskabelse-2027-123456", network.Id);
        Assert.Equal(6, network.Meetings.Count);
        Assert.All(network.Meetings, m => Assert.True(m.Start > Now && m.End > m.Start));
        Assert.True(network.Meetings[^1].End <= Now.AddMinutes(10), $"the last meeting ends at {network.Meetings[^1].End:HH:mm:ss}");
        Assert.True(plan.SurveysCloseAt <= Now.AddMinutes(10.5), "the last survey closes within about ten minutes");
        Assert.Equal("Hvad er samskabelse – og hvad er det ikke?", network.Meetings[0].Title);
    }

    [Fact]
    public void Every_meeting_leaves_room_to_answer_at_once_and_after_the_reminder_and_its_survey_closes_before_the_next_survey_opens()
    {
        DemoYearPlan plan = DemoYear.Build(Sample(), Now, "123456");
        Network network = Parse(plan).Network!;

        var timelines = network.Meetings.Select(m => MeetingTimeline.For(m, network.Schedule, network.Zone)).ToList();

        Assert.All(timelines, t =>
        {
            DateTimeOffset reminder = Assert.Single(t.RemindersAt);
            Assert.True(reminder - t.InvitationAt >= TimeSpan.FromSeconds(20), "time to answer before the reminder");
            Assert.True(t.DeadlineAt - reminder >= TimeSpan.FromSeconds(15), "time to answer after the reminder");
            Assert.True(t.FinalAgendaAt > t.DeadlineAt && t.FinalAgendaAt < t.Start);
            Assert.True(t.SurveyReminderAt - t.SurveyAt >= TimeSpan.FromSeconds(15), "time to answer the survey before its reminder");
            Assert.True(t.SurveyCloseAt - t.SurveyReminderAt >= TimeSpan.FromSeconds(15), "time to answer the survey after its reminder");
        });
        Assert.Equal(timelines[0].InvitationAt, network.Meetings[0].Start - DemoYear.FirstMeetingAfter);
        Assert.All(timelines.Zip(timelines.Skip(1)), p => Assert.True(p.First.SurveyCloseAt < p.Second.SurveyAt));
    }

    [Fact]
    public void Every_run_has_its_own_network_id_and_tagged_addresses()
    {
        DemoYearPlan first = DemoYear.Build(Sample(), Now, DemoYear.NewTag(Now));
        DemoYearPlan second = DemoYear.Build(Sample(), Now.AddSeconds(1), DemoYear.NewTag(Now.AddSeconds(1)));

        Assert.NotEqual(first.NetworkId, second.NetworkId);
        Assert.Equal("gitte.moelgaard+demo" + first.Tag + "@example.org", first.Members[0].Email);
        Assert.All(first.Members.Concat([first.Director]), p => Assert.Contains($"+demo{first.Tag}@", p.Email));
        Assert.Same(first.Members[3], first.Find(first.Members[3].Email.ToUpperInvariant()));
        Assert.DoesNotContain("+demo", Sample().ToJsonString());
    }

    [Fact]
    public void The_members_answer_at_once_late_twice_and_never_at_every_meeting()
    {
        IReadOnlyList<DemoTurn> turns = DemoScript.Plan(members: 20, meetings: 6);

        Assert.Equal(120, turns.Count);
        foreach (IGrouping<int, DemoTurn> meeting in turns.GroupBy(t => t.Meeting))
        {
            Assert.Equal(3, meeting.Count(t => t.Answering == Answering.Late));
            Assert.Equal(2, meeting.Count(t => t.Answering == Answering.ChangesMind));
            Assert.Equal(3, meeting.Count(t => t.Answering == Answering.Never));
            Assert.All(meeting.Where(t => t.Answering == Answering.ChangesMind), t => Assert.NotEqual(t.First, t.Changed));
            Assert.Contains(meeting, t => t.Evaluating == Evaluating.AfterReminder);
            Assert.True(meeting.Sum(t => t.First.Contributions.Count) >= 8, $"contributions at meeting {meeting.Key}");
            Assert.All(meeting.SelectMany(t => t.First.Contributions),
                c => Assert.True(c.Title.Length is > 0 and <= 120 && c.Description.Length <= 2000 && c.Type is "theme" or "case" or "experience" or "challenge"));
        }

        Assert.All(turns.Where(t => t.Member == DemoScript.QuietMember), t => Assert.Equal((Answering.Never, Evaluating.Never), (t.Answering, t.Evaluating)));
        Assert.Equal(JsonSerializer.Serialize(turns), JsonSerializer.Serialize(DemoScript.Plan(members: 20, meetings: 6)));
    }

    [Fact]
    public void New_relations_and_courage_rise_over_the_year()
    {
        IReadOnlyList<DemoTurn> turns = DemoScript.Plan(members: 20, meetings: 6);

        double Average(int meeting, Func<DemoSurveyAnswer, int> rating) => turns.Where(t => t.Meeting == meeting).Average(t => rating(t.Survey));

        Assert.True(Average(6, s => s.Relations) - Average(1, s => s.Relations) >= 1.0);
        Assert.True(Average(6, s => s.Courage) - Average(1, s => s.Courage) >= 1.0);
        Assert.All(turns, t => Assert.InRange(t.Survey.Usefulness, 1, 5));
    }

    [Fact]
    public void At_every_meeting_three_members_raise_the_same_subject_in_words_the_agenda_groups()
    {
        Assert.Equal(6, DemoScript.SameSubjects.Length);
        foreach (string[][] trio in DemoScript.SameSubjects)
        {
            Assert.All(trio.SelectMany(a => trio.Select(b => (a[1], b[1]))), p => Assert.True(ThemeGrouping.SameSubject(p.Item1, p.Item2), $"'{p.Item1}' ~ '{p.Item2}'"));
            Assert.Equal(3, trio.Select(t => t[1]).Distinct().Count());
        }

        foreach ((string[][] a, string[][] b) in DemoScript.SameSubjects.SelectMany((a, i) => DemoScript.SameSubjects.Skip(i + 1).Select(b => (a, b))))
        {
            Assert.False(ThemeGrouping.SameSubject(a[0][1], b[0][1]), $"'{a[0][1]}' and '{b[0][1]}' are different subjects");
        }

        IReadOnlyList<DemoTurn> turns = DemoScript.Plan(members: 20, meetings: 6);
        Assert.All(turns.GroupBy(t => t.Meeting), meeting =>
            Assert.Equal(3, meeting.SelectMany(t => t.First.Contributions).Count(c => DemoScript.SameSubjects[meeting.Key - 1].Any(s => s[1] == c.Title))));
    }
}
