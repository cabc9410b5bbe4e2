using NetworkFunctions.Calendar;
using NetworkFunctions.Inbound;
using NetworkFunctions.Networks;
using static NetworkFunctions.Tests.Support.DomainFixtures;

namespace NetworkFunctions.Tests.Unit.Inbound;

/// <summary>
/// When a calendar reply becomes the member's answer to meeting 1 (deadline 24 January 2027, 09:00): the latest answer
/// wins between the calendar and the form, the form's contributions stay, and the form's window applies.
/// </summary>
public sealed class ReplyDecisionTests
{
    static readonly Network Year = Network();
    static readonly DateTimeOffset Received = At("2027-01-10T12:00:00+01:00");
    static readonly DateTimeOffset Stamped = At("2027-01-10T11:55:00+01:00");
    static readonly CommitmentFollowUp FollowUp = new("Prøve en walk-and-talk", Tried.Partly, "Det gik fint");

    static CalendarReply Reply(string status = "ACCEPTED", int? sequence = 0, string? attendee = "a@example.dk", DateTimeOffset? stamp = null) =>
        new(MeetingCalendar.Uid(Year.Id, 1), sequence, status, attendee, stamp ?? Stamped);

    static InvitationAnswer FormAnswer(Attendance attendance, DateTimeOffset at) =>
        new("a", 1, attendance, [new Contribution(ContributionType.Case, "Borgermødet", "Det gik skævt")], at, FollowUp);

    static (ReplyOutcome Outcome, InvitationAnswer? Answer) Decide(CalendarReply reply, InvitationAnswer? current = null, bool sealedAnswers = false, Network? network = null, DateTimeOffset? now = null) =>
        ReplyDecision.Decide(network ?? Year, 1, "a", reply, current, sealedAnswers, now ?? Received);

    [Fact]
    public void A_first_answer_is_recorded_as_of_the_calendars_stamp()
    {
        (ReplyOutcome outcome, InvitationAnswer? answer) = Decide(Reply("DECLINED"));

        Assert.Equal(ReplyOutcome.Recorded, outcome);
        Assert.Equal(new InvitationAnswer("a", 1, Attendance.No, [], Stamped), answer);
    }

    [Fact]
    public void A_later_calendar_answer_changes_the_attendance_and_keeps_the_forms_contributions_and_follow_up()
    {
        InvitationAnswer form = FormAnswer(Attendance.Yes, Stamped.AddDays(-2));

        (ReplyOutcome outcome, InvitationAnswer? answer) = Decide(Reply("TENTATIVE"), form);

        Assert.Equal(ReplyOutcome.Recorded, outcome);
        Assert.Equal(form with { Attendance = Attendance.Maybe, SubmittedAt = Stamped }, answer);
    }

    [Fact]
    public void A_form_answer_given_after_the_calendar_stamped_its_reply_stands()
    {
        Assert.Equal(ReplyOutcome.Superseded, Decide(Reply("DECLINED"), FormAnswer(Attendance.Yes, Stamped.AddMinutes(1))).Outcome);
    }

    [Fact]
    public void The_same_reply_posted_again_changes_nothing()
    {
        (_, InvitationAnswer? first) = Decide(Reply("ACCEPTED"));

        Assert.Equal((ReplyOutcome.Unchanged, null), Decide(Reply("ACCEPTED"), first));
        Assert.Equal(ReplyOutcome.Unchanged, Decide(Reply("ACCEPTED", stamp: Stamped.AddHours(1)), first).Outcome);
    }

    [Fact]
    public void A_stamp_in_the_future_counts_as_now()
    {
        (_, InvitationAnswer? answer) = Decide(Reply(stamp: Received.AddDays(30)));

        Assert.Equal(Received, answer!.SubmittedAt);
    }

    [Fact]
    public void A_reply_without_a_stamp_counts_as_received_now()
    {
        (_, InvitationAnswer? answer) = Decide(new CalendarReply(MeetingCalendar.Uid(Year.Id, 1), null, "ACCEPTED", "a@example.dk", null));

        Assert.Equal(Received, answer!.SubmittedAt);
    }

    [Fact]
    public void The_forms_window_applies_deadline_and_seal()
    {
        Assert.Equal(ReplyOutcome.Closed, Decide(Reply(), now: At("2027-01-24T09:00:00+01:00")).Outcome);
        Assert.Equal(ReplyOutcome.Closed, Decide(Reply(), sealedAnswers: true).Outcome);
        Assert.Equal(ReplyOutcome.Recorded, Decide(Reply(), now: At("2027-01-24T08:59:59+01:00")).Outcome);
    }

    [Fact]
    public void A_reply_to_the_time_before_the_meeting_moved_changes_nothing()
    {
        Network moved = Year with { Meetings = [Year.Meetings[0] with { Revision = 2 }, .. Year.Meetings.Skip(1)] };

        Assert.Equal(ReplyOutcome.Stale, Decide(Reply(sequence: 1), network: moved).Outcome);
        Assert.Equal(ReplyOutcome.Recorded, Decide(Reply(sequence: 2), network: moved).Outcome);
        Assert.Equal(ReplyOutcome.Recorded, Decide(Reply(sequence: null), network: moved).Outcome);
    }

    [Theory]
    [InlineData("NEEDS-ACTION")]
    [InlineData("DELEGATED")]
    public void A_status_that_is_no_answer_is_not_recorded(string status)
    {
        Assert.Equal(ReplyOutcome.NotAnAnswer, Decide(Reply(status)).Outcome);
    }

    [Fact]
    public void Someone_else_answering_a_forwarded_invitation_or_an_erased_member_or_a_cancelled_meeting_matches_nothing()
    {
        Network cancelled = Year with { Meetings = [Year.Meetings[0] with { Cancelled = true }, .. Year.Meetings.Skip(1)] };
        Network erased = Year with { Members = [.. Year.Members.Where(m => m.Id != "a")] };

        Assert.Equal(ReplyOutcome.Unmatched, Decide(Reply(attendee: "colleague@example.dk")).Outcome);
        Assert.Equal(ReplyOutcome.Unmatched, Decide(Reply(), network: cancelled).Outcome);
        Assert.Equal(ReplyOutcome.Unmatched, Decide(Reply(), network: erased).Outcome);
        Assert.Equal(ReplyOutcome.Recorded, Decide(Reply(attendee: "A@Example.DK")).Outcome);
        Assert.Equal(ReplyOutcome.Recorded, Decide(Reply(attendee: null)).Outcome);
    }
}
