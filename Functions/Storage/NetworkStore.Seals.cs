using System.Text.Json;

namespace NetworkFunctions.Storage;

/// <summary>When a meeting's answers (or survey answers) were sealed: read by the step that builds a document from them.</summary>
public sealed record AnswerSeal(DateTimeOffset SealedAt);

/// <summary>
/// Seals: the agenda seals a meeting's answers (the summary its survey answers) before it reads them, so an answer
/// that arrives after can be refused rather than acknowledged and left out (docs/operations.md).
/// </summary>
public sealed partial class NetworkStore
{
    /// <summary>Seals the answers of a kind, once; the seal that holds (this one or an earlier one).</summary>
    public async Task<AnswerSeal> SealAnswersAsync(string networkId, int meeting, AnswerKind kind, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        string path = DocumentPaths.Seal(networkId, meeting, kind);
        var seal = new AnswerSeal(at);
        if (await CreateOnceAsync(path, JsonSerializer.Serialize(seal, DocumentJson.Options), cancellationToken))
        {
            return seal;
        }

        return await LoadSealAsync(networkId, meeting, kind, cancellationToken) ?? seal;
    }

    /// <summary>The seal of the answers of a kind, or null while they are open.</summary>
    public async Task<AnswerSeal?> LoadSealAsync(string networkId, int meeting, AnswerKind kind, CancellationToken cancellationToken = default) =>
        (await ReadJsonAsync<AnswerSeal>(DocumentPaths.Seal(networkId, meeting, kind), cancellationToken))?.Value;

    public Task DeleteInvitationAnswerAsync(string networkId, int meeting, string memberId, CancellationToken cancellationToken = default) =>
        DeleteAsync(DocumentPaths.Answer(networkId, meeting, memberId), cancellationToken);

    public Task DeleteSurveyAnswerAsync(string networkId, int meeting, string memberId, CancellationToken cancellationToken = default) =>
        DeleteAsync(DocumentPaths.Survey(networkId, meeting, memberId), cancellationToken);
}
