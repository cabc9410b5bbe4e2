namespace NetworkFunctions.Networks;

/// <summary>
/// When each step of a meeting happens, relative to the meeting (SPEC section 4). Reminder leads are measured back from
/// the contribution deadline; the survey opens <see cref="SurveyDelay"/> after the meeting ends.
/// </summary>
public sealed record ScheduleSettings(
    IsoDuration InvitationLead,
    IsoDuration ContributionDeadlineLead,
    IReadOnlyList<IsoDuration> ReminderLeads,
    IsoDuration FinalAgendaLead,
    IsoDuration SurveyDelay,
    IsoDuration SurveyOpenFor,
    IsoDuration SurveyReminderAfter)
{
    public static ScheduleSettings Default { get; } = new(
        IsoDuration.Parse("P28D"),
        IsoDuration.Parse("P10D"),
        [IsoDuration.Parse("P5D"), IsoDuration.Parse("P1D")],
        IsoDuration.Parse("P3D"),
        IsoDuration.Parse("PT1H"),
        IsoDuration.Parse("P7D"),
        IsoDuration.Parse("P3D"));
}
