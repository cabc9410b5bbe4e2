using NetworkFunctions.Networks;
using NetworkFunctions.Storage;

namespace NetworkFunctions.Changes;

public sealed record MemberExport(Member Member, string NetworkId, IReadOnlyList<InvitationAnswer> Answers, IReadOnlyList<SurveyAnswer> Surveys);

/// <summary>Everything the product keeps about one member: exported on request, erased when they leave.</summary>
public sealed class MemberData(NetworkStore store)
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

    /// <summary>Deletes the member's answers and survey answers; returns how many documents went.</summary>
    public async Task<int> EraseAsync(Network network, Member member, CancellationToken cancellationToken)
    {
        int erased = 0;
        foreach (Meeting meeting in network.Meetings)
        {
            foreach (string path in new[] { DocumentPaths.Answer(network.Id, meeting.Number, member.Id), DocumentPaths.Survey(network.Id, meeting.Number, member.Id) })
            {
                if (await store.ExistsAsync(path, cancellationToken))
                {
                    await store.DeleteAsync(path, cancellationToken);
                    erased++;
                }
            }
        }

        return erased;
    }
}
