namespace NetworkFunctions.Networks;

/// <summary>What every answer a member submits to a meeting carries: who, to which meeting, and when.</summary>
public interface IMemberAnswer
{
    string MemberId { get; }

    int Meeting { get; }

    DateTimeOffset SubmittedAt { get; }
}

/// <summary>A member may answer a form again; the latest submission replaces the earlier ones.</summary>
public static class LatestAnswers
{
    /// <summary>Each member's latest answer to <paramref name="meeting"/>, ordered by member id.</summary>
    public static IReadOnlyList<T> LatestPerMember<T>(this IEnumerable<T> answers, int meeting)
        where T : IMemberAnswer =>
        [.. answers
            .Where(a => a.Meeting == meeting)
            .GroupBy(a => a.MemberId, StringComparer.Ordinal)
            .Select(g => g.MaxBy(a => a.SubmittedAt)!)
            .OrderBy(a => a.MemberId, StringComparer.Ordinal)];
}
