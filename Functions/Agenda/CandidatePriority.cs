namespace NetworkFunctions.Agenda;

/// <summary>
/// The order in which candidates claim agenda time: carried over from the oldest meeting first (so carried-over before
/// new), then the earliest submission, then member id, type, title and description (ordinal), so the order is total and
/// never depends on the input order.
/// </summary>
public sealed class CandidatePriority : IComparer<AgendaCandidate>
{
    public static CandidatePriority Instance { get; } = new();

    public int Compare(AgendaCandidate? x, AgendaCandidate? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        int order = x.FromMeeting.CompareTo(y.FromMeeting);
        order = order != 0 ? order : x.SubmittedAt.UtcTicks.CompareTo(y.SubmittedAt.UtcTicks);
        order = order != 0 ? order : string.CompareOrdinal(x.MemberId, y.MemberId);
        order = order != 0 ? order : x.Contribution.Type.CompareTo(y.Contribution.Type);
        order = order != 0 ? order : string.CompareOrdinal(x.Contribution.Title, y.Contribution.Title);
        order = order != 0 ? order : string.CompareOrdinal(x.Contribution.Description, y.Contribution.Description);
        order = order != 0 ? order : string.CompareOrdinal(x.MemberName, y.MemberName);
        return order != 0 ? order : string.CompareOrdinal(x.Department, y.Department);
    }
}
