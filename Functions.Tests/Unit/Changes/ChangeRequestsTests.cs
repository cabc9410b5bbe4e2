using System.Text.Json;
using System.Text.Json.Nodes;
using NetworkFunctions.Changes;
using NetworkFunctions.Networks;
using NetworkFunctions.Validation;
using DomainFixtures = NetworkFunctions.Tests.Support.DomainFixtures;
using static NetworkFunctions.Tests.Support.DomainFixtures;

namespace NetworkFunctions.Tests.Unit.Changes;

public sealed class ChangeRequestsTests
{
    static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    static JsonElement Json(JsonNode node) => JsonSerializer.SerializeToElement(node);

    static string[] Keys(FieldErrors errors) => errors.ToDictionary().Keys.ToArray();

    static (NewMember? Member, FieldErrors Errors) Member(JsonObject body, Network? network = null) =>
        ChangeRequests.ReadMember(Json(body), network ?? Network());

    static JsonObject Body(string name = "Nina Nielsen", string email = "nina@slagelse.dk", string department = Okonomi) =>
        new() { ["name"] = name, ["email"] = email, ["department"] = department };

    static (MeetingChange? Change, FieldErrors Errors) Change(string json, int number = 2, Network? network = null) =>
        ChangeRequests.ReadMeetingChange(Json(json), network ?? Network(), number, Now);

    [Fact]
    public void ReadsANewMember()
    {
        var (member, errors) = Member(Body());

        Assert.True(errors.IsEmpty);
        Assert.Equal(new NewMember("Nina Nielsen", "nina@slagelse.dk", Okonomi), member);
    }

    [Fact]
    public void TrimsTheMemberAndUsesTheListedDepartmentName()
    {
        var (member, errors) = Member(Body("  Nina  ", " nina@slagelse.dk ", "CENTER FOR ØKONOMI & DIGITALISERING"));

        Assert.True(errors.IsEmpty);
        Assert.Equal(new NewMember("Nina", "nina@slagelse.dk", Okonomi), member);
    }

    [Theory]
    [InlineData("a@example.dk")]
    [InlineData("A@Example.DK")]
    public void RefusesAnEmailThatIsAlreadyAMember(string email)
    {
        var (member, errors) = Member(Body(email: email));

        Assert.Null(member);
        Assert.Equal(["email"], Keys(errors));
    }

    [Theory]
    [InlineData("nina")]
    [InlineData("nina@")]
    [InlineData("nina@slagelse")]
    [InlineData("@slagelse.dk")]
    [InlineData("nina nielsen@slagelse.dk")]
    [InlineData("Nina <nina@slagelse.dk>")]
    [InlineData("nina@slagelse.dk,ole@slagelse.dk")]
    [InlineData("nina@.dk")]
    [InlineData("nina@slagelse.")]
    public void RefusesABadEmail(string email)
    {
        var (member, errors) = Member(Body(email: email));

        Assert.Null(member);
        Assert.Equal(["email"], Keys(errors));
    }

    [Theory]
    [InlineData("Center for Kultur")]
    [InlineData("Teknik")]
    public void RefusesAnUnknownDepartment(string department)
    {
        var (member, errors) = Member(Body(department: department));

        Assert.Null(member);
        Assert.Equal(["department"], Keys(errors));
    }

    [Fact]
    public void RefusesUnknownFields()
    {
        JsonObject body = Body();
        body["phone"] = "12345678";
        body["Email"] = "x@y.dk";

        var (member, errors) = Member(body);

        Assert.Null(member);
        Assert.Equal(["Email", "phone"], Keys(errors));
    }

    [Theory]
    [InlineData("{}", new[] { "department", "email", "name" })]
    [InlineData("{\"name\":null,\"email\":5,\"department\":\"  \"}", new[] { "department", "email", "name" })]
    [InlineData("{\"name\":\"Nina\",\"email\":\"nina@slagelse.dk\",\"department\":[\"x\"]}", new[] { "department" })]
    [InlineData("[]", new[] { "$" })]
    [InlineData("\"nina@slagelse.dk\"", new[] { "$" })]
    [InlineData("null", new[] { "$" })]
    public void RefusesMissingOrMistypedFields(string json, string[] keys)
    {
        var (member, errors) = ChangeRequests.ReadMember(Json(json), Network());

        Assert.Null(member);
        Assert.Equal(keys, Keys(errors));
    }

    [Fact]
    public void RefusesTooLongOrControlCharacterText()
    {
        var (_, errors) = Member(Body(name: new string('n', 201)));
        Assert.Equal(["name"], Keys(errors));

        (_, errors) = Member(Body(name: "Nina\u0000Nielsen"));
        Assert.Equal(["name"], Keys(errors));
    }

