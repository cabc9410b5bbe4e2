using NetworkFunctions.Cycle;
using NetworkFunctions.Durable;
using NetworkFunctions.Networks;
using static NetworkFunctions.Tests.Support.DomainFixtures;

namespace NetworkFunctions.Tests.Unit.Networks;

public sealed class RecipientsTests
{
    // a, b, c, d were invited; e joined after the invitation; x was invited and has since left the network.
    static readonly Network Current = Network(members:
    [
        Member("a", Teknik),
        Member("b", Born),
        Member("c", Sundhed),
        Member("d", Okonomi),
        Member("e", Teknik, joined: At("2027-01-10T10:00:00+01:00")),
    ]);

    static readonly IReadOnlySet<string> InvitedIds = new HashSet<string> { "a", "b", "c", "d", "x" };

    static InvitationAnswer Answer(string member, Attendance attendance) =>
        new(member, 1, attendance, [], At("2027-01-15T10:00:00+01:00"));

    static string[] Ids(IEnumerable<Member> members) => members.Select(m => m.Id).ToArray();

    [Fact]
    public void InvitesOnlyCurrentMembersWhoWereInvited()
    {
        Assert.Equal(["a", "b", "c", "d"], Ids(Recipients.Invited(Current, InvitedIds)));
    }

    [Fact]
    public void InvitesNobodyBeforeTheInvitation()
    {
        Assert.Empty(Recipients.Invited(Current, new HashSet<string>()));
    }

    [Fact]
    public void RemindsOnlyInvitedMembersWhoHaveNotAnswered()
    {
        Assert.Equal(["b", "d"], Ids(Recipients.NotAnswered(Current, InvitedIds, ["a", "c"])));
    }

    [Fact]
    public void RemindsEveryInvitedMemberWhenNobodyAnswered()
    {
        Assert.Equal(["a", "b", "c", "d"], Ids(Recipients.NotAnswered(Current, InvitedIds, [])));
    }

    [Fact]
    public void RemindsNobodyWhenEveryoneAnswered()
    {
        Assert.Empty(Recipients.NotAnswered(Current, InvitedIds, ["a", "b", "c", "d"]));
    }

    [Fact]
    public void DoesNotRemindMembersWhoJoinedAfterTheInvitation()
    {
        Assert.DoesNotContain("e", Ids(Recipients.NotAnswered(Current, InvitedIds, [])));
    }

    [Fact]
    public void DoesNotRemindRemovedMembers()
    {
        Assert.DoesNotContain("x", Ids(Recipients.NotAnswered(Current, InvitedIds, [])));
    }

    [Fact]
    public void ComparesMemberIdsExactly()
    {
        Assert.Equal(["a", "b", "c", "d"], Ids(Recipients.NotAnswered(Current, InvitedIds, ["A", "B"])));
    }

    [Fact]
    public void SurveysInvitedMembersExceptThoseWhoDeclined()
    {
        InvitationAnswer[] answers = [Answer("a", Attendance.No), Answer("b", Attendance.Yes), Answer("c", Attendance.Maybe)];

        Assert.Equal(["b", "c", "d"], Ids(Recipients.Surveyed(Current, InvitedIds, answers)));
    }

    [Fact]
    public void SurveysNeitherLateJoinersNorRemovedMembers()
    {
        InvitationAnswer[] answers = [Answer("e", Attendance.Yes), Answer("x", Attendance.Yes)];

        Assert.Equal(["a", "b", "c", "d"], Ids(Recipients.Surveyed(Current, InvitedIds, answers)));
    }

    [Fact]
    public void SurveysNobodyWhenAllDeclined()
    {
        Assert.Empty(Recipients.Surveyed(Current, InvitedIds, new[] { "a", "b", "c", "d" }.Select(m => Answer(m, Attendance.No))));
    }
}
