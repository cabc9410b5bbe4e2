using NetworkFunctions.Forms;
using NetworkFunctions.Networks;
using NetworkFunctions.Storage;
using static NetworkFunctions.Tests.Support.DomainFixtures;

namespace NetworkFunctions.Tests.Unit.Forms;

/// <summary>When an answer is taken, for the form and the calendar reply alike.</summary>
public sealed class AnswerWindowTests
{
    static readonly MeetingTimeline Timeline = MeetingTimeline.For(YearMeetings[0], ScheduleSettings.Default, Copenhagen);

    [Fact]
    public void An_invitation_answer_is_taken_until_the_deadline_and_not_once_sealed()
    {
        Assert.True(AnswerWindow.IsOpen(Timeline, AnswerKind.Invitation, false, Timeline.InvitationAt));
        Assert.True(AnswerWindow.IsOpen(Timeline, AnswerKind.Invitation, false, Timeline.DeadlineAt.AddSeconds(-1)));
        Assert.False(AnswerWindow.IsOpen(Timeline, AnswerKind.Invitation, false, Timeline.DeadlineAt));
        Assert.False(AnswerWindow.IsOpen(Timeline, AnswerKind.Invitation, true, Timeline.InvitationAt));
    }

    [Fact]
    public void A_survey_answer_is_taken_from_the_meetings_end_until_the_survey_closes()
    {
        Assert.False(AnswerWindow.InTime(Timeline, AnswerKind.Survey, Timeline.End.AddSeconds(-1)));
        Assert.True(AnswerWindow.InTime(Timeline, AnswerKind.Survey, Timeline.End));
        Assert.True(AnswerWindow.InTime(Timeline, AnswerKind.Survey, Timeline.SurveyAt));
        Assert.False(AnswerWindow.InTime(Timeline, AnswerKind.Survey, Timeline.SurveyCloseAt));
        Assert.False(AnswerWindow.IsOpen(Timeline, AnswerKind.Survey, true, Timeline.SurveyAt));
    }
}
