using NetworkFunctions.Networks;

namespace NetworkFunctions.Minutes;

/// <summary>
/// What a meeting's register is built from, read once per request: the invited members still in the network and the
/// ids of those who said yes. <see cref="With"/> adds who came by a version of the minutes. Pure.
/// </summary>
public sealed record RegisterBasis(IReadOnlyList<Member> Invited, IReadOnlySet<string> SaidYes)
{
    /// <summary>The register by department, then name, each row ticked when <paramref name="minutes"/> has the member as come.</summary>
    public IReadOnlyList<RegisterRow> With(MeetingMinutes minutes)
    {
        ArgumentNullException.ThrowIfNull(minutes);
        var came = minutes.Came.ToHashSet(StringComparer.Ordinal);
        return [.. Invited
            .OrderBy(m => m.Department, StringComparer.CurrentCulture).ThenBy(m => m.Name, StringComparer.CurrentCulture)
            .Select(m => new RegisterRow(m.Id, m.Name, m.Department, SaidYes.Contains(m.Id), came.Contains(m.Id)))];
    }
}
