using Microsoft.Azure.Functions.Worker;
using NetworkFunctions.Durable;
using NetworkFunctions.Email;
using NetworkFunctions.Forms;
using NetworkFunctions.Networks;
using NetworkFunctions.Rendering;
using NetworkFunctions.Storage;

namespace NetworkFunctions.Cycle;

public sealed partial class MeetingActivities
{
    /// <summary>Step 6: the survey with a personal link to every invited member who did not decline.</summary>
    [Function(nameof(SendSurveys))]
    public async Task<StepResult> SendSurveys([ActivityTrigger] MeetingRevisionRef step)
    {
        if (await LoadUncancelledAsync(step.NetworkId, step.Number, MailKinds.Survey) is not { } c)
        {
            return StepResult.Nothing;
        }

        return await SendAllAsync(c, MailKinds.Survey, step.Revision, (await summaries.SurveyedAsync(c))
            .Select(m => messages.Survey(c, m, MailKinds.Survey, step.Revision, FormLink(c, m.Id, FormKind.Survey))));
    }

    /// <summary>Step 6: one reminder to those who have not answered the survey.</summary>
    [Function(nameof(SendSurveyReminders))]
    public async Task<StepResult> SendSurveyReminders([ActivityTrigger] MeetingRevisionRef step)
    {
        if (await LoadUncancelledAsync(step.NetworkId, step.Number, MailKinds.SurveyReminder) is not { } c)
        {
            return StepResult.Nothing;
        }

        IReadOnlySet<string> answered = await store.SurveyedMemberIdsAsync(step.NetworkId, step.Number);
        return await SendAllAsync(c, MailKinds.SurveyReminder, step.Revision, (await summaries.SurveyedAsync(c))
            .Where(m => !answered.Contains(m.Id))
            .Select(m => messages.Survey(c, m, MailKinds.SurveyReminder, step.Revision, FormLink(c, m.Id, FormKind.Survey))));
    }

    /// <summary>Step 6, at closing: the survey summary, stored and sent to the facilitator and the internal consultant.</summary>
    [Function(nameof(SendSurveySummary))]
    public async Task<StepResult> SendSurveySummary([ActivityTrigger] MeetingRevisionRef step)
    {
        await SealAsync(step.NetworkId, step.Number, AnswerKind.Survey);
        if (await LoadUncancelledAsync(step.NetworkId, step.Number, MailKinds.SurveySummary) is not { } c)
        {
            return StepResult.Nothing;
        }

        (string html, string text) = await store.BuildOnUnchangedNetworkAsync(step.NetworkId, network => summaries.WriteAsync(MeetingContext.Of(network, step.Number)));
        var summary = new DocumentParts(TemplateRenderer.BodyOf(html), text);
        return await SendAllAsync(c, MailKinds.SurveySummary, step.Revision, c.Preparers
            .Select(p => messages.SurveySummary(c, p.Person, p.Key, step.Revision, summary)));
    }
}
