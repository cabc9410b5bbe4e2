using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using NetworkFunctions.Durable;
using NetworkFunctions.Networks;

namespace NetworkFunctions.Cycle;

/// <summary>
/// The agenda the preparers changed after the final agenda went out reaches every invited member: at
/// <see cref="AgendaUpdate.SendAt"/> the newest revision is mailed (waiting out faults until the meeting starts), and
/// if the preparers saved again meanwhile, that revision follows. Each revision goes at most once (its sent records are
/// keyed by the agenda's revision); a save while this runs needs no instance of its own.
/// </summary>
public static class AgendaUpdateOrchestrator
{
    /// <summary>At most this many revisions per instance, so an agenda that keeps changing keeps a short history.</summary>
    const int MaxRounds = 20;

    [Function(nameof(AgendaUpdateOrchestrator))]
    public static async Task<int> Run([OrchestrationTrigger] TaskOrchestrationContext context, AgendaUpdate update)
    {
        ILogger log = context.CreateReplaySafeLogger(nameof(AgendaUpdateOrchestrator));
        if (update.SendAt > context.CurrentUtcDateTime)
        {
            await context.CreateTimer(update.SendAt.UtcDateTime, CancellationToken.None);
        }

        int sent = 0;
        for (int round = 0; round < MaxRounds && context.CurrentUtcDateTime < update.Until; round++)
        {
            int revision = await context.CallActivityAsync<int>(nameof(MeetingActivities.GetAgendaRevision), new MeetingRef(update.NetworkId, update.Number), DurableRetry.Default);
            if (revision <= sent)
            {
                break;
            }

            var step = new MeetingRevisionRef(update.NetworkId, update.Number, revision);
            if (!await PatientSteps.RunAsync(context, log, update.NetworkId, update.Number, MailKinds.AgendaUpdate, update.Until, update.Patience,
                    quick => context.CallActivityAsync<StepResult>(nameof(MeetingActivities.SendUpdatedAgenda), step, quick)))
            {
                break;
            }

            sent = revision;
        }

        return sent;
    }
}
