namespace NetworkFunctions.Networks;

/// <summary>Which meetings a member who joins now is invited to at once. Pure.</summary>
public static class LateInvitations
{
    /// <summary>
    /// The meetings whose invitations have gone out (their time has come) and whose form is still open: the member
    /// gets the invitation now rather than waiting for the next meeting's. Later meetings invite them in their turn.
    /// </summary>
    public static IReadOnlyList<Meeting> Open(Network network, DateTimeOffset now) =>
        network.Meetings
            .Where(m => !m.Cancelled)
            .Where(m => MeetingTimeline.For(m, network.Schedule, network.Zone) is var t && t.InvitationAt <= now && now < t.DeadlineAt)
            .ToList();
}