    [Fact]
    public void RefusesTheFiveHundredAndFirstMember()
    {
        Network full = Network(members: Enumerable.Range(0, 500).Select(i => DomainFixtures.Member("m" + i, Teknik)).ToList());

        var (member, errors) = Member(Body(), full);

        Assert.Null(member);
        Assert.Equal(["$"], Keys(errors));
    }

    [Fact]
    public void ReportsEveryMemberProblemAtOnce()
    {
        var (_, errors) = Member(new JsonObject { ["name"] = "", ["email"] = "b@EXAMPLE.dk", ["department"] = "Kultur", ["extra"] = true });

        Assert.Equal(["department", "email", "extra", "name"], Keys(errors));
    }

    [Theory]
    [InlineData("{\"start\":\"2027-04-14T09:00:00+02:00\",\"end\":\"2027-04-14T12:30:00+02:00\"}", null)]
    [InlineData("{\"start\":\"2027-04-14T07:00:00Z\",\"end\":\"2027-04-14T10:30:00Z\",\"location\":\" Byrådssalen \"}", "Byrådssalen")]
    [InlineData("{\"start\":\"2027-04-14T09:00+02:00\",\"end\":\"2027-04-14T12:30:00-00:00\"}", null)]
    public void ReadsAMove(string json, string? location)
    {
        var (change, errors) = Change(json);

        Assert.True(errors.IsEmpty, string.Join(", ", Keys(errors)));
        Assert.NotNull(change);
        Assert.False(change.Cancel);
        Assert.Equal(At("2027-04-14T07:00:00Z"), change.Start);
        Assert.True(change.End > change.Start);
        Assert.Equal(location, change.Location);
    }

    [Theory]
    [InlineData("2026-11-28T08:00:00Z")]
    [InlineData("2026-11-28T08:59:59+01:00")]
    [InlineData("2026-01-01T09:00:00+01:00")]
    public void RefusesAMoveIntoThePast(string start)
    {
        var (change, errors) = Change($"{{\"start\":\"{start}\",\"end\":\"2026-11-28T12:00:00+01:00\"}}");

        Assert.Null(change);
        Assert.Contains("start", Keys(errors));
    }

    [Theory]
    [InlineData("2027-04-14T09:00:00+02:00")]
    [InlineData("2027-04-14T08:00:00+02:00")]
    [InlineData("2027-04-14T07:00:00Z")]
    public void RefusesAnEndNotAfterTheStart(string end)
    {
        var (change, errors) = Change($"{{\"start\":\"2027-04-14T09:00:00+02:00\",\"end\":\"{end}\"}}");

        Assert.Null(change);
        Assert.Equal(["end"], Keys(errors));
    }

    [Fact]
    public void RefusesAMeetingLongerThanTwelveHours()
    {
        Assert.True(Change("{\"start\":\"2027-04-14T08:00:00+02:00\",\"end\":\"2027-04-14T20:00:00+02:00\"}").Errors.IsEmpty);
        Assert.Equal(["end"], Keys(Change("{\"start\":\"2027-04-14T08:00:00+02:00\",\"end\":\"2027-04-14T20:00:01+02:00\"}").Errors));
    }

