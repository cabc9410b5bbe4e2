using NetworkFunctions.Calendar;
using NetworkFunctions.Forms;
using NetworkFunctions.Networks;
using NetworkFunctions.Storage;

namespace NetworkFunctions.Inbound;

/// <summary>What a calendar reply did: recorded as the member's answer, or why not.</summary>
public enum ReplyOutcome
{
    Recorded,

    /// <summary>The member already gave this answer, at this time or later: nothing new (a replayed reply ends here).</summary>
    Unchanged,

    /// <summary>The member answered on the form after the calendar stamped this reply: the later answer stands.</summary>
    Superseded,

    /// <summary>A reply to an earlier time of a meeting that has moved since (its SEQUENCE is lower).</summary>
    Stale,

    /// <summary>The form is closed: the deadline passed or the agenda step has read the answers.</summary>
    Closed,

    /// <summary>Not an answer: a PARTSTAT other than accepted, tentative or declined.</summary>
    NotAnAnswer,

    /// <summary>No network, meeting or member matches, the meeting is cancelled, or the attendee is not the member.</summary>
    Unmatched,

    /// <summary>The reply address's code does not sign this meeting and member.</summary>
    Forged,

    /// <summary>The storage refused the answer after it was written (sealed or erased meanwhile) and it was taken back.</summary>
    TakenBack,
}

/// <summary>
/// Whether a calendar reply becomes a member's attendance answer. The reply counts as if the member had answered on
/// the form when their calendar stamped it (DTSTAMP, never later than now): the latest answer wins, so a form answer
/// given after it stands, and the contributions and follow-up of the member's form answer are kept. The form's window
/// applies — open until the contribution deadline and until the answers are read — and a reply to a meeting's earlier
/// time (lower SEQUENCE) changes nothing. Pure.
/// </summary>
public static class ReplyDecision
{
    public static (ReplyOutcome Outcome, InvitationAnswer? Answer) Decide(
        Network network, int meetingNumber, string memberId, CalendarReply reply, InvitationAnswer? current, bool answersSealed, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(reply);
        if (network.FindMember(memberId) is not { } member || network.FindMeeting(meetingNumber) is not { Cancelled: false } meeting
            || (reply.Attendee is { } attendee && !string.Equals(attendee, member.Email, StringComparison.OrdinalIgnoreCase)))
        {
            return (ReplyOutcome.Unmatched, null);
        }

        if (reply.Answer is not { } attendance)
        {
            return (ReplyOutcome.NotAnAnswer, null);
        }

        if (!AnswerWindow.IsOpen(MeetingTimeline.For(meeting, network.Schedule, network.Zone), AnswerKind.Invitation, answersSealed, now))
        {
            return (ReplyOutcome.Closed, null);
        }

        if (reply.Sequence is { } sequence && sequence < meeting.Revision)
        {
            return (ReplyOutcome.Stale, null);
        }

        DateTimeOffset stamped = reply.Stamp is { } stamp && stamp < now ? stamp : now;
        if (current is not null && current.SubmittedAt >= stamped)
        {
            return (current.Attendance == attendance ? ReplyOutcome.Unchanged : ReplyOutcome.Superseded, null);
        }

        if (current?.Attendance == attendance)
        {
            return (ReplyOutcome.Unchanged, null);
        }

        return (ReplyOutcome.Recorded, new InvitationAnswer(memberId, meetingNumber, attendance, current?.Contributions ?? [], stamped, current?.FollowUp));
    }
}
