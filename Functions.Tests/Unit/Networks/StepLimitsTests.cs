using NetworkFunctions.Networks;

namespace NetworkFunctions.Tests.Unit.Networks;

/// <summary>Until when each step is worth doing.</summary>
public sealed class StepLimitsTests
{
    static readonly DateTimeOffset Start = new(2027, 2, 3, 8, 0, 0, TimeSpan.Zero);

    static readonly MeetingTimeline Timeline = new(
        InvitationAt: Start.AddDays(-28),
        DeadlineAt: Start.AddDays(-7),
        RemindersAt: [Start.AddDays(-14)],
        FinalAgendaAt: Start.AddDays(-2),
        Start: Start,
        End: Start.AddHours(3.5),
        SurveyAt: Start.AddHours(5),
        SurveyReminderAt: Start.AddDays(3),
        SurveyCloseAt: Start.AddDays(7));

    [Theory]
    [InlineData(StepKind.Invitation, -7)]
    [InlineData(StepKind.Reminder, -7)]
    [InlineData(StepKind.Agenda, 0)]
    [InlineData(StepKind.FinalAgenda, 0)]
    [InlineData(StepKind.Survey, 7)]
    [InlineData(StepKind.SurveyReminder, 7)]
    [InlineData(StepKind.SurveySummary, 10)]
    public void Each_step_is_useful_until_its_natural_limit(StepKind kind, int daysFromStart)
    {
        Assert.Equal(Start.AddDays(daysFromStart), StepLimits.For(kind, Timeline, Patience.Legacy));
    }

    [Fact]
    public void A_change_is_worth_sending_until_the_meeting_starts_and_network_wide_steps_try_for_days()
    {
        Assert.Equal(Start, StepLimits.ForChange(Timeline));
        Assert.Equal(Start.AddDays(3), StepLimits.ForNetworkWide(Start, Patience.Legacy));
    }
}
