using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using NetworkFunctions.Durable;
using NetworkFunctions.Networks;

namespace NetworkFunctions.Cycle;

/// <summary>A meeting's sent minutes reach every invited member and the director, once, waiting out faults for a week.</summary>
public static class MinutesOrchestrator
{
    [Function(nameof(MinutesOrchestrator))]
    public static async Task<bool> Run([OrchestrationTrigger] TaskOrchestrationContext context, MinutesDelivery delivery)
    {
        ILogger log = context.CreateReplaySafeLogger(nameof(MinutesOrchestrator));
        var step = new MeetingRevisionRef(delivery.NetworkId, delivery.Number, delivery.Revision);
        return await PatientSteps.RunAsync(context, log, delivery.NetworkId, delivery.Number, MailKinds.Minutes, delivery.Until, delivery.Patience,
            quick => context.CallActivityAsync<StepResult>(nameof(MeetingActivities.SendMinutes), step, quick));
    }
}
