using NetworkFunctions.Networks;
using static NetworkFunctions.Tests.Support.DomainFixtures;

namespace NetworkFunctions.Tests.Unit.Networks;

public sealed class MeetingTimelineTests
{
    static MeetingTimeline For(string start, string end, ScheduleSettings? schedule = null) =>
        MeetingTimeline.For(Meeting(1, start, end), schedule ?? ScheduleSettings.Default, Copenhagen);

    [Fact]
    public void PlacesEveryStepOfTheDefaultSchedule()
    {
        MeetingTimeline t = For("2027-02-03T09:00:00+01:00", "2027-02-03T12:30:00+01:00");

        Assert.Equal(At("2027-01-06T09:00:00+01:00"), t.InvitationAt);
        Assert.Equal(At("2027-01-24T09:00:00+01:00"), t.DeadlineAt);
        Assert.Equal([At("2027-01-19T09:00:00+01:00"), At("2027-01-23T09:00:00+01:00")], t.RemindersAt);
        Assert.Equal(At("2027-01-31T09:00:00+01:00"), t.FinalAgendaAt);
        Assert.Equal(At("2027-02-03T09:00:00+01:00"), t.Start);
        Assert.Equal(At("2027-02-03T12:30:00+01:00"), t.End);
        Assert.Equal(At("2027-02-03T13:30:00+01:00"), t.SurveyAt);
        Assert.Equal(At("2027-02-06T13:30:00+01:00"), t.SurveyReminderAt);
        Assert.Equal(At("2027-02-10T13:30:00+01:00"), t.SurveyCloseAt);
    }

    [Fact]
    public void PlacesEveryStepOfASecondsSchedule()
    {
        MeetingTimeline t = For("2027-02-03T09:00:00+01:00", "2027-02-03T09:01:00+01:00", Seconds());

        Assert.Equal(At("2027-02-03T08:59:00+01:00"), t.InvitationAt);
        Assert.Equal(At("2027-02-03T08:59:30+01:00"), t.DeadlineAt);
        Assert.Equal([At("2027-02-03T08:59:20+01:00"), At("2027-02-03T08:59:25+01:00")], t.RemindersAt);
        Assert.Equal(At("2027-02-03T08:59:40+01:00"), t.FinalAgendaAt);
        Assert.Equal(At("2027-02-03T09:01:05+01:00"), t.SurveyAt);
        Assert.Equal(At("2027-02-03T09:01:15+01:00"), t.SurveyReminderAt);
        Assert.Equal(At("2027-02-03T09:01:35+01:00"), t.SurveyCloseAt);
    }

    [Fact]
    public void PutsTheStepsInOrder()
    {
        foreach (ScheduleSettings schedule in new[] { ScheduleSettings.Default, Seconds() })
        {
            MeetingTimeline t = For("2027-04-07T09:00:00+02:00", "2027-04-07T12:30:00+02:00", schedule);
            DateTimeOffset[] order = [t.InvitationAt, .. t.RemindersAt, t.DeadlineAt, t.FinalAgendaAt, t.Start, t.End, t.SurveyAt, t.SurveyReminderAt, t.SurveyCloseAt];

            Assert.Equal(order.Order(), order);
        }
    }

    [Theory]
    [InlineData("PT10S", "PT30S")]
    [InlineData("PT30S", "PT30S")]
    [InlineData("P1D", "P10D")]
    [InlineData("PT0S", "PT1S")]
    public void NeverInvitesAfterTheDeadline(string invitationLead, string deadlineLead)
    {
        MeetingTimeline t = For(
            "2027-02-03T09:00:00+01:00",
            "2027-02-03T12:30:00+01:00",
            Seconds(invitation: invitationLead, deadline: deadlineLead, reminders: ["PT1S"], finalAgenda: "PT0S"));

        Assert.Equal(t.DeadlineAt, t.InvitationAt);
        Assert.Empty(t.RemindersAt);
    }

