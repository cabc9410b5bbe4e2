using NetworkFunctions.Networks;
using NetworkFunctions.Overview;
using static NetworkFunctions.Tests.Support.DomainFixtures;

namespace NetworkFunctions.Tests.Unit.Overview;

/// <summary>The dashboard's early warnings after two held meetings: members who missed both, departments absent from both.</summary>
public sealed class AbsenceWarningsTests
{
    static readonly Network Year = Network(members: [Member("a", Teknik), Member("b", Born), Member("c", Sundhed), Member("d", Teknik)]);

    static HeldMeeting Held(int number, string[] came, string[]? invited = null) =>
        new(number, (invited ?? ["a", "b", "c", "d"]).ToHashSet(), came.ToHashSet());

    [Fact]
    public void Nothing_to_say_before_two_meetings_were_held()
    {
        Assert.Null(AbsenceWarnings.Of(Year, []));
        Assert.Null(AbsenceWarnings.Of(Year, [Held(1, [])]));
    }

    [Fact]
    public void A_member_who_came_to_neither_of_the_last_two_is_named_and_one_who_came_to_either_is_not()
    {
        Absences absences = AbsenceWarnings.Of(Year, [Held(1, ["a", "b", "c", "d"]), Held(2, ["a", "c"]), Held(3, ["a", "b"])])!;

        Assert.Equal((2, 3), (absences.Earlier, absences.Later));
        Assert.Equal(["d"], absences.Members.Select(m => m.Id));
    }

    [Fact]
    public void A_member_not_invited_to_both_is_not_named()
    {
        // d joined after meeting 2's invitations: missing meeting 3 alone is no pattern yet.
        Absences absences = AbsenceWarnings.Of(Year, [Held(2, ["a", "b", "c"], invited: ["a", "b", "c"]), Held(3, ["a", "b", "c"])])!;

        Assert.Empty(absences.Members);
    }

    [Fact]
    public void A_department_nobody_came_from_at_either_meeting_is_named_whether_or_not_it_has_members()
    {
        Absences absences = AbsenceWarnings.Of(Year, [Held(1, ["a"]), Held(2, ["d"])])!;

        Assert.Equal([Born, Sundhed, Okonomi], absences.Departments.Order(StringComparer.Ordinal));
        Assert.True(absences.Any);
    }
}
