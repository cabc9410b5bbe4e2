using NetworkFunctions.Networks;

namespace NetworkFunctions.Agenda;

/// <summary>
/// The contributions last year carried over to its end (the kickoff document's <c>carriedOver</c>) as candidates for
/// this year's first agenda: by this year's member (one no longer in the network is left out), submitted at the
/// kickoff, from <see cref="AgendaCandidate.LastYear"/> — so they claim time before the year's own and are marked as
/// carried over from last year. Pure.
/// </summary>
public static class LastYearCandidates
{
    public static IReadOnlyList<AgendaCandidate> Of(Network network)
    {
        ArgumentNullException.ThrowIfNull(network);
        return [.. network.CarriedOver
            .Select(c => (Member: network.FindMember(c.MemberId), c.Contribution))
            .Where(c => c.Member is not null)
            .Select(c => new AgendaCandidate(c.Member!.Id, c.Member.Name, c.Member.Department, c.Contribution, network.KickedOffAt, AgendaCandidate.LastYear))];
    }
}
