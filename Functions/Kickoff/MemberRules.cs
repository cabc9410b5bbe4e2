using NetworkFunctions.Validation;

namespace NetworkFunctions.Kickoff;

/// <summary>
/// The rules for one member of a kickoff, said once for every way members come in: the kickoff document
/// (<see cref="KickoffParser"/>) and the roster file (<see cref="RosterImport"/>). A name and a department of at most
/// 200 characters, a valid email address of at most 254, and a department the organisation lists (compared in any case,
/// kept as the list spells it). Whether two members share an address is the caller's to check, since only it knows
/// how to point at the first one (<c>members[0]</c>, row 4).
/// </summary>
public static class MemberRules
{
    public const int MaxName = 200;
    public const int MaxEmail = 254;
    public const int MaxDepartment = 200;

    /// <summary>The field names problems are reported under, as the kickoff document names them.</summary>
    public const string Name = "name";
    public const string Email = "email";
    public const string Department = "department";

    /// <summary>At most this many departments are named in the message for a department that is not listed.</summary>
    const int DepartmentsNamed = 20;

    /// <summary>
    /// Checks a member's trimmed fields and reports each problem as (<see cref="Name"/>, <see cref="Email"/> or
    /// <see cref="Department"/>, message); a null field is one the caller has already reported as absent.
    /// Returns the member with the department as <paramref name="departments"/> spell it. An empty list of departments
    /// accepts any department (the kickoff reports the missing list itself).
    /// </summary>
    public static KickoffMember Check(string? name, string? email, string? department, IReadOnlyList<string> departments, Action<string, string> report)
    {
        ArgumentNullException.ThrowIfNull(departments);
        ArgumentNullException.ThrowIfNull(report);
        if (name is not null && TextRules.Problem(name, MaxName) is { } nameProblem)
        {
            report(Name, nameProblem);
        }

        if (email is not null && TextRules.Problem(email, MaxEmail) is { } emailProblem)
        {
            report(Email, emailProblem);
        }

        if (email is { Length: > 0 } && !EmailAddresses.IsValid(email))
        {
            report(Email, "Not a valid email address.");
        }

        if (department is not null && TextRules.Problem(department, MaxDepartment) is { } departmentProblem)
        {
            report(Department, departmentProblem);
        }

        string? listed = department is null ? null : departments.FirstOrDefault(d => string.Equals(d, department, StringComparison.OrdinalIgnoreCase));
        if (department is { Length: > 0 } && departments.Count > 0 && listed is null)
        {
            report(Department, UnknownDepartment(departments));
        }

        return new KickoffMember(name ?? "", email ?? "", listed ?? department ?? "");
    }

    static string UnknownDepartment(IReadOnlyList<string> departments)
    {
        string named = string.Join(", ", departments.Take(DepartmentsNamed));
        string more = departments.Count > DepartmentsNamed ? $" and {departments.Count - DepartmentsNamed} more" : "";
        return $"Not one of the organisation's departments: {named}{more}.";
    }
}
