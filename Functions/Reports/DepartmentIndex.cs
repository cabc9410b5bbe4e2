using NetworkFunctions.Networks;

namespace NetworkFunctions.Reports;

/// <summary>
/// The report's departments: the organisation's list in its order, then any department a member has that the list
/// lacks (alphabetically). A member's department is matched to the list ignoring case.
/// </summary>
internal sealed class DepartmentIndex
{
    readonly Dictionary<string, string> canonical = new(StringComparer.OrdinalIgnoreCase);
    readonly Dictionary<string, string> departmentOfMember = new(StringComparer.Ordinal);

    public DepartmentIndex(Network network)
    {
        var names = new List<string>();
        foreach (string department in network.Departments.Select(d => d.Trim()).Where(d => d.Length > 0))
        {
            if (canonical.TryAdd(department, department))
            {
                names.Add(department);
            }
        }

        foreach (string extra in network.Members
                     .Select(m => m.Department.Trim())
                     .Where(d => d.Length > 0 && !canonical.ContainsKey(d))
                     .Distinct(StringComparer.OrdinalIgnoreCase)
                     .Order(StringComparer.Ordinal))
        {
            canonical[extra] = extra;
            names.Add(extra);
        }

        foreach (Member member in network.Members)
        {
            if (canonical.TryGetValue(member.Department.Trim(), out string? name))
            {
                departmentOfMember[member.Id] = name;
            }
        }

        Names = names;
    }

    public IReadOnlyList<string> Names { get; }

    /// <summary>The member's department, or null for someone who is not (or no longer) a member.</summary>
    public string? Of(string memberId) => departmentOfMember.GetValueOrDefault(memberId);
}
