using NetworkFunctions.Networks;

namespace NetworkFunctions.Overview;

/// <summary>Who came to one held meeting: the invited member ids, and those who came (the register, else the yes answers).</summary>
public sealed record HeldMeeting(int Number, IReadOnlySet<string> Invited, IReadOnlySet<string> Came);

/// <summary>The early warnings: members invited to the last two held meetings who came to neither, and departments nobody came from at either.</summary>
public sealed record Absences(int Earlier, int Later, IReadOnlyList<Member> Members, IReadOnlyList<string> Departments)
{
    public bool Any => Members.Count > 0 || Departments.Count > 0;
}

/// <summary>
/// The network's own lesson is that it works only when every department takes part, so the dashboard warns early: after
/// two held meetings in a row, it names each member invited to both who came to neither, and each department of the
/// network that nobody came from at either. "Came" is the minutes' register where the preparers kept one, else the yes
/// answers. Pure: the caller says which meetings were held.
/// </summary>
public static class AbsenceWarnings
{
    /// <summary>The warnings of the last two held meetings (in meeting order); null with fewer than two.</summary>
    public static Absences? Of(Network network, IReadOnlyList<HeldMeeting> held)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(held);
        if (held.Count < 2)
        {
            return null;
        }

        (HeldMeeting earlier, HeldMeeting later) = (held[^2], held[^1]);
        IReadOnlyList<Member> members = [.. network.Members
            .Where(m => earlier.Invited.Contains(m.Id) && later.Invited.Contains(m.Id) && !earlier.Came.Contains(m.Id) && !later.Came.Contains(m.Id))
            .OrderBy(m => m.Department, StringComparer.CurrentCulture).ThenBy(m => m.Name, StringComparer.CurrentCulture)];
        var cameFrom = network.Members
            .Where(m => earlier.Came.Contains(m.Id) || later.Came.Contains(m.Id))
            .Select(m => m.Department)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        IReadOnlyList<string> departments = [.. network.Departments.Where(d => !cameFrom.Contains(d))];
        return new Absences(earlier.Number, later.Number, members, departments);
    }
}
