using NetworkFunctions.Networks;

namespace NetworkFunctions.Overview;

/// <summary>The status JSON from what was read: counts and phases, no personal data. Pure.</summary>
public static class NetworkStatusBuilder
{
    /// <param name="baseUrl">The network's address, <c>…/api/networks/{id}</c>, which the links start with.</param>
    public static NetworkStatus Build(DashboardInput input, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(input);
        Network network = input.Network;
        return new NetworkStatus(
            network.Id,
            network.Name,
            input.RuntimeStatus,
            network.MissingDepartments,
            input.ReportExists ? $"{baseUrl}/report" : null,
            network.Meetings.Select(m => Meeting(input, m, baseUrl)).ToList(),
            network.Members.Count,
            input.Attention ?? []);
    }

    static MeetingStatusView Meeting(DashboardInput input, Meeting meeting, string baseUrl)
    {
        MeetingSnapshot? snapshot = input.Meetings.FirstOrDefault(s => s.Number == meeting.Number);
        IReadOnlyList<InvitationAnswer> answers = snapshot?.Answers ?? [];
        return new MeetingStatusView(
            meeting.Number,
            meeting.Start,
            meeting.End,
            MeetingPhase.Of(meeting, snapshot, input.Now),
            snapshot?.InvitedMemberIds.Count ?? 0,
            answers.Count,
            answers.Count(a => a.Attendance == Attendance.Yes),
            answers.Sum(a => a.Contributions.Count),
            snapshot?.SurveyAnswers ?? 0,
            snapshot?.AgendaExists == true ? $"{baseUrl}/meetings/{meeting.Number}/agenda" : null,
            meeting.Revision,
            snapshot?.NextStepAt,
            AgendaStates.Of(meeting, MeetingTimeline.For(meeting, input.Network.Schedule, input.Network.Zone), snapshot, input.Now),
            snapshot?.Attended.Count(id => input.Network.FindMember(id) is not null) ?? 0,
            snapshot?.RegisterKept == true ? "register" : "rsvp");
    }
}
