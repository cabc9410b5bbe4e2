using NetworkFunctions.Networks;
using static NetworkFunctions.Tests.Support.DomainFixtures;

namespace NetworkFunctions.Tests.Unit.Networks;

public sealed class NetworkTests
{
    [Fact]
    public void ListsMissingDepartmentsInTheListsOrder()
    {
        Network network = Network(members: [Member("a", Sundhed), Member("b", Sundhed)]);

        Assert.Equal([Teknik, Born, Okonomi], network.MissingDepartments);
    }

    [Fact]
    public void ComparesDepartmentsIgnoringCase()
    {
        Network network = Network(members: [Member("a", Teknik.ToUpperInvariant()), Member("b", "center for børn & unge")]);

        Assert.Equal([Sundhed, Okonomi], network.MissingDepartments);
    }

    [Fact]
    public void MissesNoDepartmentWhenAllAreThere()
    {
        Network network = Network(members: Departments.Select((d, i) => Member("m" + i, d)).ToList());

        Assert.Empty(network.MissingDepartments);
    }

    [Fact]
    public void MissesEveryDepartmentWithoutMembers()
    {
        Assert.Equal(Departments, Network(members: []).MissingDepartments);
    }

    [Fact]
    public void EndsWithTheLastMeeting()
    {
        Assert.Equal(At("2027-06-09T16:30:00+02:00"), Network().EndsAt);
    }

    [Fact]
    public void EndsWithTheLastMeetingThatIsNotCancelled()
    {
        Network network = Network(meetings: [YearMeetings[0], YearMeetings[1], YearMeetings[2] with { Cancelled = true }]);

        Assert.Equal(At("2027-04-07T12:30:00+02:00"), network.EndsAt);
    }

    [Fact]
    public void IgnoresCancelledMeetingsInTheMiddle()
    {
        Network network = Network(meetings: [YearMeetings[0], YearMeetings[1] with { Cancelled = true }, YearMeetings[2]]);

        Assert.Equal(At("2027-06-09T16:30:00+02:00"), network.EndsAt);
    }

    [Fact]
    public void EndsWithTheLastMeetingWhenAllAreCancelled()
    {
        Network network = Network(meetings: YearMeetings.Select(m => m with { Cancelled = true }).ToList());

        Assert.Equal(At("2027-06-09T16:30:00+02:00"), network.EndsAt);
    }

    [Theory]
    [InlineData("a@example.dk")]
    [InlineData("A@EXAMPLE.DK")]
    [InlineData("A@Example.Dk")]
    public void FindsAMemberByEmailIgnoringCase(string email)
    {
        Assert.Equal("a", Network().FindMemberByEmail(email)?.Id);
    }

    [Theory]
    [InlineData("x@example.dk")]
    [InlineData("a@example.com")]
    [InlineData("")]
    public void FindsNoMemberForAnotherEmail(string email)
    {
        Assert.Null(Network().FindMemberByEmail(email));
    }

    [Fact]
    public void FindsMembersAndMeetingsById()
    {
        Network network = Network();

        Assert.Equal("Navn b", network.FindMember("b")?.Name);
        Assert.Null(network.FindMember("B"));
        Assert.Equal(At("2027-04-07T09:00:00+02:00"), network.FindMeeting(2)?.Start);
        Assert.Null(network.FindMeeting(0));
        Assert.Null(network.FindMeeting(4));
    }

    [Fact]
    public void ResolvesItsTimeZone()
    {
        Assert.Equal(TimeSpan.FromHours(1), Network().Zone.GetUtcOffset(new DateTime(2027, 2, 3, 9, 0, 0, DateTimeKind.Unspecified)));
    }
}
