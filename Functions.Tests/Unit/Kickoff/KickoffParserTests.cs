using System.Text.Json.Nodes;
using NetworkFunctions.Kickoff;
using NetworkFunctions.Networks;
using NetworkFunctions.Validation;
using static NetworkFunctions.Tests.Support.DomainFixtures;
using static NetworkFunctions.Tests.Unit.Kickoff.KickoffDocuments;

namespace NetworkFunctions.Tests.Unit.Kickoff;

public sealed class KickoffParserTests
{
    static JsonObject With(Action<JsonObject> change)
    {
        JsonObject document = Valid();
        change(document);
        return document;
    }

    static JsonObject Schedule(JsonObject document) => document["schedule"]!.AsObject();

    static JsonObject MemberAt(JsonObject document, int i) => document["members"]![i]!.AsObject();

    static JsonObject MeetingOf(JsonObject document, int i) => document["meetings"]![i]!.AsObject();

    /// <summary>The field keys of a document that must be refused.</summary>
    static string[] Refused(JsonObject document)
    {
        var (network, errors) = Parse(document);
        Assert.Null(network);
        Assert.False(errors.IsEmpty);
        return Keys(errors);
    }

    [Fact]
    public void ReadsACompleteDocument()
    {
        var (network, errors) = Parse(Valid());

        Assert.True(errors.IsEmpty, string.Join(", ", Keys(errors)));
        Assert.NotNull(network);
        Assert.Equal("slagelse-samskabelse-2027", network.Id);
        Assert.Equal("Læringsnetværk for samskabelse", network.Name);
        Assert.Equal("Slagelse Kommune", network.Organisation);
        Assert.Equal(Language.Da, network.Language);
        Assert.Equal("Europe/Copenhagen", network.TimeZone);
        Assert.Equal(new Person("Dorthe Direktør", "dorthe@slagelse.dk"), network.Director);
        Assert.Equal(new Facilitator("Frida Facilitator", "frida@borgerdialog.dk", "Center for Borgerdialog"), network.Facilitator);
        Assert.Equal(new Person("Karl Konsulent", "karl@slagelse.dk"), network.Consultant);
        Assert.Equal(Departments, network.Departments);
        Assert.Equal(
            [
                new Member("m001", "Anne Andersen", "anne@slagelse.dk", Teknik, Now),
                new Member("m002", "Bo Berg", "bo@slagelse.dk", Born, Now),
                new Member("m003", "Cecilie Clausen", "cecilie@slagelse.dk", Sundhed, Now),
                new Member("m004", "Dan Dam", "dan@slagelse.dk", Teknik, Now),
            ],
            network.Members);
        Assert.Equal(
            [
                new Meeting(1, At("2027-02-03T09:00:00+01:00"), At("2027-02-03T12:30:00+01:00"), "Rådhuset, mødelokale 1", "Opstart"),
                new Meeting(2, At("2027-04-07T09:00:00+02:00"), At("2027-04-07T12:30:00+02:00"), "Skælskør Bibliotek", null),
                new Meeting(3, At("2027-06-09T13:00:00+02:00"), At("2027-06-09T16:30:00+02:00"), "Korsør Kulturhus", null),
            ],
            network.Meetings);
        Assert.Equal(Now, network.KickedOffAt);
        Assert.Equal([Okonomi], network.MissingDepartments);
        AssertDefaultSchedule(network.Schedule);
    }

    static void AssertDefaultSchedule(ScheduleSettings schedule)
    {
        ScheduleSettings d = ScheduleSettings.Default;
        Assert.Equal(d.InvitationLead, schedule.InvitationLead);
        Assert.Equal(d.ContributionDeadlineLead, schedule.ContributionDeadlineLead);
        Assert.Equal(d.ReminderLeads, schedule.ReminderLeads);
        Assert.Equal(d.FinalAgendaLead, schedule.FinalAgendaLead);
        Assert.Equal(d.SurveyDelay, schedule.SurveyDelay);
        Assert.Equal(d.SurveyOpenFor, schedule.SurveyOpenFor);
        Assert.Equal(d.SurveyReminderAfter, schedule.SurveyReminderAfter);
        Assert.Equal("P28D P10D P5D,P1D P3D PT1H P7D P3D", $"{schedule.InvitationLead} {schedule.ContributionDeadlineLead} {string.Join(',', schedule.ReminderLeads)} {schedule.FinalAgendaLead} {schedule.SurveyDelay} {schedule.SurveyOpenFor} {schedule.SurveyReminderAfter}");
    }

