using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using NetworkFunctions.Durable;
using NetworkFunctions.Networks;

namespace NetworkFunctions.Cycle;

/// <summary>
/// One meeting from invitation to survey summary (SPEC section 2). It sleeps on durable timers until each step is
/// due and wakes early when the meeting is moved or cancelled. Its history stays small: one timer, one status, one
/// read of the plan and one activity per step, plus one round per change; a timer that loses to a change is cancelled.
/// Instances started before <see cref="MeetingShapes.RereadsPlanOnTimers"/> replay without the read after a timer.
/// </summary>
public static class MeetingOrchestrator
{
    /// <summary>
    /// Steps that read answers wait this long after the form closes, so an answer posted at the last moment is
    /// stored before the agenda or summary reads them.
    /// </summary>
    static readonly TimeSpan ClosingGrace = TimeSpan.FromSeconds(2);

    /// <summary>How early a durable timer may fire on the AzureStorage provider.</summary>
    static readonly TimeSpan DueTolerance = TimeSpan.FromSeconds(1);

    /// <summary>The shortest timer: shorter ones can come due before the provider has written them.</summary>
    static readonly TimeSpan MinimumWait = TimeSpan.FromSeconds(2);

    static readonly TaskOptions Retry = DurableRetry.Default;

    [Function(nameof(MeetingOrchestrator))]
    public static async Task<MeetingOutcome> Run([OrchestrationTrigger] TaskOrchestrationContext context, MeetingRef meeting)
    {
        ILogger log = context.CreateReplaySafeLogger(nameof(MeetingOrchestrator));
        MeetingPlan plan = await context.CallActivityAsync<MeetingPlan>(nameof(MeetingActivities.GetMeetingPlan), meeting, Retry);
        (int Kind, int Index)? lastDone = null;
        StepKind? lastKind = null;
        int invitedRevision = -1;
        Task<MeetingChanged>? change = null;

        while (true)
        {
            if (plan.Cancelled)
            {
                if (invitedRevision >= 0)
                {
                    var cancelled = new MeetingRevisionRef(meeting.NetworkId, meeting.Number, plan.Revision);
                    await PatientSteps.RunAsync(context, log, meeting.NetworkId, meeting.Number, MailKinds.Cancellation, StepLimits.ForChange(plan.Timeline), PatienceOf(plan),
                        quick => context.CallActivityAsync<StepResult>(nameof(MeetingActivities.SendCancellation), cancelled, quick));
                }

                context.SetCustomStatus(new MeetingStatus(MeetingSteps.Cancelled, null, plan.Revision));
                return new MeetingOutcome(meeting.Number, MeetingSteps.Cancelled);
            }

            if (invitedRevision >= 0 && plan.Revision > invitedRevision && lastKind < StepKind.Survey)
            {
                var moved = new MeetingRevisionRef(meeting.NetworkId, meeting.Number, plan.Revision);
                await PatientSteps.RunAsync(context, log, meeting.NetworkId, meeting.Number, MailKinds.Update, StepLimits.ForChange(plan.Timeline), PatienceOf(plan),
                    quick => context.CallActivityAsync<StepResult>(nameof(MeetingActivities.SendMeetingUpdate), moved, quick));
                invitedRevision = plan.Revision;
            }

            if (MeetingSteps.Next(plan.Timeline, lastDone) is not { } step)
            {
                break;
            }

            string phase = MeetingSteps.PhaseAfter(lastKind);
            DateTime due = (step.Kind is StepKind.Agenda or StepKind.SurveySummary ? step.At + ClosingGrace : step.At).UtcDateTime;

            // AzureStorage timers fire up to a second early (queue delays are whole seconds, counted from when the
            // timer is written): a step that close to due runs. A new timer waits at least two seconds, so it cannot
            // fire at once and spin. (Answers are safe: steps that read them wait out ClosingGrace first.)
            if (due > context.CurrentUtcDateTime + DueTolerance)
            {
                context.SetCustomStatus(new MeetingStatus(phase, step.At, plan.Revision));
                DateTime fireAt = due - context.CurrentUtcDateTime < MinimumWait ? context.CurrentUtcDateTime + MinimumWait : due;
                using var timerCancellation = new CancellationTokenSource();
                Task timer = context.CreateTimer(fireAt, timerCancellation.Token);
                change ??= context.WaitForExternalEvent<MeetingChanged>(MeetingChanged.EventName);
                if (await Task.WhenAny(timer, change) == change)
                {
                    timerCancellation.Cancel();
                    change = null;
                    plan = await context.CallActivityAsync<MeetingPlan>(nameof(MeetingActivities.GetMeetingPlan), meeting, Retry);
                }
                else if (meeting.Shape >= MeetingShapes.RereadsPlanOnTimers)
                {
                    // The step is due by the plan the meeting holds; the document says whether it still is (a change whose
                    // event was lost, or raised while the engine was unreachable, is seen here at the latest).
                    plan = await context.CallActivityAsync<MeetingPlan>(nameof(MeetingActivities.GetMeetingPlan), meeting, Retry);
                }

                continue;
            }

            if (step.Kind == StepKind.Invitation)
            {
                context.SetCustomStatus(new MeetingStatus(MeetingSteps.Inviting, null, plan.Revision));
            }

            // A step waits out faults while it is useful; past that it is recorded as missed and the meeting goes on.
            bool done = await PatientSteps.RunAsync(context, log, meeting.NetworkId, meeting.Number, StepName(step), StepLimits.For(step.Kind, plan.Timeline, PatienceOf(plan)), PatienceOf(plan),
                quick => RunStepAsync(context, meeting, plan, step, quick));
            log.LogInformation("Meeting {Instance}: {Step} {Index} {Outcome}", meeting.InstanceId, step.Kind, step.Index, done ? "done" : "missed");
            if (step.Kind == StepKind.Invitation)
            {
                invitedRevision = plan.Revision;
            }

            lastDone = step.Position;
            lastKind = step.Kind;
        }

        context.SetCustomStatus(new MeetingStatus(MeetingSteps.Closed, null, plan.Revision));
        return new MeetingOutcome(meeting.Number, MeetingSteps.Closed);
    }