    [Theory]
    [InlineData("2027-02-03T12:00:00+01:00", "2027-02-03T15:00:00+01:00")]
    [InlineData("2027-02-03T08:00:00+01:00", "2027-02-03T09:30:00+01:00")]
    [InlineData("2027-02-03T10:00:00+01:00", "2027-02-03T11:00:00+01:00")]
    [InlineData("2027-02-03T07:00:00+01:00", "2027-02-03T14:00:00+01:00")]
    public void RefusesAnOverlapWithAnotherMeeting(string start, string end)
    {
        var (change, errors) = Change($"{{\"start\":\"{start}\",\"end\":\"{end}\"}}", number: 2);

        Assert.Null(change);
        Assert.Equal(["start"], Keys(errors));
        Assert.Contains("meeting 1", errors.ToDictionary()["start"][0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2027-02-03T12:30:00+01:00", "2027-02-03T15:00:00+01:00")]
    [InlineData("2027-02-03T07:00:00+01:00", "2027-02-03T09:00:00+01:00")]
    public void AllowsAMeetingRightBeforeOrAfterAnother(string start, string end)
    {
        Assert.True(Change($"{{\"start\":\"{start}\",\"end\":\"{end}\"}}", number: 2).Errors.IsEmpty);
    }

    [Fact]
    public void AllowsAMoveThatOverlapsItsOwnOldTime()
    {
        var (change, errors) = Change("{\"start\":\"2027-04-07T10:00:00+02:00\",\"end\":\"2027-04-07T13:30:00+02:00\"}", number: 2);

        Assert.True(errors.IsEmpty);
        Assert.Equal(At("2027-04-07T10:00:00+02:00"), change?.Start);
    }

    [Fact]
    public void AllowsAMoveOntoACancelledMeeting()
    {
        Network network = Network(meetings: [YearMeetings[0] with { Cancelled = true }, YearMeetings[1], YearMeetings[2]]);

        Assert.True(Change("{\"start\":\"2027-02-03T09:00:00+01:00\",\"end\":\"2027-02-03T12:30:00+01:00\"}", 2, network).Errors.IsEmpty);
    }

    [Fact]
    public void ReportsEachMeetingOverlapped()
    {
        var (_, errors) = Change("{\"start\":\"2027-02-03T09:00:00+01:00\",\"end\":\"2027-04-07T10:00:00+02:00\"}", number: 3);

        Assert.Equal(2, errors.ToDictionary()["start"].Length);
    }

    [Theory]
    [InlineData("2027-04-14T09:00:00")]
    [InlineData("2027-04-14")]
    [InlineData("14-04-2027 09:00 +02:00")]
    [InlineData("2027-04-14T09:00:00+0200")]
    [InlineData("2027-04-14T09:00:00z")]
    [InlineData("2027-02-30T09:00:00+01:00")]
    [InlineData("2027-04-14T25:00:00+02:00")]
    [InlineData("tomorrow")]
    public void RefusesATimeWithoutAnOffset(string start)
    {
        var (change, errors) = Change($"{{\"start\":\"{start}\",\"end\":\"2027-04-14T12:30:00+02:00\"}}");

        Assert.Null(change);
        Assert.Equal(["start"], Keys(errors));
    }

    [Theory]
    [InlineData("{}", new[] { "end", "start" })]
    [InlineData("{\"start\":\"2027-04-14T09:00:00+02:00\"}", new[] { "end" })]
    [InlineData("{\"start\":5,\"end\":true}", new[] { "end", "start" })]
    [InlineData("{\"start\":\"2027-04-14T09:00:00+02:00\",\"end\":\"2027-04-14T12:30:00+02:00\",\"location\":\"\"}", new[] { "location" })]
    [InlineData("{\"start\":\"2027-04-14T09:00:00+02:00\",\"end\":\"2027-04-14T12:30:00+02:00\",\"room\":\"1\"}", new[] { "room" })]
    [InlineData("[]", new[] { "$" })]
    public void RefusesMissingMistypedOrUnknownFields(string json, string[] keys)
    {
        var (change, errors) = Change(json);

        Assert.Null(change);
        Assert.Equal(keys, Keys(errors));
    }

    [Fact]
    public void ReadsACancellation()
    {
        var (change, errors) = Change("{\"cancelled\":true}");

        Assert.True(errors.IsEmpty);
        Assert.Equal(new MeetingChange(null, null, null, true), change);
    }

    [Theory]
    [InlineData("{\"cancelled\":false}")]
    [InlineData("{\"cancelled\":\"true\"}")]
    [InlineData("{\"cancelled\":null}")]
    [InlineData("{\"cancelled\":1}")]
    public void RefusesAnythingButCancelledTrue(string json)
    {
        var (change, errors) = Change(json);

        Assert.Null(change);
        Assert.Equal(["cancelled"], Keys(errors));
    }

    [Theory]
    [InlineData("{\"cancelled\":true,\"start\":\"2027-04-14T09:00:00+02:00\"}")]
    [InlineData("{\"cancelled\":true,\"end\":\"2027-04-14T12:30:00+02:00\"}")]
    [InlineData("{\"cancelled\":true,\"location\":\"Byrådssalen\"}")]
    [InlineData("{\"cancelled\":true,\"start\":\"2027-04-14T09:00:00+02:00\",\"end\":\"2027-04-14T12:30:00+02:00\"}")]
    public void RefusesACancellationMixedWithAMove(string json)
    {
        var (change, errors) = Change(json);

        Assert.Null(change);
        Assert.Equal(["cancelled"], Keys(errors));
    }

    [Fact]
    public void RefusesCancelledFalseMixedWithAMoveForBothReasons()
    {
        var (_, errors) = Change("{\"cancelled\":false,\"start\":\"2027-04-14T09:00:00+02:00\",\"end\":\"2027-04-14T12:30:00+02:00\"}");

        Assert.Equal(2, errors.ToDictionary()["cancelled"].Length);
    }

    [Fact]
    public void RefusesUnknownFieldsNextToACancellation()
    {
        Assert.Equal(["cancelled", "reason"], Keys(Change("{\"cancelled\":false,\"reason\":\"sygdom\"}").Errors));
        Assert.Equal(["reason"], Keys(Change("{\"cancelled\":true,\"reason\":\"sygdom\"}").Errors));
    }
}
