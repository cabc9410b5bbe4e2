using System.Text.Json;
using NetworkFunctions.Networks;

namespace NetworkFunctions.Storage;

/// <summary>What became of an email before: sent (SendGrid accepted it), refused for good, or handed over with no answer kept.</summary>
public enum MailRecord
{
    Sent,
    Refused,

    /// <summary>An intent record and no outcome: an earlier try may or may not have reached SendGrid.</summary>
    Intended,
}

/// <summary>The intent record of an email: when it was first about to be handed to SendGrid.</summary>
public sealed record MailIntent(DateTimeOffset IntendedAt);

/// <summary>The sent-mail records: one per email SendGrid accepted or refused, so that none is sent twice.</summary>
public sealed partial class NetworkStore
{
    /// <summary>
    /// What was recorded for these emails, by key: one listing per folder of records instead of a read per email. Keys
    /// with no entry have not been sent.
    /// </summary>
    public async Task<IReadOnlyDictionary<MailKey, MailRecord>> MailRecordsAsync(IReadOnlyCollection<MailKey> keys, CancellationToken cancellationToken = default)
    {
        var recorded = new HashSet<string>(StringComparer.Ordinal);
        IEnumerable<string> folders = keys
            .SelectMany(k => new[] { DocumentPaths.SentMail(k), DocumentPaths.RefusedMail(k), DocumentPaths.IntendedMail(k) })
            .Select(path => path[..(path.LastIndexOf('/') + 1)])
            .Distinct(StringComparer.Ordinal);
        foreach (string folder in folders)
        {
            recorded.UnionWith(await ListAsync(folder, cancellationToken));
        }

        var records = new Dictionary<MailKey, MailRecord>();
        foreach (MailKey key in keys)
        {
            if (recorded.Contains(DocumentPaths.SentMail(key)))
            {
                records[key] = MailRecord.Sent;
            }
            else if (recorded.Contains(DocumentPaths.RefusedMail(key)))
            {
                records[key] = MailRecord.Refused;
            }
            else if (recorded.Contains(DocumentPaths.IntendedMail(key)))
            {
                records[key] = MailRecord.Intended;
            }
        }

        return records;
    }

    /// <summary>Records that the email is about to be handed to SendGrid (once; the first time is kept).</summary>
    public Task<bool> RecordIntentAsync(MailKey key, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        CreateOnceAsync(DocumentPaths.IntendedMail(key), JsonSerializer.Serialize(new MailIntent(at), DocumentJson.Options), cancellationToken);

    /// <summary>When the email was first about to be handed to SendGrid; null when it never was.</summary>
    public async Task<DateTimeOffset?> LoadIntentAsync(MailKey key, CancellationToken cancellationToken = default) =>
        (await ReadJsonAsync<MailIntent>(DocumentPaths.IntendedMail(key), cancellationToken))?.Value?.IntendedAt;

    /// <summary>Records that SendGrid accepted the email (once; a second record of the same key changes nothing).</summary>
    public Task<bool> RecordSentAsync(MailKey key, string json, CancellationToken cancellationToken = default) =>
        CreateOnceAsync(DocumentPaths.SentMail(key), json, cancellationToken);

    /// <summary>Records that SendGrid refused the email for good.</summary>
    public Task<bool> RecordRefusedAsync(MailKey key, string json, CancellationToken cancellationToken = default) =>
        CreateOnceAsync(DocumentPaths.RefusedMail(key), json, cancellationToken);

    /// <summary>How many emails of a kind were accepted for a meeting (any recipient, any revision).</summary>
    public Task<int> CountSentAsync(string networkId, int meeting, string kind, CancellationToken cancellationToken = default) =>
        CountAsync(DocumentPaths.SentMailOfKind(networkId, meeting, kind), cancellationToken);

    /// <summary>The members an invitation to the meeting was sent to, from the sent records (the director excluded).</summary>
    public async Task<IReadOnlySet<string>> InvitedMemberIdsAsync(string networkId, int meeting, CancellationToken cancellationToken = default) =>
        (await RecipientsAsync(networkId, meeting, MailKinds.Invitation, cancellationToken)).Where(id => id != MailKinds.Director).ToHashSet(StringComparer.Ordinal);

    /// <summary>The recipient keys (member ids and role keys) a mail of the kind went to for the meeting, at any revision.</summary>
    public async Task<IReadOnlySet<string>> RecipientsAsync(string networkId, int meeting, string kind, CancellationToken cancellationToken = default) =>
        (await ListAsync(DocumentPaths.SentMailOfKind(networkId, meeting, kind), cancellationToken))
            .Select(path => Path.GetFileName(path).Split('.')[0])
            .ToHashSet(StringComparer.Ordinal);
}
