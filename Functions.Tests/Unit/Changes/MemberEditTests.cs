using System.Text.Json;
using NetworkFunctions.Changes;
using NetworkFunctions.Networks;
using NetworkFunctions.Validation;
using static NetworkFunctions.Tests.Support.DomainFixtures;

namespace NetworkFunctions.Tests.Unit.Changes;

/// <summary><see cref="ChangeRequests.ReadMemberEdit"/>: a PATCH of a member's name, address or department.</summary>
public sealed class MemberEditTests
{
    static readonly Network Year = Network();

    static Member B => Year.FindMember("b")!;

    static (MemberEdit? Edit, FieldErrors Errors) Read(string json) =>
        ChangeRequests.ReadMemberEdit(JsonDocument.Parse(json).RootElement.Clone(), Year, B);

    static string[] Keys(FieldErrors errors) => errors.ToDictionary().Keys.ToArray();

    [Fact]
    public void Reads_a_new_address_alone_and_keeps_the_rest()
    {
        var (edit, errors) = Read("""{"email":" bo.ny@slagelse.dk "}""");

        Assert.True(errors.IsEmpty);
        Assert.Equal(new MemberEdit(null, "bo.ny@slagelse.dk", null), edit);
        Assert.Equal(B with { Email = "bo.ny@slagelse.dk" }, edit!.ApplyTo(B));
    }

    [Fact]
    public void Reads_every_field_and_spells_the_department_as_the_list_does()
    {
        var (edit, errors) = Read("""{"name":"Bo Ny","email":"bo@slagelse.dk","department":"center for sundhed & ældre"}""");

        Assert.True(errors.IsEmpty);
        Assert.Equal(new Member("b", "Bo Ny", "bo@slagelse.dk", Sundhed, B.JoinedAt), edit!.ApplyTo(B));
    }

    [Theory]
    [InlineData("""{"email":"B@EXAMPLE.DK"}""")]
    [InlineData("""{"email":"b@example.dk"}""")]
    public void The_members_own_address_in_another_case_is_no_conflict(string json)
    {
        var (edit, errors) = Read(json);

        Assert.True(errors.IsEmpty);
        Assert.NotNull(edit);
    }

    [Theory]
    [InlineData("""{"email":"A@example.dk"}""", new[] { "email" })]
    [InlineData("""{"email":"bo"}""", new[] { "email" })]
    [InlineData("""{"email":null}""", new[] { "email" })]
    [InlineData("""{"name":"  "}""", new[] { "name" })]
    [InlineData("""{"name":"Bo\u0007"}""", new[] { "name" })]
    [InlineData("""{"department":"Center for Kultur"}""", new[] { "department" })]
    [InlineData("""{"role":"x"}""", new[] { "role" })]
    [InlineData("""{"name":5,"email":"a@example.dk","department":"x","id":"m1"}""", new[] { "department", "email", "id", "name" })]
    [InlineData("{}", new[] { "$" })]
    [InlineData("[]", new[] { "$" })]
    [InlineData("null", new[] { "$" })]
    public void Refuses_with_every_field_error(string json, string[] keys)
    {
        var (edit, errors) = Read(json);

        Assert.Null(edit);
        Assert.Equal(keys.Order(StringComparer.Ordinal), Keys(errors).Order(StringComparer.Ordinal));
    }
}