    [Fact]
    public void DefaultsLanguageTimeZoneAndSchedule()
    {
        var (network, errors) = Parse(With(d =>
        {
            d.Remove("language");
            d.Remove("timeZone");
            d.Remove("schedule");
        }));

        Assert.True(errors.IsEmpty);
        Assert.Equal(Language.Da, network!.Language);
        Assert.Equal("Europe/Copenhagen", network.TimeZone);
        AssertDefaultSchedule(network.Schedule);
    }

    [Fact]
    public void TreatsNullOptionalFieldsAsAbsent()
    {
        var (network, errors) = Parse(With(d =>
        {
            d["language"] = null;
            d["timeZone"] = null;
            d["schedule"] = null;
            d["networkId"] = null;
            d["facilitator"]!["organisation"] = null;
            MeetingOf(d, 0)["title"] = null;
        }));

        Assert.True(errors.IsEmpty, string.Join(", ", Keys(errors)));
        Assert.Equal(Language.Da, network!.Language);
        Assert.Null(network.Facilitator.Organisation);
        Assert.Null(network.Meetings[0].Title);
        AssertDefaultSchedule(network.Schedule);
    }

    [Fact]
    public void DefaultsTheScheduleFieldsLeftOut()
    {
        var (network, errors) = Parse(With(d => d["schedule"] = new JsonObject { ["reminderLeads"] = new JsonArray("P2D") }));

        Assert.True(errors.IsEmpty);
        Assert.Equal([IsoDuration.Parse("P2D")], network!.Schedule.ReminderLeads);
        Assert.Equal(ScheduleSettings.Default.InvitationLead, network.Schedule.InvitationLead);
        Assert.Equal(ScheduleSettings.Default.SurveyOpenFor, network.Schedule.SurveyOpenFor);
    }

    [Fact]
    public void AcceptsNoReminders()
    {
        var (network, errors) = Parse(With(d => Schedule(d)["reminderLeads"] = new JsonArray()));

        Assert.True(errors.IsEmpty);
        Assert.Empty(network!.Schedule.ReminderLeads);
    }

    [Fact]
    public void ReadsASecondsSchedule()
    {
        var (network, errors) = Parse(With(d => d["schedule"] = new JsonObject
        {
            ["invitationLead"] = "PT60S",
            ["contributionDeadlineLead"] = "PT30S",
            ["reminderLeads"] = new JsonArray("PT10S", "PT5S"),
            ["finalAgendaLead"] = "PT20S",
            ["surveyDelay"] = "PT5S",
            ["surveyOpenFor"] = "PT30S",
            ["surveyReminderAfter"] = "PT10S",
        }));

        Assert.True(errors.IsEmpty, string.Join(", ", Keys(errors)));
        Assert.Equal(Seconds() with { ReminderLeads = network!.Schedule.ReminderLeads }, network.Schedule);
        Assert.Equal(Seconds().ReminderLeads, network.Schedule.ReminderLeads);
    }

    [Fact]
    public void ReadsEnglishAndAnotherTimeZone()
    {
        var (network, errors) = Parse(With(d =>
        {
            d["language"] = "en";
            d["timeZone"] = "Europe/London";
        }));

        Assert.True(errors.IsEmpty);
        Assert.Equal(Language.En, network!.Language);
        Assert.Equal("Europe/London", network.Zone.Id);
    }

