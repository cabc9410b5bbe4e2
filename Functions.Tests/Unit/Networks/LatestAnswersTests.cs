using NetworkFunctions.Networks;

namespace NetworkFunctions.Tests.Unit.Networks;

/// <summary>A member who answers a form again replaces the earlier answer; every count of the year reads the latest.</summary>
public sealed class LatestAnswersTests
{
    static readonly DateTimeOffset Monday = new(2027, 1, 4, 9, 0, 0, TimeSpan.Zero);

    static InvitationAnswer Invitation(string member, int meeting, Attendance attendance, int hoursLater) =>
        new(member, meeting, attendance, [], Monday.AddHours(hoursLater));

    static SurveyAnswer Survey(string member, int meeting, int usefulness, int hoursLater) =>
        new(member, meeting, usefulness, 3, 3, "", "", "", Monday.AddHours(hoursLater));

    [Fact]
    public void Each_member_counts_once_with_the_latest_answer_to_that_meeting_whatever_order_they_were_read_in()
    {
        InvitationAnswer[] answers =
        [
            Invitation("b", 1, Attendance.Yes, 5),
            Invitation("a", 1, Attendance.No, 2),
            Invitation("b", 1, Attendance.No, 1),
            Invitation("a", 2, Attendance.Yes, 9),
            Invitation("a", 1, Attendance.Maybe, 3),
        ];

        IReadOnlyList<InvitationAnswer> latest = answers.LatestPerMember(1);

        Assert.Equal([("a", Attendance.Maybe), ("b", Attendance.Yes)], latest.Select(a => (a.MemberId, a.Attendance)));
        Assert.Equal([("a", Attendance.Yes)], answers.LatestPerMember(2).Select(a => (a.MemberId, a.Attendance)));
        Assert.Empty(answers.LatestPerMember(3));
    }

    [Fact]
    public void Survey_answers_follow_the_same_rule()
    {
        SurveyAnswer[] answers = [Survey("a", 1, 2, 1), Survey("a", 1, 5, 4), Survey("c", 1, 1, 0), Survey("a", 1, 3, 2)];

        Assert.Equal([("a", 5), ("c", 1)], answers.LatestPerMember(1).Select(a => (a.MemberId, a.Usefulness)));
    }
}