    [Fact]
    public void MeasuresRemindersBackFromTheDeadline()
    {
        MeetingTimeline t = For(
            "2027-02-03T09:00:00+01:00",
            "2027-02-03T12:30:00+01:00",
            ScheduleSettings.Default with { ContributionDeadlineLead = IsoDuration.Parse("P7D"), ReminderLeads = [IsoDuration.Parse("PT2H"), IsoDuration.Parse("P2D")] });

        Assert.Equal(At("2027-01-27T09:00:00+01:00"), t.DeadlineAt);
        Assert.Equal([At("2027-01-25T09:00:00+01:00"), At("2027-01-27T07:00:00+01:00")], t.RemindersAt);
    }

    [Fact]
    public void DropsRemindersAtOrBeforeTheInvitation()
    {
        // Invitation at start−40 s, deadline at start−30 s: a reminder 10 s before the deadline is the invitation itself,
        // one 20 s before it would come before the invitation.
        MeetingTimeline t = For(
            "2027-02-03T09:00:00+01:00",
            "2027-02-03T12:30:00+01:00",
            Seconds(invitation: "PT40S", reminders: ["PT20S", "PT10S", "PT5S"]));

        Assert.Equal(At("2027-02-03T08:59:20+01:00"), t.InvitationAt);
        Assert.Equal([At("2027-02-03T08:59:25+01:00")], t.RemindersAt);
    }

    [Fact]
    public void OrdersRemindersAndDropsDuplicates()
    {
        MeetingTimeline t = For(
            "2027-02-03T09:00:00+01:00",
            "2027-02-03T12:30:00+01:00",
            Seconds(reminders: ["PT5S", "PT10S", "PT5S", "PT20S"]));

        Assert.Equal(
            [At("2027-02-03T08:59:10+01:00"), At("2027-02-03T08:59:20+01:00"), At("2027-02-03T08:59:25+01:00")],
            t.RemindersAt);
    }

    [Fact]
    public void HasNoRemindersWhenNoneAreConfigured()
    {
        Assert.Empty(For("2027-02-03T09:00:00+01:00", "2027-02-03T12:30:00+01:00", Seconds(reminders: [])).RemindersAt);
    }

    [Theory]
    [InlineData("P12D", "2027-01-24T09:00:00+01:00")]
    [InlineData("P10D", "2027-01-24T09:00:00+01:00")]
    [InlineData("P3D", "2027-01-31T09:00:00+01:00")]
    [InlineData("PT0S", "2027-02-03T09:00:00+01:00")]
    public void SendsTheFinalAgendaNotBeforeTheDeadline(string finalAgendaLead, string expected)
    {
        MeetingTimeline t = For(
            "2027-02-03T09:00:00+01:00",
            "2027-02-03T12:30:00+01:00",
            ScheduleSettings.Default with { FinalAgendaLead = IsoDuration.Parse(finalAgendaLead) });

        Assert.Equal(At(expected), t.FinalAgendaAt);
        Assert.True(t.FinalAgendaAt >= t.DeadlineAt);
    }

    [Theory]
    [InlineData("PT1H", "P7D", "P3D", "2027-02-03T13:30:00+01:00", "2027-02-06T13:30:00+01:00", "2027-02-10T13:30:00+01:00")]
    [InlineData("PT0S", "P7D", "P3D", "2027-02-03T12:30:00+01:00", "2027-02-06T12:30:00+01:00", "2027-02-10T12:30:00+01:00")]
    [InlineData("P1D", "PT12H", "PT6H", "2027-02-04T12:30:00+01:00", "2027-02-04T18:30:00+01:00", "2027-02-05T00:30:00+01:00")]
    [InlineData("PT1H", "P7D", "P7D", "2027-02-03T13:30:00+01:00", "2027-02-10T13:30:00+01:00", "2027-02-10T13:30:00+01:00")]
    [InlineData("PT1H", "P7D", "P9D", "2027-02-03T13:30:00+01:00", "2027-02-10T13:30:00+01:00", "2027-02-10T13:30:00+01:00")]
    public void PlacesTheSurveyAfterTheMeeting(string delay, string openFor, string reminderAfter, string surveyAt, string reminderAt, string closeAt)
    {
        MeetingTimeline t = For(
            "2027-02-03T09:00:00+01:00",
            "2027-02-03T12:30:00+01:00",
            ScheduleSettings.Default with
            {
                SurveyDelay = IsoDuration.Parse(delay),
                SurveyOpenFor = IsoDuration.Parse(openFor),
                SurveyReminderAfter = IsoDuration.Parse(reminderAfter),
            });

        Assert.Equal(At(surveyAt), t.SurveyAt);
        Assert.Equal(At(reminderAt), t.SurveyReminderAt);
        Assert.Equal(At(closeAt), t.SurveyCloseAt);
    }