    [Fact]
    public void GeneratesANetworkIdFromNameAndYear()
    {
        var (network, errors) = Parse(With(d => d.Remove("networkId")));

        Assert.True(errors.IsEmpty);
        Assert.Equal("laeringsnetvaerk-for-samskabelse-2027-k3f9q2", network!.Id);
        Assert.True(NetworkIds.IsValid(network.Id));
    }

    [Fact]
    public void GeneratesTheIdFromTheYearOfTheFirstMeeting()
    {
        var (network, _) = Parse(With(d =>
        {
            d.Remove("networkId");
            d["meetings"] = new JsonArray(
                MeetingAt("2028-02-02T09:00:00+01:00", "2028-02-02T12:00:00+01:00"),
                MeetingAt("2027-12-01T09:00:00+01:00", "2027-12-01T12:00:00+01:00"));
        }));

        Assert.Equal("laeringsnetvaerk-for-samskabelse-2027-k3f9q2", network!.Id);
    }

    [Fact]
    public void TrimsTextAndKeepsTheListedDepartmentSpelling()
    {
        var (network, errors) = Parse(With(d =>
        {
            d["name"] = "  Netværket  ";
            MemberAt(d, 0)["department"] = "center for teknik & miljø";
            MemberAt(d, 0)["email"] = " anne@slagelse.dk ";
        }));

        Assert.True(errors.IsEmpty, string.Join(", ", Keys(errors)));
        Assert.Equal("Netværket", network!.Name);
        Assert.Equal(Teknik, network.Members[0].Department);
        Assert.Equal("anne@slagelse.dk", network.Members[0].Email);
    }

    [Fact]
    public void NumbersMeetingsInChronologicalOrder()
    {
        var (network, errors) = Parse(With(d => d["meetings"] = new JsonArray(
            MeetingAt("2027-06-09T13:00:00+02:00", "2027-06-09T16:30:00+02:00", "C"),
            MeetingAt("2027-02-03T09:00:00+01:00", "2027-02-03T12:30:00+01:00", "A"),
            MeetingAt("2027-04-07T07:00:00Z", "2027-04-07T10:30:00Z", "B"))));

        Assert.True(errors.IsEmpty);
        Assert.Equal([(1, "A"), (2, "B"), (3, "C")], network!.Meetings.Select(m => (m.Number, m.Location)));
    }

    [Fact]
    public void AcceptsMeetingsBackToBack()
    {
        var (_, errors) = Parse(With(d => d["meetings"] = new JsonArray(
            MeetingAt("2027-02-03T09:00:00+01:00", "2027-02-03T12:00:00+01:00"),
            MeetingAt("2027-02-03T12:00:00+01:00", "2027-02-03T15:00:00+01:00"))));

        Assert.True(errors.IsEmpty);
    }

    [Fact]
    public void AcceptsOneMemberAndFiveHundred()
    {
        Assert.True(Parse(With(d => d["members"] = new JsonArray(Person("Anne", "anne@slagelse.dk", Teknik)))).Errors.IsEmpty);
        Assert.True(Parse(With(d => d["members"] = Members(500))).Errors.IsEmpty);
    }

    static JsonArray Members(int count) =>
        new(Enumerable.Range(0, count).Select(i => (JsonNode?)Person($"Medlem {i}", $"medlem{i}@slagelse.dk", Departments[i % Departments.Length])).ToArray());

