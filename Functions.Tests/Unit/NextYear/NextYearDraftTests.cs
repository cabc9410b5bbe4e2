using System.Text.Json;
using System.Text.Json.Nodes;
using NetworkFunctions.Kickoff;
using NetworkFunctions.Networks;
using NetworkFunctions.NextYear;
using NetworkFunctions.Validation;
using static NetworkFunctions.Tests.Support.DomainFixtures;

namespace NetworkFunctions.Tests.Unit.NextYear;

public sealed class NextYearDraftTests
{
    /// <summary>Asked on 1 December 2027, after the fixture's year (meetings in February, April and June 2027).</summary>
    static readonly DateTimeOffset Asked = At("2027-12-01T10:00:00+01:00");

    static readonly Contribution Volunteers = new(ContributionType.Theme, "Frivillige <i> foreninger", "Hvordan\nfår vi dem med?");
    static readonly Contribution Harbour = new(ContributionType.Case, "Havnen", "");

    static Network Year(string name = "Læringsnetværk for samskabelse 2027", string id = "slagelse-samskabelse-2027") =>
        Network(schedule: Seconds()) with { Name = name, Id = id };

    static JsonElement Json(KickoffDocument draft) => JsonSerializer.SerializeToElement(draft, KickoffDocument.JsonOptions);

    static (Network? Network, FieldErrors Errors) PostedBack(KickoffDocument draft, DateTimeOffset now)
    {
        int member = 0;
        return KickoffParser.Parse(Json(draft), now, () => $"n{++member:D3}", () => "q7r8s9");
    }