    /// <summary>Plans recorded before patience existed carry none: they keep the quick retries they had.</summary>
    static Patience PatienceOf(MeetingPlan plan) => plan.Patience ?? Patience.Legacy;

    static string StepName(MeetingStep step) => step.Kind == StepKind.Reminder
        ? MailKinds.Reminder(step.Index)
        : step.Kind switch
        {
            StepKind.Invitation => MailKinds.Invitation,
            StepKind.Agenda => MailKinds.Agenda,
            StepKind.FinalAgenda => MailKinds.FinalAgenda,
            StepKind.Survey => MailKinds.Survey,
            StepKind.SurveyReminder => MailKinds.SurveyReminder,
            _ => MailKinds.SurveySummary,
        };

    static Task RunStepAsync(TaskOrchestrationContext context, MeetingRef meeting, MeetingPlan plan, MeetingStep step, TaskOptions retry)
    {
        var revision = new MeetingRevisionRef(meeting.NetworkId, meeting.Number, plan.Revision);
        return step.Kind switch
        {
            StepKind.Invitation => context.CallActivityAsync<StepResult>(nameof(MeetingActivities.SendInvitations), revision, retry),
            StepKind.Reminder => context.CallActivityAsync<StepResult>(nameof(MeetingActivities.SendReminders), new ReminderRef(meeting.NetworkId, meeting.Number, plan.Revision, step.Index), retry),
            StepKind.Agenda => AgendaAsync(context, meeting, revision, retry),
            StepKind.FinalAgenda => context.CallActivityAsync<StepResult>(nameof(MeetingActivities.SendFinalAgenda), revision, retry),
            StepKind.Survey => context.CallActivityAsync<StepResult>(nameof(MeetingActivities.SendSurveys), revision, retry),
            StepKind.SurveyReminder => context.CallActivityAsync<StepResult>(nameof(MeetingActivities.SendSurveyReminders), revision, retry),
            StepKind.SurveySummary => context.CallActivityAsync<StepResult>(nameof(MeetingActivities.SendSurveySummary), revision, retry),
            _ => throw new ArgumentOutOfRangeException(nameof(step), step.Kind, null),
        };
    }

    static async Task AgendaAsync(TaskOrchestrationContext context, MeetingRef meeting, MeetingRevisionRef revision, TaskOptions retry)
    {
        await context.CallActivityAsync<StepResult>(nameof(MeetingActivities.AssembleAgenda), meeting, retry);
        await context.CallActivityAsync<StepResult>(nameof(MeetingActivities.SendAgenda), revision, retry);
    }
}