    [Fact]
    public void KeepsWallClockTimesAcrossSpringForward()
    {
        // Meeting on Thursday 8 April 2027 (CEST); invitation and first reminder fall before 28 March (CET).
        MeetingTimeline t = For("2027-04-08T09:00:00+02:00", "2027-04-08T12:30:00+02:00");

        Assert.Equal(At("2027-03-11T09:00:00+01:00"), t.InvitationAt);
        Assert.Equal(At("2027-03-29T09:00:00+02:00"), t.DeadlineAt);
        Assert.Equal([At("2027-03-24T09:00:00+01:00"), At("2027-03-28T09:00:00+02:00")], t.RemindersAt);
        Assert.Equal(At("2027-04-05T09:00:00+02:00"), t.FinalAgendaAt);
        Assert.All([t.InvitationAt, t.DeadlineAt, .. t.RemindersAt, t.FinalAgendaAt], at => Assert.Equal(new TimeSpan(9, 0, 0), WallClock(at).TimeOfDay));
    }

    [Fact]
    public void KeepsWallClockTimesAcrossFallBack()
    {
        MeetingTimeline t = For("2027-11-03T09:00:00+01:00", "2027-11-03T12:30:00+01:00");

        Assert.Equal(At("2027-10-06T09:00:00+02:00"), t.InvitationAt);
        Assert.Equal(At("2027-10-24T09:00:00+02:00"), t.DeadlineAt);
        Assert.Equal([At("2027-10-19T09:00:00+02:00"), At("2027-10-23T09:00:00+02:00")], t.RemindersAt);
        Assert.Equal(At("2027-10-31T09:00:00+01:00"), t.FinalAgendaAt);
    }

    [Fact]
    public void KeepsTheSurveyWallClockAcrossADaylightSavingChange()
    {
        MeetingTimeline spring = For("2027-03-24T09:00:00+01:00", "2027-03-24T12:30:00+01:00");
        MeetingTimeline autumn = For("2027-10-27T09:00:00+02:00", "2027-10-27T12:30:00+02:00");

        Assert.Equal(At("2027-03-24T13:30:00+01:00"), spring.SurveyAt);
        Assert.Equal(At("2027-03-27T13:30:00+01:00"), spring.SurveyReminderAt);
        Assert.Equal(At("2027-03-31T13:30:00+02:00"), spring.SurveyCloseAt);
        Assert.Equal(At("2027-10-30T13:30:00+02:00"), autumn.SurveyReminderAt);
        Assert.Equal(At("2027-11-03T13:30:00+01:00"), autumn.SurveyCloseAt);
    }

    [Fact]
    public void CountsSecondsExactlyAcrossADaylightSavingChange()
    {
        // A compressed meeting straddling the spring change at 02:00 CET.
        MeetingTimeline t = For("2027-03-28T03:00:30+02:00", "2027-03-28T03:01:00+02:00", Seconds());

        Assert.Equal(At("2027-03-28T01:59:30+01:00"), t.InvitationAt);
        Assert.Equal(At("2027-03-28T03:00:00+02:00"), t.DeadlineAt);
        Assert.Equal(TimeSpan.FromSeconds(60), t.Start - t.InvitationAt);
        Assert.Equal(TimeSpan.FromSeconds(30), t.Start - t.DeadlineAt);
    }
}
