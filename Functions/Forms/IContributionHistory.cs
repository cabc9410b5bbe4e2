using NetworkFunctions.Networks;

namespace NetworkFunctions.Forms;

/// <summary>
/// What became of a member's contributions to earlier meetings, for their invitation form: one row per contribution,
/// its title and where it went. Implemented by the agenda feature (which knows the agendas), so forms need not depend on it.
/// </summary>
public interface IContributionHistory
{
    Task<IReadOnlyList<ReceivedRow>> EarlierAsync(MeetingContext c, string memberId, CancellationToken cancellationToken);
}
