using NetworkFunctions.Networks;

namespace NetworkFunctions.Reports;

/// <summary>How many themes, cases, experiences and challenges the members brought.</summary>
public sealed record ContributionCounts(int Theme, int Case, int Experience, int Challenge)
{
    public static ContributionCounts None { get; } = new(0, 0, 0, 0);

    public int Total => Theme + Case + Experience + Challenge;

    public int Of(ContributionType type) => type switch
    {
        ContributionType.Theme => Theme,
        ContributionType.Case => Case,
        ContributionType.Experience => Experience,
        ContributionType.Challenge => Challenge,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public static ContributionCounts Count(IEnumerable<Contribution> contributions)
    {
        List<Contribution> all = contributions.ToList();
        return new ContributionCounts(
            all.Count(c => c.Type == ContributionType.Theme),
            all.Count(c => c.Type == ContributionType.Case),
            all.Count(c => c.Type == ContributionType.Experience),
            all.Count(c => c.Type == ContributionType.Challenge));
    }

    public static ContributionCounts operator +(ContributionCounts a, ContributionCounts b) =>
        new(a.Theme + b.Theme, a.Case + b.Case, a.Experience + b.Experience, a.Challenge + b.Challenge);
}
