using NetworkFunctions.Cycle;
using NetworkFunctions.Durable;
using NetworkFunctions.Networks;
using static NetworkFunctions.Tests.Support.DomainFixtures;

namespace NetworkFunctions.Tests.Unit.Networks;

public sealed class MeetingStepsTests
{
    static readonly MeetingTimeline Default = MeetingTimeline.For(YearMeetings[0], ScheduleSettings.Default, Copenhagen);

    [Fact]
    public void ListsTheStepsInOrderWithTheirTimes()
    {
        IReadOnlyList<MeetingStep> steps = MeetingSteps.All(Default);

        Assert.Equal(
            [
                new MeetingStep(StepKind.Invitation, 0, Default.InvitationAt),
                new MeetingStep(StepKind.Reminder, 0, Default.RemindersAt[0]),
                new MeetingStep(StepKind.Reminder, 1, Default.RemindersAt[1]),
                new MeetingStep(StepKind.Agenda, 0, Default.DeadlineAt),
                new MeetingStep(StepKind.FinalAgenda, 0, Default.FinalAgendaAt),
                new MeetingStep(StepKind.Survey, 0, Default.SurveyAt),
                new MeetingStep(StepKind.SurveyReminder, 0, Default.SurveyReminderAt),
                new MeetingStep(StepKind.SurveySummary, 0, Default.SurveyCloseAt),
            ],
            steps);
        Assert.Equal(steps.OrderBy(s => s.Position), steps);
        Assert.Equal(steps.OrderBy(s => s.At), steps);
    }

    [Fact]
    public void The_due_time_of_each_mail_kind_is_the_time_of_the_step_that_sends_it()
    {
        // Every step's mail kind maps to that step's time; the reminder index counts the reminders in order.
        string[] kinds = [MailKinds.Invitation, MailKinds.Reminder(0), MailKinds.Reminder(1), MailKinds.Agenda, MailKinds.FinalAgenda,
            MailKinds.Survey, MailKinds.SurveyReminder, MailKinds.SurveySummary];

        Assert.Equal(MeetingSteps.All(Default).Select(s => (DateTimeOffset?)s.At), kinds.Select(k => MeetingSteps.DueAt(Default, k)));
    }

    [Theory]
    [InlineData("reminder-2")]
    [InlineData("reminder--1")]
    [InlineData("reminder-x")]
    [InlineData(MailKinds.Kickoff)]
    [InlineData(MailKinds.Update)]
    [InlineData(MailKinds.Report)]
    [InlineData("delivery-failure-invitation")]
    public void A_kind_no_step_of_the_timeline_sends_has_no_due_time(string kind) =>
        Assert.Null(MeetingSteps.DueAt(Default, kind));

    [Fact]
    public void ListsNoReminderStepsWhenThereAreNoReminders()
    {
        MeetingTimeline timeline = Default with { RemindersAt = [] };

        Assert.Equal(
            [StepKind.Invitation, StepKind.Agenda, StepKind.FinalAgenda, StepKind.Survey, StepKind.SurveyReminder, StepKind.SurveySummary],
            MeetingSteps.All(timeline).Select(s => s.Kind));
    }

    [Fact]
    public void StartsWithTheInvitation()
    {
        Assert.Equal(new MeetingStep(StepKind.Invitation, 0, Default.InvitationAt), MeetingSteps.Next(Default, null));
    }

    [Fact]
    public void GoesOnWithTheStepAfterEachStep()
    {
        IReadOnlyList<MeetingStep> steps = MeetingSteps.All(Default);

        for (int i = 0; i < steps.Count - 1; i++)
        {
            Assert.Equal(steps[i + 1], MeetingSteps.Next(Default, steps[i].Position));
        }

        Assert.Null(MeetingSteps.Next(Default, steps[^1].Position));
    }

    [Fact]
    public void SkipsRemindersWhenTheMeetingMovedAfterTheAgendaWasSent()
    {
        // The agenda went out; then the meeting moved a month later, so both reminders now lie in the future.
        MeetingTimeline moved = MeetingTimeline.For(
            YearMeetings[0] with { Start = At("2027-03-03T09:00:00+01:00"), End = At("2027-03-03T12:30:00+01:00") },
            ScheduleSettings.Default,
            Copenhagen);

        MeetingStep? next = MeetingSteps.Next(moved, ((int)StepKind.Agenda, 0));

        Assert.Equal(new MeetingStep(StepKind.FinalAgenda, 0, moved.FinalAgendaAt), next);
    }

