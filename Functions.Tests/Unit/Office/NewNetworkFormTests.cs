using NetworkFunctions.Kickoff;
using NetworkFunctions.Networks;
using NetworkFunctions.Office;
using NetworkFunctions.Validation;
using static NetworkFunctions.Tests.Support.DomainFixtures;

namespace NetworkFunctions.Tests.Unit.Office;

/// <summary>The console's new-network form read into a kickoff: the kickoff's own rules, each problem at the form's own field.</summary>
public sealed class NewNetworkFormTests
{
    static Dictionary<string, string> Filled() => new()
    {
        ["name"] = "Læringsnetværk for samskabelse",
        ["organisation"] = "Slagelse Kommune",
        ["language"] = "da",
        ["timeZone"] = "Europe/Copenhagen",
        ["director.name"] = "Lise Wendel",
        ["director.email"] = "lise@slagelse.dk",
        ["facilitator.name"] = "Anna Tofte",
        ["facilitator.email"] = "anna@borgerdialog.dk",
        ["facilitator.organisation"] = "",
        ["consultant.name"] = "Sara Salling",
        ["consultant.email"] = "sara@slagelse.dk",
        ["departments"] = $"{Teknik}\r\n\r\n  {Born}  \n{Sundhed}\n",
        ["meeting1.date"] = "2027-02-03",
        ["meeting1.start"] = "09:00",
        ["meeting1.end"] = "12:30",
        ["meeting1.location"] = "Rådhuset",
        ["meeting3.date"] = "2027-06-02",
        ["meeting3.start"] = "13:00",
        ["meeting3.end"] = "16:00",
        ["meeting3.location"] = "Biblioteket",
        ["meeting3.title"] = "Høst",
        ["schedule.invitationDays"] = "21",
        ["schedule.deadlineDays"] = "",
        ["schedule.reminderDays"] = "4, 2",
        ["schedule.finalAgendaDays"] = "3",
    };

    static RosterResult Roster(params KickoffMember[] members) =>
        RosterResult.Valid(members.Length > 0 ? members : [new KickoffMember("Anne", "anne@slagelse.dk", Teknik), new KickoffMember("Bo", "bo@slagelse.dk", Born)]);

    static int suffix;

    static NewNetworkDraft Read(Dictionary<string, string> fields, RosterResult? roster) =>
        NewNetworkForm.Read(fields, roster, Now, () => $"m{Interlocked.Increment(ref suffix):D12}", () => "abc123");

