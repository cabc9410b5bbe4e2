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
    public Task<StepResult> SendSurveys([ActivityTrigger] MeetingRevisionRef step) =>
        UnlessCancelledAsync(step.NetworkId, step.Number, MailKinds.Survey, async c =>
        {
            StepResult surveys = await SendAllAsync(c, MailKinds.Survey, step.Revision, (await summaries.SurveyedAsync(c))
                .Select(m => messages.Survey(c, m, MailKinds.Survey, step.Revision, FormLink(c, m.Id, FormKind.Survey))));
            await RequestMinutesAsync(c, MailKinds.MinutesRequest, step.Revision);
            return surveys;
        });

    /// <summary>Step 6: one reminder to those who have not answered the survey.</summary>
    [Function(nameof(SendSurveyReminders))]
    public Task<StepResult> SendSurveyReminders([ActivityTrigger] MeetingRevisionRef step) =>
        UnlessCancelledAsync(step.NetworkId, step.Number, MailKinds.SurveyReminder, async c =>
        {
            IReadOnlySet<string> answered = await store.SurveyedMemberIdsAsync(step.NetworkId, step.Number);
            return await SendAllAsync(c, MailKinds.SurveyReminder, step.Revision, (await summaries.SurveyedAsync(c))
                .Where(m => !answered.Contains(m.Id))
                .Select(m => messages.Survey(c, m, MailKinds.SurveyReminder, step.Revision, FormLink(c, m.Id, FormKind.Survey))));
        });

    /// <summary>Step 6, at closing: the survey summary, stored and sent to the facilitator and the internal consultant.</summary>
    [Function(nameof(SendSurveySummary))]
    public async Task<StepResult> SendSurveySummary([ActivityTrigger] MeetingRevisionRef step)
    {
        // Built again if a member left while it was built; a cancelled meeting has no summary.
        (MeetingContext c, DocumentParts? summary) = await store.BuildOnUnchangedNetworkAsync(step.NetworkId, async network =>
        {
            MeetingContext meeting = MeetingContext.Of(network, step.Number);
            await SealAsync(meeting, AnswerKind.Survey);
            if (IsCancelled(meeting, MailKinds.SurveySummary))
            {
                return (meeting, (DocumentParts?)null);
            }

            (string html, string text) = await summaries.WriteAsync(meeting);
            return (meeting, new DocumentParts(TemplateRenderer.BodyOf(html), text));
        });
        if (summary is null)
        {
            return StepResult.Nothing;
        }

        StepResult sent = await SendAllAsync(c, MailKinds.SurveySummary, step.Revision, c.Preparers
            .Select(p => messages.SurveySummary(c, p.Person, p.Key, step.Revision, summary)));
        if (await minutes.ReadAsync(c.Network.Id, c.Meeting.Number) is not { Sent: true })
        {
            await RequestMinutesAsync(c, MailKinds.MinutesReminder, step.Revision);
        }

        return sent;
    }
}