    [Fact]
    public void DoesNotInviteAgainAfterAReschedule()
    {
        MeetingStep? next = MeetingSteps.Next(Default, ((int)StepKind.Invitation, 0));

        Assert.Equal(StepKind.Reminder, next?.Kind);
        Assert.Equal(0, next?.Index);
    }

    [Fact]
    public void GoesOnToTheAgendaWhenARescheduleLeftFewerReminders()
    {
        // The second reminder was sent; after the change only one reminder remains.
        MeetingTimeline fewer = Default with { RemindersAt = [Default.RemindersAt[0]] };

        Assert.Equal(StepKind.Agenda, MeetingSteps.Next(fewer, ((int)StepKind.Reminder, 1))?.Kind);
    }

    [Fact]
    public void RunsAReminderAddedByARescheduleAfterTheOnesDone()
    {
        MeetingTimeline more = Default with { RemindersAt = [.. Default.RemindersAt, Default.DeadlineAt.AddHours(-1)] };

        Assert.Equal(new MeetingStep(StepKind.Reminder, 2, Default.DeadlineAt.AddHours(-1)), MeetingSteps.Next(more, ((int)StepKind.Reminder, 1)));
    }

    [Fact]
    public void HasNothingLeftAfterTheSurveySummary()
    {
        Assert.Null(MeetingSteps.Next(Default, ((int)StepKind.SurveySummary, 0)));
    }

    [Theory]
    [InlineData(null, MeetingSteps.Scheduled)]
    [InlineData(StepKind.Invitation, MeetingSteps.Collecting)]
    [InlineData(StepKind.Reminder, MeetingSteps.Collecting)]
    [InlineData(StepKind.Agenda, MeetingSteps.AgendaSent)]
    [InlineData(StepKind.FinalAgenda, MeetingSteps.AgendaSent)]
    [InlineData(StepKind.Survey, MeetingSteps.Surveying)]
    [InlineData(StepKind.SurveyReminder, MeetingSteps.Surveying)]
    [InlineData(StepKind.SurveySummary, MeetingSteps.Closed)]
    public void NamesThePhaseAfterEachStep(StepKind? lastDone, string phase)
    {
        Assert.Equal(phase, MeetingSteps.PhaseAfter(lastDone));
    }

    [Fact]
    public void UsesTheStatusPhaseNames()
    {
        Assert.Equal(
            ["scheduled", "inviting", "collecting", "agendaSent", "held", "surveying", "closed", "cancelled"],
            [MeetingSteps.Scheduled, MeetingSteps.Inviting, MeetingSteps.Collecting, MeetingSteps.AgendaSent, MeetingSteps.Held, MeetingSteps.Surveying, MeetingSteps.Closed, MeetingSteps.Cancelled]);
    }

    [Theory]
    [InlineData(MeetingSteps.AgendaSent, "2027-02-03T12:29:59+01:00", MeetingSteps.AgendaSent)]
    [InlineData(MeetingSteps.AgendaSent, "2027-02-03T12:30:00+01:00", MeetingSteps.Held)]
    [InlineData(MeetingSteps.AgendaSent, "2027-02-03T13:00:00+01:00", MeetingSteps.Held)]
    [InlineData(MeetingSteps.AgendaSent, "2027-02-03T09:30:00+01:00", MeetingSteps.AgendaSent)]
    [InlineData(MeetingSteps.Scheduled, "2027-02-04T09:00:00+01:00", MeetingSteps.Scheduled)]
    [InlineData(MeetingSteps.Collecting, "2027-02-04T09:00:00+01:00", MeetingSteps.Collecting)]
    [InlineData(MeetingSteps.Surveying, "2027-02-04T09:00:00+01:00", MeetingSteps.Surveying)]
    [InlineData(MeetingSteps.Closed, "2027-02-20T09:00:00+01:00", MeetingSteps.Closed)]
    [InlineData(MeetingSteps.Cancelled, "2027-02-20T09:00:00+01:00", MeetingSteps.Cancelled)]
    public void ShowsAMeetingAsHeldOnceItEnded(string phase, string now, string expected)
    {
        Assert.Equal(expected, MeetingSteps.PhaseAt(phase, At("2027-02-03T12:30:00+01:00"), At(now)));
    }
}
