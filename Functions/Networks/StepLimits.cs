namespace NetworkFunctions.Networks;

/// <summary>Until when each step is worth doing: past it, a step that waits on a fault is recorded as missed. Pure.</summary>
public static class StepLimits
{
    /// <summary>
    /// Invitations and reminders until the contribution deadline; the agenda and the final agenda until the meeting
    /// starts; the survey and its reminder until the survey closes; the summary for <see cref="Patience.NetworkWideFor"/>
    /// after that.
    /// </summary>
    public static DateTimeOffset For(StepKind kind, MeetingTimeline timeline, Patience patience) => kind switch
    {
        StepKind.Invitation or StepKind.Reminder => timeline.DeadlineAt,
        StepKind.Agenda or StepKind.FinalAgenda => timeline.Start,
        StepKind.Survey or StepKind.SurveyReminder => timeline.SurveyCloseAt,
        StepKind.SurveySummary => timeline.SurveyCloseAt + patience.NetworkWideFor,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>A meeting's update or cancellation is worth sending until the meeting (as it now stands) starts.</summary>
    public static DateTimeOffset ForChange(MeetingTimeline timeline) => timeline.Start;

    /// <summary>The network-wide steps (kickoff confirmation, year-end report) keep trying this long after they came due.</summary>
    public static DateTimeOffset ForNetworkWide(DateTimeOffset due, Patience patience) => due + patience.NetworkWideFor;
}