    public static readonly TheoryData<string, string, string> Problems = new()
    {
        // Unknown fields, at every level.
        { "unknown top-level field", """{"op":"add","path":"/colour","value":"blue"}""", "colour" },
        { "unknown director field", """{"op":"add","path":"/director/phone","value":"1"}""", "director.phone" },
        { "unknown consultant field", """{"op":"add","path":"/consultant/organisation","value":"x"}""", "consultant.organisation" },
        { "unknown member field", """{"op":"add","path":"/members/1/role","value":"x"}""", "members[1].role" },
        { "unknown meeting field", """{"op":"add","path":"/meetings/2/room","value":"x"}""", "meetings[2].room" },
        { "unknown schedule field", """{"op":"add","path":"/schedule/reminderLead","value":"P1D"}""", "schedule.reminderLead" },
        { "field names are case-sensitive", """{"op":"add","path":"/Name","value":"x"}""", "Name" },
        // Wrong types.
        { "name not a string", """{"op":"replace","path":"/name","value":5}""", "name" },
        { "organisation not a string", """{"op":"replace","path":"/organisation","value":["x"]}""", "organisation" },
        { "director not an object", """{"op":"replace","path":"/director","value":"dorthe@slagelse.dk"}""", "director" },
        { "facilitator null", """{"op":"replace","path":"/facilitator","value":null}""", "facilitator" },
        { "departments not an array", """{"op":"replace","path":"/departments","value":"Teknik"}""", "departments" },
        { "department not a string", """{"op":"replace","path":"/departments/3","value":7}""", "departments[3]" },
        { "department empty", """{"op":"replace","path":"/departments/3","value":"  "}""", "departments[3]" },
        { "department with a line break", """{"op":"replace","path":"/departments/3","value":"Center for\r\nSkole"}""", "departments[3]" },
        { "members not an array", """{"op":"replace","path":"/members","value":{}}""", "members" },
        { "member not an object", """{"op":"replace","path":"/members/2","value":"cecilie@slagelse.dk"}""", "members[2]" },
        { "meetings not an array", """{"op":"replace","path":"/meetings","value":"monthly"}""", "meetings" },
        { "meeting not an object", """{"op":"replace","path":"/meetings/1","value":1}""", "meetings[1]" },
        { "meeting start not a string", """{"op":"replace","path":"/meetings/0/start","value":1801900800}""", "meetings[0].start" },
        { "schedule not an object", """{"op":"replace","path":"/schedule","value":"default"}""", "schedule" },
        { "duration not a string", """{"op":"replace","path":"/schedule/invitationLead","value":28}""", "schedule.invitationLead" },
        { "reminder leads not an array", """{"op":"replace","path":"/schedule/reminderLeads","value":"P5D"}""", "schedule.reminderLeads" },
        { "reminder lead not a string", """{"op":"replace","path":"/schedule/reminderLeads/1","value":1}""", "schedule.reminderLeads[1]" },
        { "language not a string", """{"op":"replace","path":"/language","value":1}""", "language" },
        // Missing fields.
        { "name missing", """{"op":"remove","path":"/name"}""", "name" },
        { "name empty", """{"op":"replace","path":"/name","value":"   "}""", "name" },
        { "organisation missing", """{"op":"remove","path":"/organisation"}""", "organisation" },
        { "director missing", """{"op":"remove","path":"/director"}""", "director" },
        { "facilitator missing", """{"op":"remove","path":"/facilitator"}""", "facilitator" },
        { "consultant missing", """{"op":"remove","path":"/consultant"}""", "consultant" },
        { "director name missing", """{"op":"remove","path":"/director/name"}""", "director.name" },
        { "facilitator email missing", """{"op":"remove","path":"/facilitator/email"}""", "facilitator.email" },
        { "departments missing", """{"op":"remove","path":"/departments"}""", "departments" },
        { "members missing", """{"op":"remove","path":"/members"}""", "members" },
        { "meetings missing", """{"op":"remove","path":"/meetings"}""", "meetings" },
        { "member name missing", """{"op":"remove","path":"/members/0/name"}""", "members[0].name" },
        { "member email missing", """{"op":"remove","path":"/members/1/email"}""", "members[1].email" },
        { "member department missing", """{"op":"remove","path":"/members/3/department"}""", "members[3].department" },
        { "meeting start missing", """{"op":"remove","path":"/meetings/0/start"}""", "meetings[0].start" },
        { "meeting end missing", """{"op":"remove","path":"/meetings/1/end"}""", "meetings[1].end" },
        { "meeting location missing", """{"op":"remove","path":"/meetings/2/location"}""", "meetings[2].location" },
        // Values out of range.
        { "network id with capitals", """{"op":"replace","path":"/networkId","value":"Slagelse-2027"}""", "networkId" },
        { "network id with underscore", """{"op":"replace","path":"/networkId","value":"slagelse_2027"}""", "networkId" },
        { "network id too short", """{"op":"replace","path":"/networkId","value":"ab"}""", "networkId" },
        { "network id too long", """{"op":"replace","path":"/networkId","value":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}""", "networkId" },
        { "language other than da or en", """{"op":"replace","path":"/language","value":"sv"}""", "language" },
        { "language in capitals", """{"op":"replace","path":"/language","value":"DA"}""", "language" },
        { "unknown time zone", """{"op":"replace","path":"/timeZone","value":"Europe/Slagelse"}""", "timeZone" },
        { "name too long", $$"""{"op":"replace","path":"/name","value":"{{new string('N', 201)}}"}""", "name" },
        { "control character in a name", """{"op":"replace","path":"/members/0/name","value":"Anne\u0007"}""", "members[0].name" },
        { "no departments", """{"op":"replace","path":"/departments","value":[]}""", "departments" },
        { "no meetings", """{"op":"replace","path":"/meetings","value":[]}""", "meetings" },
        // Emails.
        { "director email without domain dot", """{"op":"replace","path":"/director/email","value":"dorthe@slagelse"}""", "director.email" },
        { "consultant email not an address", """{"op":"replace","path":"/consultant/email","value":"karl"}""", "consultant.email" },
        { "member email with a display name", """{"op":"replace","path":"/members/2/email","value":"Cecilie <cecilie@slagelse.dk>"}""", "members[2].email" },
        { "member email with a space", """{"op":"replace","path":"/members/2/email","value":"cecilie clausen@slagelse.dk"}""", "members[2].email" },
        { "member email with two at signs", """{"op":"replace","path":"/members/2/email","value":"a@b@slagelse.dk"}""", "members[2].email" },
        { "duplicate member email", """{"op":"replace","path":"/members/3/email","value":"bo@slagelse.dk"}""", "members[3].email" },
        { "duplicate member email in another case", """{"op":"replace","path":"/members/3/email","value":"BO@Slagelse.DK"}""", "members[3].email" },
        // Departments.
        { "member department not listed", """{"op":"replace","path":"/members/1/department","value":"Center for Kultur"}""", "members[1].department" },
        { "department listed twice", """{"op":"add","path":"/departments/-","value":"Center for Børn & Unge"}""", "departments[4]" },
        { "department listed twice in another case", """{"op":"add","path":"/departments/-","value":"CENTER FOR TEKNIK & MILJØ"}""", "departments[4]" },
        // Meetings.
        { "meeting at kickoff", """{"op":"replace","path":"/meetings/0","value":{"start":"2026-11-28T09:00:00+01:00","end":"2026-11-28T12:00:00+01:00","location":"x"}}""", "meetings[0].start" },
        { "meeting before kickoff", """{"op":"replace","path":"/meetings/0","value":{"start":"2026-11-01T09:00:00+01:00","end":"2026-11-01T12:00:00+01:00","location":"x"}}""", "meetings[0].start" },
        { "meeting a second before kickoff", """{"op":"replace","path":"/meetings/0","value":{"start":"2026-11-28T07:59:59Z","end":"2026-11-28T12:00:00Z","location":"x"}}""", "meetings[0].start" },
        { "meeting ending before it starts", """{"op":"replace","path":"/meetings/1/end","value":"2027-04-07T08:00:00+02:00"}""", "meetings[1].end" },
        { "meeting ending as it starts", """{"op":"replace","path":"/meetings/1/end","value":"2027-04-07T07:00:00Z"}""", "meetings[1].end" },
        { "meeting longer than 12 hours", """{"op":"replace","path":"/meetings/1/end","value":"2027-04-07T21:00:01+02:00"}""", "meetings[1].end" },
        { "start without offset", """{"op":"replace","path":"/meetings/0/start","value":"2027-02-03T09:00:00"}""", "meetings[0].start" },
        { "start as a date", """{"op":"replace","path":"/meetings/0/start","value":"2027-02-03"}""", "meetings[0].start" },
        { "offset without colon", """{"op":"replace","path":"/meetings/0/start","value":"2027-02-03T09:00:00+0100"}""", "meetings[0].start" },
        { "offset as a zone name", """{"op":"replace","path":"/meetings/0/start","value":"2027-02-03T09:00:00 CET"}""", "meetings[0].start" },
        { "no such day", """{"op":"replace","path":"/meetings/0/start","value":"2027-02-29T09:00:00+01:00"}""", "meetings[0].start" },
        { "no such hour", """{"op":"replace","path":"/meetings/0/end","value":"2027-02-03T24:30:00+01:00"}""", "meetings[0].end" },
        { "danish date format", """{"op":"replace","path":"/meetings/0/start","value":"03-02-2027 09:00 +01:00"}""", "meetings[0].start" },
        { "lower-case z", """{"op":"replace","path":"/meetings/0/start","value":"2027-02-03T08:00:00z"}""", "meetings[0].start" },
        // Schedule durations.
        { "years", """{"op":"replace","path":"/schedule/invitationLead","value":"P1Y"}""", "schedule.invitationLead" },
        { "months", """{"op":"replace","path":"/schedule/contributionDeadlineLead","value":"P1M"}""", "schedule.contributionDeadlineLead" },
        { "empty duration", """{"op":"replace","path":"/schedule/finalAgendaLead","value":""}""", "schedule.finalAgendaLead" },
        { "prose duration", """{"op":"replace","path":"/schedule/surveyDelay","value":"1 hour"}""", "schedule.surveyDelay" },
        { "time span duration", """{"op":"replace","path":"/schedule/surveyDelay","value":"01:00:00"}""", "schedule.surveyDelay" },
        { "zero survey open", """{"op":"replace","path":"/schedule/surveyOpenFor","value":"PT0S"}""", "schedule.surveyOpenFor" },
        { "zero survey reminder", """{"op":"replace","path":"/schedule/surveyReminderAfter","value":"P0D"}""", "schedule.surveyReminderAfter" },
        { "bad reminder lead", """{"op":"replace","path":"/schedule/reminderLeads/0","value":"P1M"}""", "schedule.reminderLeads[0]" },
        { "zero reminder lead", """{"op":"replace","path":"/schedule/reminderLeads/1","value":"PT0S"}""", "schedule.reminderLeads[1]" },
        { "too many reminder leads", """{"op":"replace","path":"/schedule/reminderLeads","value":["P9D","P8D","P7D","P6D","P5D","P4D","P3D","P2D","P1D","PT12H","PT1H"]}""", "schedule.reminderLeads" },
        // Schedule consistency.
        { "invitation after the deadline", """{"op":"replace","path":"/schedule/invitationLead","value":"P9D"}""", "schedule.invitationLead" },
        { "final agenda before the deadline", """{"op":"replace","path":"/schedule/finalAgendaLead","value":"P11D"}""", "schedule.finalAgendaLead" },
        { "final agenda before the deadline by seconds", """{"op":"replace","path":"/schedule/finalAgendaLead","value":"P10DT1S"}""", "schedule.finalAgendaLead" },
        { "survey reminder when it closes", """{"op":"replace","path":"/schedule/surveyReminderAfter","value":"P7D"}""", "schedule.surveyReminderAfter" },
        { "survey reminder after it closes", """{"op":"replace","path":"/schedule/surveyReminderAfter","value":"P8D"}""", "schedule.surveyReminderAfter" },
        { "survey reminder as long in hours", """{"op":"replace","path":"/schedule/surveyReminderAfter","value":"PT168H"}""", "schedule.surveyReminderAfter" },
    };

