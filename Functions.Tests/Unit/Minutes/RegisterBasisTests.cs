using NetworkFunctions.Minutes;
using NetworkFunctions.Networks;
using static NetworkFunctions.Tests.Support.DomainFixtures;

namespace NetworkFunctions.Tests.Unit.Minutes;

/// <summary>The register as the minutes form and the minutes show it: by department and name, said-yes and came side by side.</summary>
public sealed class RegisterBasisTests
{
    static readonly RegisterBasis Basis = new(
        [Member("c", Teknik) with { Name = "Carl" }, Member("a", Born) with { Name = "Bo" }, Member("b", Teknik) with { Name = "Anna" }],
        new HashSet<string>(["a", "b"], StringComparer.Ordinal));

    [Fact]
    public void Lists_every_invited_member_by_department_then_name_with_the_minutes_ticks()
    {
        IReadOnlyList<RegisterRow> rows = Basis.With(MeetingMinutes.Prefilled(1, ["Møde 1"], ["c", "a", "x"]));

        Assert.Equal(["a", "b", "c"], rows.Select(r => r.Id));
        Assert.Equal([true, true, false], rows.Select(r => r.SaidYes));
        Assert.Equal([true, false, true], rows.Select(r => r.Came));
    }

    [Fact]
    public void The_same_basis_serves_each_version_of_the_minutes()
    {
        MeetingMinutes before = MeetingMinutes.Prefilled(1, ["Møde 1"], ["a"]);
        MeetingMinutes after = new MinutesEdits(0, [(null, null, null)], ["b"], Send: false).ApplyTo(before, "facilitator", At("2027-02-03T13:00:00Z"));

        Assert.Equal(["a"], Basis.With(before).Where(r => r.Came).Select(r => r.Id));
        Assert.Equal(["b"], Basis.With(after).Where(r => r.Came).Select(r => r.Id));
    }
}