    [Fact]
    public void A_filled_form_is_the_network_the_kickoff_document_would_start()
    {
        NewNetworkDraft draft = Read(Filled(), Roster());

        Network network = draft.Network!;
        Assert.True(draft.IsValid, string.Join("; ", draft.Errors.ToDictionary().Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
        Assert.Equal([Teknik, Born, Sundhed], network.Departments);
        Assert.Equal([Sundhed], network.MissingDepartments);
        Assert.Equal(["Anne", "Bo"], network.Members.Select(m => m.Name));
        Assert.Equal(2, network.Meetings.Count);
        Assert.Equal(At("2027-02-03T09:00:00+01:00"), network.Meetings[0].Start);
        Assert.Equal(At("2027-06-02T16:00:00+02:00"), network.Meetings[1].End);
        Assert.Equal("Høst", network.Meetings[1].Title);
        Assert.Equal(21, network.Schedule.InvitationLead.Days);
        Assert.Equal(ScheduleSettings.Default.ContributionDeadlineLead, network.Schedule.ContributionDeadlineLead);
        Assert.Equal([4, 2], network.Schedule.ReminderLeads.Select(l => l.Days));
        Assert.Null(network.Facilitator.Organisation);
    }

    [Fact]
    public void A_meeting_problem_is_reported_at_its_own_row()
    {
        Dictionary<string, string> fields = Filled();
        fields["meeting3.end"] = "12:00";
        fields["meeting1.start"] = "9 o'clock";

        FieldErrors errors = Read(fields, Roster()).Errors;

        Assert.Equal(["meeting1.start", "meeting3.end"], errors.ToDictionary().Keys.Order());
        Assert.Contains("after the start", errors.ToDictionary()["meeting3.end"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_meeting_in_the_past_is_reported_at_its_date()
    {
        Dictionary<string, string> fields = Filled();
        fields["meeting3.date"] = "2026-06-02";

        Assert.Equal(["meeting3.date"], Read(fields, Roster()).Errors.ToDictionary().Keys);
    }

    [Fact]
    public void Every_problem_of_the_people_and_the_schedule_is_reported_at_its_field()
    {
        Dictionary<string, string> fields = Filled();
        fields["name"] = "";
        fields["director.email"] = "lise(at)slagelse.dk";
        fields["consultant.name"] = "  ";
        fields["timeZone"] = "Mars/Olympus";
        fields["schedule.invitationDays"] = "four";
        fields["schedule.reminderDays"] = "5, x";

        string[] keys = [.. Read(fields, Roster()).Errors.ToDictionary().Keys.Order(StringComparer.Ordinal)];

        Assert.Equal(["consultant.name", "director.email", "name", "schedule.invitationDays", "schedule.reminderDays", "timeZone"], keys);
    }

    [Fact]
    public void No_meetings_and_no_roster_are_each_one_problem()
    {
        Dictionary<string, string> fields = Filled();
        foreach (string key in fields.Keys.Where(k => k.StartsWith("meeting", StringComparison.Ordinal)).ToList())
        {
            fields.Remove(key);
        }

        FieldErrors errors = Read(fields, null).Errors;

        Assert.Equal(["meetings", NewNetworkForm.RosterFile], errors.ToDictionary().Keys.Order(StringComparer.Ordinal));
        Assert.Single(errors.ToDictionary()[NewNetworkForm.RosterFile]);
    }

    [Fact]
    public void A_refused_roster_file_reports_its_rows_and_not_an_empty_list_as_well()
    {
        RosterResult refused = RosterResult.Refused(RosterProblem.OfRow(4, "Something"));

        NewNetworkDraft draft = Read(Filled(), refused);

        Assert.False(draft.IsValid);
        Assert.Equal([refused.Problems[0]], draft.RosterProblems);
        Assert.False(draft.Errors.Has(NewNetworkForm.RosterFile));
    }

    [Fact]
    public void The_roster_read_once_is_kept_in_the_form_and_read_back()
    {
        NewNetworkDraft first = Read(Filled(), Roster());
        Dictionary<string, string> again = Filled();
        again[NewNetworkForm.RosterField] = NewNetworkForm.RosterJson(first.Roster!);

        NewNetworkDraft second = Read(again, null);

        Assert.True(second.IsValid);
        Assert.Equal(first.Roster, second.Roster);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("not json")]
    [InlineData("[null]")]
    public void A_kept_roster_that_is_not_a_list_of_members_must_be_uploaded_again(string kept)
    {
        Dictionary<string, string> fields = Filled();
        fields[NewNetworkForm.RosterField] = kept;

        Assert.True(Read(fields, null).Errors.Has(NewNetworkForm.RosterFile));
    }

    [Fact]
    public void A_kept_roster_is_checked_again_by_the_kickoff_rules()
    {
        Dictionary<string, string> fields = Filled();
        fields[NewNetworkForm.RosterField] = """[{"name":"Anne","email":"anne@slagelse.dk","department":"Center for Månen"}]""";

        FieldErrors errors = Read(fields, null).Errors;

        Assert.Contains("Not one of", errors.ToDictionary()[NewNetworkForm.RosterFile][0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("meetings[1].start", "meeting3.date")]
    [InlineData("meetings[1].end", "meeting3.end")]
    [InlineData("meetings[0].location", "meeting1.location")]
    [InlineData("meetings[0]", "meeting1.date")]
    [InlineData("meetings[7].start", "meetings[7].start")]
    [InlineData("meetings", "meetings")]
    [InlineData("members[3].email", "roster")]
    [InlineData("departments[2]", "departments")]
    [InlineData("schedule.invitationLead", "schedule.invitationDays")]
    [InlineData("schedule.contributionDeadlineLead", "schedule.deadlineDays")]
    [InlineData("schedule.reminderLeads[1]", "schedule.reminderDays")]
    [InlineData("director.email", "director.email")]
    public void The_kickoff_documents_paths_become_the_forms_fields(string path, string field) =>
        Assert.Equal(field, NewNetworkForm.FormFieldOf(path, [1, 3]));
}
