using NetworkFunctions.Networks;
using NetworkFunctions.Storage;

namespace NetworkFunctions.Forms;

/// <summary>
/// When a member's answer to a meeting is taken, whichever way it comes (the form, a calendar reply): an invitation
/// answer until the contribution deadline, a survey answer from the meeting's end until the survey closes; and neither
/// once the step that reads them has sealed them. Pure: the caller reads the seal.
/// </summary>
public static class AnswerWindow
{
    /// <summary>Whether the time alone lets an answer of <paramref name="kind"/> in (the seal is checked after, only when it does).</summary>
    public static bool InTime(MeetingTimeline timeline, AnswerKind kind, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        return now < ClosesAt(timeline, kind) && (kind == AnswerKind.Invitation || now >= timeline.End);
    }

    /// <summary>When answers of <paramref name="kind"/> stop being taken: the contribution deadline, or the survey's close.</summary>
    public static DateTimeOffset ClosesAt(MeetingTimeline timeline, AnswerKind kind)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        return kind == AnswerKind.Invitation ? timeline.DeadlineAt : timeline.SurveyCloseAt;
    }

    public static bool IsOpen(MeetingTimeline timeline, AnswerKind kind, bool answersSealed, DateTimeOffset now) =>
        !answersSealed && InTime(timeline, kind, now);
}
