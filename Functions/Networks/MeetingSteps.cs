namespace NetworkFunctions.Networks;

/// <summary>The steps of a meeting in the order they happen (SPEC section 2, steps 1–6).</summary>
public enum StepKind
{
    Invitation = 0,
    Reminder = 1,
    Agenda = 2,
    FinalAgenda = 3,
    Survey = 4,
    SurveyReminder = 5,
    SurveySummary = 6,
}

public sealed record MeetingStep(StepKind Kind, int Index, DateTimeOffset At)
{
    public (int Kind, int Index) Position => ((int)Kind, Index);

    /// <summary>The kind of the mails this step sends (<see cref="MailKinds"/>).</summary>
    public string MailKind => Kind switch
    {
        StepKind.Invitation => MailKinds.Invitation,
        StepKind.Reminder => MailKinds.Reminder(Index),
        StepKind.Agenda => MailKinds.Agenda,
        StepKind.FinalAgenda => MailKinds.FinalAgenda,
        StepKind.Survey => MailKinds.Survey,
        StepKind.SurveyReminder => MailKinds.SurveyReminder,
        StepKind.SurveySummary => MailKinds.SurveySummary,
        _ => throw new ArgumentOutOfRangeException(nameof(Kind), Kind, null),
    };
}

/// <summary>
/// Which step comes next. Steps run strictly in order: after a change of schedule, a step that now falls before
/// one already done is skipped rather than run late (no reminder after the agenda went out).
/// </summary>
public static class MeetingSteps
{
    public const string Scheduled = "scheduled";
    public const string Inviting = "inviting";
    public const string Collecting = "collecting";
    public const string AgendaSent = "agendaSent";
    public const string Held = "held";
    public const string Surveying = "surveying";
    public const string Closed = "closed";
    public const string Cancelled = "cancelled";

    public static IReadOnlyList<MeetingStep> All(MeetingTimeline timeline)
    {
        var steps = new List<MeetingStep> { new(StepKind.Invitation, 0, timeline.InvitationAt) };
        steps.AddRange(timeline.RemindersAt.Select((at, i) => new MeetingStep(StepKind.Reminder, i, at)));
        steps.Add(new MeetingStep(StepKind.Agenda, 0, timeline.DeadlineAt));
        steps.Add(new MeetingStep(StepKind.FinalAgenda, 0, timeline.FinalAgendaAt));
        steps.Add(new MeetingStep(StepKind.Survey, 0, timeline.SurveyAt));
        steps.Add(new MeetingStep(StepKind.SurveyReminder, 0, timeline.SurveyReminderAt));
        steps.Add(new MeetingStep(StepKind.SurveySummary, 0, timeline.SurveyCloseAt));
        return steps;
    }

    /// <summary>When the step that sends mails of <paramref name="mailKind"/> was due; null for a kind no step of the timeline sends.</summary>
    public static DateTimeOffset? DueAt(MeetingTimeline timeline, string mailKind) =>
        All(timeline).FirstOrDefault(s => s.MailKind == mailKind)?.At;

    /// <summary>The first step after <paramref name="lastDone"/> (null: nothing done yet), or null when all are done.</summary>
    public static MeetingStep? Next(MeetingTimeline timeline, (int Kind, int Index)? lastDone) =>
        All(timeline).FirstOrDefault(s => lastDone is not { } done || s.Position.CompareTo(done) > 0);

    /// <summary>The phase shown in the status after <paramref name="lastDone"/>.</summary>
    public static string PhaseAfter(StepKind? lastDone) => lastDone switch
    {
        null => Scheduled,
        StepKind.Invitation or StepKind.Reminder => Collecting,
        StepKind.Agenda or StepKind.FinalAgenda => AgendaSent,
        StepKind.Survey or StepKind.SurveyReminder => Surveying,
        StepKind.SurveySummary => Closed,
        _ => Scheduled,
    };

    /// <summary>The phase as people read it: a meeting whose agenda went out and whose end has passed has been held.</summary>
    public static string PhaseAt(string phase, DateTimeOffset meetingEnd, DateTimeOffset now) =>
        phase == AgendaSent && now >= meetingEnd ? Held : phase;
}
