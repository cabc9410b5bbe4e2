using NetworkFunctions.Networks;

namespace NetworkFunctions.Storage;

/// <summary>Members' answers to invitations and surveys: one document per member and meeting, the latest replacing the earlier.</summary>
public sealed partial class NetworkStore
{
    public Task SaveInvitationAnswerAsync(string networkId, InvitationAnswer answer, CancellationToken cancellationToken = default) =>
        WriteJsonAsync(DocumentPaths.Answer(networkId, answer.Meeting, answer.MemberId), answer, null, cancellationToken);

    public Task SaveSurveyAnswerAsync(string networkId, SurveyAnswer answer, CancellationToken cancellationToken = default) =>
        WriteJsonAsync(DocumentPaths.Survey(networkId, answer.Meeting, answer.MemberId), answer, null, cancellationToken);

    public async Task<InvitationAnswer?> LoadInvitationAnswerAsync(string networkId, int meeting, string memberId, CancellationToken cancellationToken = default) =>
        (await ReadJsonAsync<InvitationAnswer>(DocumentPaths.Answer(networkId, meeting, memberId), cancellationToken))?.Value;

    public async Task<SurveyAnswer?> LoadSurveyAnswerAsync(string networkId, int meeting, string memberId, CancellationToken cancellationToken = default) =>
        (await ReadJsonAsync<SurveyAnswer>(DocumentPaths.Survey(networkId, meeting, memberId), cancellationToken))?.Value;

    public Task<IReadOnlyList<InvitationAnswer>> LoadInvitationAnswersAsync(string networkId, int meeting, CancellationToken cancellationToken = default) =>
        ReadAllAsync<InvitationAnswer>(DocumentPaths.Answers(networkId, meeting), cancellationToken);

    public Task<IReadOnlyList<SurveyAnswer>> LoadSurveyAnswersAsync(string networkId, int meeting, CancellationToken cancellationToken = default) =>
        ReadAllAsync<SurveyAnswer>(DocumentPaths.Surveys(networkId, meeting), cancellationToken);

    /// <summary>The members who have answered the meeting's invitation.</summary>
    public async Task<IReadOnlySet<string>> AnsweredMemberIdsAsync(string networkId, int meeting, CancellationToken cancellationToken = default) =>
        MemberIdsOf(await ListAsync(DocumentPaths.Answers(networkId, meeting), cancellationToken));

    /// <summary>The members who have answered the meeting's survey.</summary>
    public async Task<IReadOnlySet<string>> SurveyedMemberIdsAsync(string networkId, int meeting, CancellationToken cancellationToken = default) =>
        MemberIdsOf(await ListAsync(DocumentPaths.Surveys(networkId, meeting), cancellationToken));

    public Task<int> CountSurveyAnswersAsync(string networkId, int meeting, CancellationToken cancellationToken = default) =>
        CountAsync(DocumentPaths.Surveys(networkId, meeting), cancellationToken);

    /// <summary>Deletes a member's answer and survey answer to one meeting; returns how many there were.</summary>
    public async Task<int> DeleteMemberAnswersAsync(string networkId, int meeting, string memberId, CancellationToken cancellationToken = default)
    {
        int deleted = 0;
        foreach (string path in new[] { DocumentPaths.Answer(networkId, meeting, memberId), DocumentPaths.Survey(networkId, meeting, memberId) })
        {
            if (await ExistsAsync(path, cancellationToken))
            {
                await DeleteAsync(path, cancellationToken);
                deleted++;
            }
        }

        return deleted;
    }

    static HashSet<string> MemberIdsOf(IEnumerable<string> paths) =>
        paths.Select(p => Path.GetFileNameWithoutExtension(p)).ToHashSet(StringComparer.Ordinal);
}
