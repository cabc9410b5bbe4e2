using NetworkFunctions.Networks;
using NetworkFunctions.Rendering;
using NetworkFunctions.Storage;

namespace NetworkFunctions.Surveys;

/// <summary>A meeting's survey summary in Blob Storage, computed from the stored survey answers of current members.</summary>
public sealed class SurveySummaryDocuments(NetworkStore store, TemplateRenderer renderer)
{
    /// <summary>The members the meeting's survey goes to: invited, and did not decline.</summary>
    public async Task<IReadOnlyList<Member>> SurveyedAsync(MeetingContext c, CancellationToken cancellationToken = default) =>
        Recipients.Surveyed(
            c.Network,
            await store.InvitedMemberIdsAsync(c.Network.Id, c.Meeting.Number, cancellationToken),
            await store.LoadInvitationAnswersAsync(c.Network.Id, c.Meeting.Number, cancellationToken));

    /// <summary>The survey summary from the stored answers; returns the page and the text.</summary>
    public async Task<(string Html, string Text)> WriteAsync(MeetingContext c, CancellationToken cancellationToken = default)
    {
        int surveyed = (await SurveyedAsync(c, cancellationToken)).Count;
        IReadOnlyList<SurveyAnswer> answers = (await store.LoadSurveyAnswersAsync(c.Network.Id, c.Meeting.Number, cancellationToken))
            .Where(a => c.Network.FindMember(a.MemberId) is not null)
            .ToList();
        SurveySummary summary = SurveySummary.From(c.Meeting.Number, answers, surveyed);
        var context = new SummaryContext(c.Network.Name, c.Network.Organisation, c.Meeting.Number, c.Meeting.Title, c.Language);
        (string html, string text) = SurveySummaryPage.Render(renderer, summary, context);
        await store.WriteMeetingDocumentAsync(c.Network.Id, c.Meeting.Number, MeetingDocument.SurveySummaryPage, html, cancellationToken);
        await store.WriteMeetingDocumentAsync(c.Network.Id, c.Meeting.Number, MeetingDocument.SurveySummaryText, text, cancellationToken);
        return (html, text);
    }
}