    [Fact]
    public void Is_a_kickoff_document_the_parser_takes_without_an_error()
    {
        Network year = Year();
        KickoffDocument draft = NextYearDraft.Build(year, [new("a", Volunteers), new("c", Harbour)], Asked);

        (Network? next, FieldErrors errors) = PostedBack(draft, Asked);

        Assert.True(errors.IsEmpty, string.Join("; ", errors.ToDictionary().Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
        Assert.NotNull(next);
        Assert.Equal("slagelse-samskabelse-2028", next.Id);
        Assert.Equal("Læringsnetværk for samskabelse 2028", next.Name);
        Assert.Equal(year.Members.Select(m => (m.Name, m.Email, m.Department)), next.Members.Select(m => (m.Name, m.Email, m.Department)));
        Assert.Equal(year.Schedule.ReminderLeads, next.Schedule.ReminderLeads);
        Assert.Equal(year.Schedule with { ReminderLeads = [] }, next.Schedule with { ReminderLeads = [] });
        Assert.Equal((year.Organisation, year.Language, year.TimeZone, year.Director, year.Facilitator, year.Consultant), (next.Organisation, next.Language, next.TimeZone, next.Director, next.Facilitator, next.Consultant));
        Assert.Equal(year.Departments, next.Departments);
        Assert.Equal(
            [(next.Members[0].Id, Volunteers), (next.Members[2].Id, Harbour)],
            next.CarriedOver.Select(c => (c.MemberId, c.Contribution)));
    }

    [Fact]
    public void Moves_every_meeting_52_weeks_on_keeping_place_title_and_length()
    {
        Network year = Year() with { Meetings = [YearMeetings[0] with { Title = "Opstart" }, YearMeetings[1], YearMeetings[2]] };

        KickoffDocument draft = NextYearDraft.Build(year, [], Asked);

        Assert.Equal(
            [
                (At("2028-02-02T09:00:00+01:00"), At("2028-02-02T12:30:00+01:00"), "Opstart"),
                (At("2028-04-05T09:00:00+02:00"), At("2028-04-05T12:30:00+02:00"), null),
                (At("2028-06-07T13:00:00+02:00"), At("2028-06-07T16:30:00+02:00"), null),
            ],
            draft.Meetings.Select(m => (m.Start, m.End, m.Title)));
        Assert.All(draft.Meetings, m => Assert.Equal("Rådhuset, mødelokale 1", m.Location));
        Assert.Contains("\"start\":\"2028-02-02T09:00:00+01:00\"", Json(draft).GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Leaves_out_cancelled_meetings_unless_every_meeting_was_cancelled()
    {
        Network year = Year() with { Meetings = [YearMeetings[0], YearMeetings[1] with { Cancelled = true }, YearMeetings[2]] };
        Network none = Year() with { Meetings = [.. YearMeetings.Select(m => m with { Cancelled = true })] };

        Assert.Equal([At("2028-02-02T09:00:00+01:00"), At("2028-06-07T13:00:00+02:00")], NextYearDraft.Build(year, [], Asked).Meetings.Select(m => m.Start));
        Assert.Equal(3, NextYearDraft.Build(none, [], Asked).Meetings.Count);
    }

    [Fact]
    public void Orders_the_meetings_by_start_whatever_their_numbers()
    {
        Network year = Year() with { Meetings = [YearMeetings[2] with { Number = 1 }, YearMeetings[0] with { Number = 2 }, YearMeetings[1] with { Number = 3 }] };

        Assert.Equal(
            [At("2028-02-02T09:00:00+01:00"), At("2028-04-05T09:00:00+02:00"), At("2028-06-07T13:00:00+02:00")],
            NextYearDraft.Build(year, [], Asked).Meetings.Select(m => m.Start));
    }

    [Fact]
    public void Asked_more_than_a_year_late_moves_as_many_years_on_as_it_takes_to_lie_ahead()
    {
        KickoffDocument draft = NextYearDraft.Build(Year(), [], At("2028-03-01T00:00:00Z"));

        Assert.Equal(At("2029-01-31T09:00:00+01:00"), draft.Meetings[0].Start);
        Assert.Equal("Læringsnetværk for samskabelse 2029", draft.Name);
        Assert.Equal("slagelse-samskabelse-2029", draft.NetworkId);
        Assert.True(PostedBack(draft, At("2028-03-01T00:00:00Z")).Errors.IsEmpty);
    }

    [Theory]
    [InlineData("Netværk 2027", "netvaerk-2027", "Netværk 2028", "netvaerk-2028")]
    [InlineData("Netværk for samskabelse", "netvaerk-k3f9q2", "Netværk for samskabelse", null)]
    [InlineData("Netværk 12027", "netvaerk-20271", "Netværk 12027", null)]
    [InlineData("2027: samskabelse", "slagelse-a1b2c3", "2028: samskabelse", null)]
    public void Makes_the_year_the_next_where_it_stands_as_a_number_of_its_own_and_else_leaves_the_id_to_the_kickoff(
        string name, string id, string nextName, string? nextId)
    {
        KickoffDocument draft = NextYearDraft.Build(Year(name, id), [], Asked);

        Assert.Equal(nextName, draft.Name);
        Assert.Equal(nextId, draft.NetworkId);
        Assert.DoesNotContain("\"networkId\"", nextId is null ? Json(draft).GetRawText() : "", StringComparison.Ordinal);
    }

    [Fact]
    public void Carries_over_what_waited_by_the_members_still_in_the_network_with_their_address()
    {
        Network year = Year() with { Members = [Member("a", Teknik), Member("c", Sundhed)] };

        KickoffDocument draft = NextYearDraft.Build(year, [new("a", Volunteers), new("b", Harbour), new("c", Harbour)], Asked);

        JsonNode json = JsonNode.Parse(Json(draft).GetRawText())!;
        Assert.Equal(2, json["members"]!.AsArray().Count);
        Assert.Equal(
            """[{"memberEmail":"a@example.dk","type":"theme","title":"Frivillige <i> foreninger","description":"Hvordan\nfår vi dem med?"},{"memberEmail":"c@example.dk","type":"case","title":"Havnen","description":""}]""",
            json["carriedOver"]!.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    [Fact]
    public void Leaves_the_field_out_when_nothing_waited_and_writes_no_nulls()
    {
        Network year = Year() with { Facilitator = new Facilitator("Frida", "frida@borgerdialog.dk", null) };

        string json = Json(NextYearDraft.Build(year, [], Asked)).GetRawText();

        Assert.DoesNotContain("carriedOver", json, StringComparison.Ordinal);
        Assert.DoesNotContain("null", json, StringComparison.Ordinal);
        Assert.Contains("\"schedule\":{\"invitationLead\":\"PT1M\",\"contributionDeadlineLead\":\"PT30S\",\"reminderLeads\":[\"PT10S\",\"PT5S\"]", json, StringComparison.Ordinal);
        Assert.Contains("\"language\":\"da\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Writes_an_english_network_as_english()
    {
        string json = Json(NextYearDraft.Build(Year() with { Language = Language.En }, [], Asked)).GetRawText();

        Assert.Contains("\"language\":\"en\"", json, StringComparison.Ordinal);
    }
}
