using Microsoft.Azure.Functions.Worker;
using NetworkFunctions.Email;
using NetworkFunctions.Forms;
using NetworkFunctions.Networks;
using NetworkFunctions.Rendering;
using NetworkFunctions.Storage;
using NetworkFunctions.Surveys;

namespace NetworkFunctions.Meetings;

public sealed partial class MeetingActivities
{
    /// <summary>Step 6: the survey with a personal link to every invited member who did not decline.</summary>
    [Function(nameof(SendSurveys))]
    public async Task<StepResult> SendSurveys([ActivityTrigger] MeetingRevisionRef step)
    {
        MeetingContext c = await LoadAsync(step.NetworkId, step.Number);
        IReadOnlyList<Member> surveyed = await SurveyedAsync(c);
        return new StepResult(await SendAllAsync(c, MailKinds.Survey, step.Revision, surveyed.Select(m => SurveyMail(c, m, MailKinds.Survey, "mail_survey_subject", "mail_survey_intro", step.Revision))));
    }

    /// <summary>Step 6: one reminder to those who have not answered the survey.</summary>
    [Function(nameof(SendSurveyReminders))]
    public async Task<StepResult> SendSurveyReminders([ActivityTrigger] MeetingRevisionRef step)
    {
        MeetingContext c = await LoadAsync(step.NetworkId, step.Number);
        var answered = (await store.ListAsync(DocumentPaths.Surveys(step.NetworkId, step.Number)))
            .Select(p => Path.GetFileNameWithoutExtension(p)).ToHashSet(StringComparer.Ordinal);
        IEnumerable<Member> missing = (await SurveyedAsync(c)).Where(m => !answered.Contains(m.Id));
        return new StepResult(await SendAllAsync(c, MailKinds.SurveyReminder, step.Revision, missing.Select(m => SurveyMail(c, m, MailKinds.SurveyReminder, "mail_survey_reminder_subject", "mail_survey_reminder_intro", step.Revision))));
    }

    /// <summary>Step 6, at closing: the survey summary, stored and sent to the facilitator and the internal consultant.</summary>
    [Function(nameof(SendSurveySummary))]
    public async Task<StepResult> SendSurveySummary([ActivityTrigger] MeetingRevisionRef step)
    {
        MeetingContext c = await LoadAsync(step.NetworkId, step.Number);
        (string html, string text) = await documents.WriteSurveySummaryAsync(c, (await SurveyedAsync(c)).Count);
        string body = TemplateRenderer.BodyOf(html);
        var messages = c.Preparers.Select(p => composer.Compose(p.Person, new MessageView(
                composer.Text(c.Language, "summary_subject", ("network", c.Network.Name), ("n", c.Meeting.Number)),
                c.Network.Name,
                c.Network.Organisation,
                Greeting(c.Language, p.Person.Name),
                [composer.Text(c.Language, "summary_intro", ("n", c.Meeting.Number))],
                [],
                null,
                [],
                body,
                text),
            c.Language,
            DocumentPaths.SentMail(c.Network.Id, c.Meeting.Number, MailKinds.SurveySummary, p.Key, step.Revision)));
        return new StepResult(await SendAllAsync(c, MailKinds.SurveySummary, step.Revision, messages));
    }

    async Task<IReadOnlyList<Member>> SurveyedAsync(MeetingContext c) =>
        Recipients.Surveyed(
            c.Network,
            await InvitedIdsAsync(c.Network.Id, c.Meeting.Number),
            await store.LoadInvitationAnswersAsync(c.Network.Id, c.Meeting.Number));

    EmailMessage SurveyMail(MeetingContext c, Member member, string kind, string subjectKey, string introKey, int revision)
    {
        var view = new MessageView(
            composer.Text(c.Language, subjectKey, ("network", c.Network.Name), ("n", c.Meeting.Number)),
            c.Network.Name,
            c.Network.Organisation,
            Greeting(c.Language, member.Name),
            [composer.Text(c.Language, introKey, ("n", c.Meeting.Number)), composer.Text(c.Language, "mail_survey_anonymous")],
            [new DetailRow(composer.Text(c.Language, "deadline_label"), Formats.Moment(c.Timeline.SurveyCloseAt, c.Zone, c.Language))],
            new ButtonView(FormLink(c.Network.Id, c.Meeting.Number, member.Id, FormKind.Survey, c.Timeline.SurveyCloseAt), composer.Text(c.Language, "mail_survey_button")),
            []);
        return composer.Compose(new Person(member.Name, member.Email), view, c.Language,
            DocumentPaths.SentMail(c.Network.Id, c.Meeting.Number, kind, member.Id, revision));
    }
}
