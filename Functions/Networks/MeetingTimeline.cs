namespace NetworkFunctions.Networks;

/// <summary>When each step of one meeting happens (SPEC section 2, steps 1–6). Pure arithmetic, no clock.</summary>
public sealed record MeetingTimeline(
    DateTimeOffset InvitationAt,
    DateTimeOffset DeadlineAt,
    IReadOnlyList<DateTimeOffset> RemindersAt,
    DateTimeOffset FinalAgendaAt,
    DateTimeOffset Start,
    DateTimeOffset End,
    DateTimeOffset SurveyAt,
    DateTimeOffset SurveyReminderAt,
    DateTimeOffset SurveyCloseAt)
{
    public static MeetingTimeline For(Meeting meeting, ScheduleSettings schedule, TimeZoneInfo zone)
    {
        DateTimeOffset deadline = schedule.ContributionDeadlineLead.Before(meeting.Start, zone);
        DateTimeOffset invitation = schedule.InvitationLead.Before(meeting.Start, zone);
        if (invitation > deadline)
        {
            invitation = deadline;
        }

        DateTimeOffset surveyAt = schedule.SurveyDelay.After(meeting.End, zone);
        DateTimeOffset surveyClose = schedule.SurveyOpenFor.After(surveyAt, zone);
        DateTimeOffset surveyReminder = Min(schedule.SurveyReminderAfter.After(surveyAt, zone), surveyClose);
        return new MeetingTimeline(
            invitation,
            deadline,
            schedule.ReminderLeads
                .Select(lead => lead.Before(deadline, zone))
                .Where(at => at > invitation)
                .Distinct()
                .Order()
                .ToList(),
            Max(schedule.FinalAgendaLead.Before(meeting.Start, zone), deadline),
            meeting.Start,
            meeting.End,
            surveyAt,
            surveyReminder,
            surveyClose);
    }

    static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
