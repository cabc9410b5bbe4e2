using NetworkFunctions.Networks;
using NetworkFunctions.Storage;

namespace NetworkFunctions.Forms;

/// <summary>What became of an answer stored by <see cref="CheckedAnswers"/>.</summary>
public enum StoredAnswer
{
    /// <summary>Stored, and the step that reads the answers will read it.</summary>
    Kept,

    /// <summary>Taken back: the step that reads the answers sealed them before this one could be read.</summary>
    Sealed,

    /// <summary>Taken back: the member was erased meanwhile.</summary>
    Erased,
}

/// <summary>
/// Stores a member's answer, replacing the earlier one, then looks at the seal and the membership. When the step that
/// reads the answers sealed them before this one could be read (<see cref="AnswerSeals"/>), or the member was erased
/// meanwhile, the answer is taken back — the earlier one restored, or none — so nobody is told "received" about an
/// answer no agenda or summary will show. The forms and the calendar replies store through here.
/// </summary>
public sealed class CheckedAnswers(NetworkStore store, TimeProvider clock)
{
    public async Task<StoredAnswer> SaveInvitationAsync(string networkId, InvitationAnswer answer, InvitationAnswer? previous, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return await SaveCheckedAsync(networkId, answer.Meeting, answer.MemberId, AnswerKind.Invitation,
            () => store.SaveInvitationAnswerAsync(networkId, answer, cancellationToken),
            () => previous is null
                ? store.DeleteInvitationAnswerAsync(networkId, answer.Meeting, answer.MemberId, cancellationToken)
                : store.SaveInvitationAnswerAsync(networkId, previous, cancellationToken),
            cancellationToken);
    }

    public async Task<StoredAnswer> SaveSurveyAsync(string networkId, SurveyAnswer answer, SurveyAnswer? previous, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return await SaveCheckedAsync(networkId, answer.Meeting, answer.MemberId, AnswerKind.Survey,
            () => store.SaveSurveyAnswerAsync(networkId, answer, cancellationToken),
            () => previous is null
                ? store.DeleteSurveyAnswerAsync(networkId, answer.Meeting, answer.MemberId, cancellationToken)
                : store.SaveSurveyAnswerAsync(networkId, previous, cancellationToken),
            cancellationToken);
    }

    async Task<StoredAnswer> SaveCheckedAsync(string networkId, int meeting, string memberId, AnswerKind kind, Func<Task> save, Func<Task> takeBack, CancellationToken cancellationToken)
    {
        await save();
        DateTimeOffset storedAt = clock.GetUtcNow();
        Task<AnswerSeal?> seal = store.LoadSealAsync(networkId, meeting, kind, cancellationToken);
        Task<(Network Network, Azure.ETag ETag)?> network = store.LoadNetworkAsync(networkId, cancellationToken);
        bool member = (await network)?.Network.FindMember(memberId) is not null;
        bool read = AnswerSeals.IsRead(storedAt, (await seal)?.SealedAt);
        if (member && read)
        {
            return StoredAnswer.Kept;
        }

        await takeBack();
        return member ? StoredAnswer.Sealed : StoredAnswer.Erased;
    }
}
