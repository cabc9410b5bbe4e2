using NetworkFunctions.Networks;

namespace NetworkFunctions.Reports;

/// <summary>
/// Who got a meeting's invitation: the current members among those recorded as invited, or, without a record, every
/// member who had joined when the invitation went out. The invitation goes out at its scheduled time, or at kickoff
/// when that time had passed already; a member who joins later is invited from the next invitation on (SPEC section 2).
/// </summary>
internal static class InvitedMembers
{
    public static IReadOnlySet<string> Of(Network network, Meeting meeting, TimeZoneInfo zone, IReadOnlySet<string>? recorded)
    {
        if (recorded is not null)
        {
            return network.Members.Where(m => recorded.Contains(m.Id)).Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        }

        DateTimeOffset invitedAt = MeetingTimeline.For(meeting, network.Schedule, zone).InvitationAt;
        if (invitedAt < network.KickedOffAt)
        {
            invitedAt = network.KickedOffAt;
        }

        return network.Members.Where(m => m.JoinedAt <= invitedAt).Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
    }
}
