using NetworkFunctions.Documents;
using NetworkFunctions.Meetings;
using NetworkFunctions.Networks;
using NetworkFunctions.Storage;

namespace NetworkFunctions.Changes;

public sealed record MemberExport(Member Member, string NetworkId, IReadOnlyList<InvitationAnswer> Answers, IReadOnlyList<SurveyAnswer> Surveys);

/// <summary>Everything the product keeps about one member: exported on request, erased when they leave.</summary>
public sealed class MemberData(NetworkStore store, DocumentWriter documents)
{
    public async Task<MemberExport> ExportAsync(Network network, Member member, CancellationToken cancellationToken)
    {
        var answers = new List<InvitationAnswer>();
        var surveys = new List<SurveyAnswer>();
        foreach (Meeting meeting in network.Meetings)
        {
            if (await store.LoadInvitationAnswerAsync(network.Id, meeting.Number, member.Id, cancellationToken) is { } answer)
            {
                answers.Add(answer);
            }

            if (await store.LoadSurveyAnswerAsync(network.Id, meeting.Number, member.Id, cancellationToken) is { } survey)
            {
                surveys.Add(survey);
            }
        }

        return new MemberExport(member, network.Id, answers, surveys);
    }

    /// <summary>
    /// Erases a member who has left <paramref name="network"/> (already without them): their answers and survey
    /// answers, and every document built from them — agendas and carry-overs lose their contributions, survey
    /// summaries and the year-end report are computed again without their answers. Returns the documents touched.
    /// </summary>
    public async Task<int> EraseAsync(Network network, Member member, CancellationToken cancellationToken)
    {
        int touched = 0;
        foreach (Meeting meeting in network.Meetings)
        {
            foreach (string path in new[] { DocumentPaths.Answer(network.Id, meeting.Number, member.Id), DocumentPaths.Survey(network.Id, meeting.Number, member.Id) })
            {
                if (await store.ExistsAsync(path, cancellationToken))
                {
                    await store.DeleteAsync(path, cancellationToken);
                    touched++;
                }
            }
        }

        foreach (Meeting meeting in network.Meetings)
        {
            MeetingContext c = MeetingContext.Of(network, meeting.Number);
            if (await documents.ReadAgendaAsync(network.Id, meeting.Number, cancellationToken) is { } agenda)
            {
                await documents.WriteAgendaAsync(c, Without(agenda, member.Id), cancellationToken);
                touched++;
            }

            if (await store.ExistsAsync(DocumentPaths.SurveySummaryHtml(network.Id, meeting.Number), cancellationToken))
            {
                int surveyed = Recipients.Surveyed(
                    network,
                    await store.InvitedMemberIdsAsync(network.Id, meeting.Number, cancellationToken),
                    await store.LoadInvitationAnswersAsync(network.Id, meeting.Number, cancellationToken)).Count;
                await documents.WriteSurveySummaryAsync(c, surveyed, cancellationToken);
                touched++;
            }
        }

        if (await store.ExistsAsync(DocumentPaths.ReportHtml(network.Id), cancellationToken))
        {
            await documents.WriteYearReportAsync(network, cancellationToken);
            touched++;
        }

        return touched;
    }

    /// <summary>The agenda without the member's contributions; a block titled by them alone keeps its time but not their title.</summary>
    internal static Agenda.Agenda Without(Agenda.Agenda agenda, string memberId) => agenda with
    {
        Items = agenda.Items.Select(item =>
        {
            var kept = item.Contributions.Where(x => x.MemberId != memberId).ToList();
            bool titleKept = item.GroupTitle is null || kept.Any(x => string.Equals(x.Contribution.Title, item.GroupTitle, StringComparison.OrdinalIgnoreCase));
            return item with { Contributions = kept, GroupTitle = titleKept ? item.GroupTitle : kept.FirstOrDefault()?.Contribution.Title };
        }).ToList(),
        NotFitted = agenda.NotFitted.Where(x => x.MemberId != memberId).ToList(),
    };
}