    [Theory]
    [MemberData(nameof(Problems))]
    public void RefusesEachProblemAtItsField(string problem, string patch, string field)
    {
        JsonObject document = Valid();
        Apply(document, JsonNode.Parse(patch)!.AsObject());

        string[] keys = Refused(document);

        Assert.True(keys.SequenceEqual([field]), $"{problem}: expected [{field}], got [{string.Join(", ", keys)}]");
    }

    /// <summary>A small JSON Patch: add, replace or remove at a JSON pointer.</summary>
    static void Apply(JsonObject document, JsonObject patch)
    {
        string[] path = patch["path"]!.GetValue<string>().Split('/')[1..];
        JsonNode parent = document;
        foreach (string step in path[..^1])
        {
            parent = parent is JsonArray a ? a[int.Parse(step, System.Globalization.CultureInfo.InvariantCulture)]! : parent[step]!;
        }

        string last = path[^1];
        JsonNode? value = patch["value"]?.DeepClone();
        switch (patch["op"]!.GetValue<string>(), parent)
        {
            case ("remove", JsonArray array):
                array.RemoveAt(int.Parse(last, System.Globalization.CultureInfo.InvariantCulture));
                break;
            case ("remove", JsonObject obj):
                Assert.True(obj.Remove(last), "nothing at " + last);
                break;
            case ("add", JsonArray array) when last == "-":
                array.Add(value);
                break;
            case (_, JsonArray array):
                array[int.Parse(last, System.Globalization.CultureInfo.InvariantCulture)] = value;
                break;
            case (_, JsonObject obj):
                obj[last] = value;
                break;
            default:
                throw new InvalidOperationException("Bad patch " + patch.ToJsonString());
        }
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"kickoff\"")]
    [InlineData("null")]
    [InlineData("42")]
    public void RefusesADocumentThatIsNotAnObject(string json)
    {
        var (network, errors) = Parse(json);

        Assert.Null(network);
        Assert.Equal(["$"], Keys(errors));
    }

    [Fact]
    public void RefusesAnEmptyObjectForEveryRequiredField()
    {
        Assert.Equal(["consultant", "departments", "director", "facilitator", "meetings", "members", "name", "organisation"], Refused(new JsonObject()));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(501)]
    public void RefusesTooFewOrTooManyMembers(int count)
    {
        var (network, errors) = Parse(With(d => d["members"] = Members(count)));

        Assert.Null(network);
        Assert.Equal(["members"], Keys(errors));
        Assert.Contains($"it holds {count}", errors.ToDictionary()["members"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void NamesTheFirstOfTwoMembersWithTheSameEmail()
    {
        var (_, errors) = Parse(With(d => MemberAt(d, 3)["email"] = "ANNE@slagelse.dk"));

        Assert.Equal("The same email as members[0].", Assert.Single(errors.ToDictionary()["members[3].email"]));
    }

    [Fact]
    public void RefusesOverlappingMeetingsAtTheLaterOne()
    {
        var (network, errors) = Parse(With(d => d["meetings"] = new JsonArray(
            MeetingAt("2027-04-07T09:00:00+02:00", "2027-04-07T12:30:00+02:00"),
            MeetingAt("2027-02-03T09:00:00+01:00", "2027-02-03T12:30:00+01:00"),
            MeetingAt("2027-04-07T12:00:00+02:00", "2027-04-07T15:00:00+02:00"),
            MeetingAt("2027-02-03T10:00:00+01:00", "2027-02-03T11:00:00+01:00"))));

        Assert.Null(network);
        IDictionary<string, string[]> byField = errors.ToDictionary();
        Assert.Equal(["meetings[2].start", "meetings[3].start"], byField.Keys);
        Assert.Equal("Overlaps meetings[0].", byField["meetings[2].start"][0]);
        Assert.Equal("Overlaps meetings[1].", byField["meetings[3].start"][0]);
    }

    [Fact]
    public void RefusesOverlapsWrittenInDifferentOffsets()
    {
        string[] keys = Refused(With(d => d["meetings"] = new JsonArray(
            MeetingAt("2027-02-03T09:00:00+01:00", "2027-02-03T12:30:00+01:00"),
            MeetingAt("2027-02-03T11:00:00Z", "2027-02-03T13:00:00Z"))));

        Assert.Equal(["meetings[1].start"], keys);
    }

    [Fact]
    public void AcceptsEqualLeadsAtTheEdgesOfTheScheduleRules()
    {
        var (_, errors) = Parse(With(d =>
        {
            Schedule(d)["invitationLead"] = "P10D";
            Schedule(d)["finalAgendaLead"] = "PT240H";
            Schedule(d)["surveyReminderAfter"] = "P6DT23H59M59S";
        }));

        Assert.True(errors.IsEmpty, string.Join(", ", Keys(errors)));
    }

    [Fact]
    public void ChecksTheScheduleRulesAgainstTheDefaultsOfFieldsLeftOut()
    {
        // A seconds deadline with the default three-day final agenda lead: the final agenda would precede the deadline.
        string[] keys = Refused(With(d => d["schedule"] = new JsonObject { ["invitationLead"] = "PT60S", ["contributionDeadlineLead"] = "PT30S" }));

        Assert.Equal(["schedule.finalAgendaLead"], keys);
    }

    [Fact]
    public void ReportsTenProblemsAsTenFields()
    {
        string[] keys = Refused(With(d =>
        {
            d["colour"] = "blue";
            d["language"] = "de";
            d["timeZone"] = "Mars/Olympus";
            d["director"]!["email"] = "dorthe";
            d["departments"]!.AsArray().Add(Born);
            MemberAt(d, 1)["department"] = "Center for Kultur";
            MemberAt(d, 2)["email"] = "anne@slagelse.dk";
            MeetingOf(d, 0)["start"] = "2026-10-01T09:00:00+02:00";
            MeetingOf(d, 0)["end"] = "2026-10-01T12:00:00+02:00";
            MeetingOf(d, 1)["end"] = "2027-04-07T08:00:00+02:00";
            Schedule(d)["surveyOpenFor"] = "P1M";
        }));

        Assert.Equal(
            ["colour", "departments[4]", "director.email", "language", "meetings[0].start", "meetings[1].end", "members[1].department", "members[2].email", "schedule.surveyOpenFor", "timeZone"],
            keys);
    }

    [Fact]
    public void ReportsEveryProblemOfEveryMember()
    {
        var (_, errors) = Parse(With(d => d["members"] = new JsonArray(
            Person("", "x", "Nowhere"),
            new JsonObject { ["email"] = "y@slagelse.dk", ["extra"] = 1 },
            Person("Ok", "Y@SLAGELSE.DK", Born))));

        Assert.Equal(
            ["members[0].department", "members[0].email", "members[0].name", "members[1].department", "members[1].extra", "members[1].name", "members[2].email"],
            Keys(errors));
    }

    [Fact]
    public void DrawsMemberIdsFromTheGenerator()
    {
        var ids = new Queue<string>(["x-1", "x-2", "x-3", "x-4"]);

        var (network, _) = KickoffParser.Parse(System.Text.Json.JsonSerializer.SerializeToElement(Valid()), Now, ids.Dequeue, () => "unused");

        Assert.Equal(["x-1", "x-2", "x-3", "x-4"], network!.Members.Select(m => m.Id));
        Assert.All(network.Members, m => Assert.Equal(Now, m.JoinedAt));
    }

    [Fact]
    public void RefusesMoreThanTwentyFourMeetings()
    {
        JsonNode?[] meetings = Enumerable.Range(1, KickoffParser.MaxMeetings + 1)
            .Select(day => (JsonNode?)MeetingAt($"2027-03-{day:D2}T09:00:00+01:00", $"2027-03-{day:D2}T10:00:00+01:00"))
            .ToArray();

        Assert.Equal(["meetings"], Refused(With(d => d["meetings"] = new JsonArray(meetings))));
        Assert.True(Parse(With(d => d["meetings"] = new JsonArray(meetings[1..].Select(m => m!.DeepClone()).ToArray()))).Errors.IsEmpty);
    }
}
