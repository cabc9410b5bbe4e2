using NetworkFunctions.Validation;

namespace NetworkFunctions.Kickoff;

/// <summary>
/// What <see cref="RosterImport"/> made of a roster file: the members, in the kickoff document's shape and the file's
/// order, only when there are no <see cref="Problems"/>; otherwise every problem and no members at all.
/// </summary>
public sealed record RosterResult(IReadOnlyList<KickoffMember>? Members, IReadOnlyList<RosterProblem> Problems)
{
    public bool IsValid => Members is not null;

    public static RosterResult Valid(IReadOnlyList<KickoffMember> members) => new(members, []);

    public static RosterResult Refused(IReadOnlyList<RosterProblem> problems) => new(null, problems);

    public static RosterResult Refused(RosterProblem problem) => new(null, [problem]);

    /// <summary>The problems by <see cref="RosterProblem.Location"/> (<c>C4</c>, <c>row 4</c>, <c>file</c>), for a problem+json answer.</summary>
    public FieldErrors ToFieldErrors()
    {
        var errors = new FieldErrors();
        foreach (RosterProblem problem in Problems)
        {
            errors.Add(problem.Location, problem.Column is null ? problem.Message : $"{problem.Column}: {problem.Message}");
        }

        return errors;
    }
}
