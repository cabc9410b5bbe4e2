using System.Text.Json;
using System.Text.RegularExpressions;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using NetworkFunctions.Email;

namespace NetworkFunctions.Benchmarks.Fleet;

/// <summary>One mail as the benchmark needs it: when the mail sink took it, the recipient, its kind and network (the app's custom arguments), its text.</summary>
public sealed record SunkMail(DateTimeOffset ReceivedAt, string To, string? Kind, string? Network, string Text);

/// <summary>
/// The local mail sink's mailbox read straight from Azurite, not through the counting proxy or the host: the benchmark's
/// own look adds no storage calls to the figures and no work to the host. Each blob is read once.
/// </summary>
public sealed partial class DirectMailbox(BlobContainerClient mailbox)
{
    readonly Dictionary<string, SunkMail?> read = new(StringComparer.Ordinal);

    /// <summary>Every mail the sink has taken so far (new blobs are read, earlier ones come from memory).</summary>
    public async Task<IReadOnlyList<SunkMail>> ReadAsync(CancellationToken cancellationToken)
    {
        if (!await mailbox.ExistsAsync(cancellationToken))
        {
            return [];
        }

        var fresh = new List<string>();
        await foreach (BlobItem blob in mailbox.GetBlobsAsync(BlobTraits.None, BlobStates.None, null, cancellationToken))
        {
            if (!read.ContainsKey(blob.Name))
            {
                fresh.Add(blob.Name);
            }
        }

        var mails = new SunkMail?[fresh.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, fresh.Count), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (i, ct) => mails[i] = Parse((await mailbox.GetBlobClient(fresh[i]).DownloadContentAsync(ct)).Value.Content));
        for (int i = 0; i < fresh.Count; i++)
        {
            read[fresh[i]] = mails[i];
        }

        return [.. read.Values.OfType<SunkMail>()];
    }

    /// <summary>The personal form links (<c>/api/forms/{token}</c>) in these mails' texts.</summary>
    public static IEnumerable<string> FormTokens(SunkMail mail) =>
        FormLink().Matches(mail.Text).Select(m => m.Groups[1].Value);

    static SunkMail? Parse(BinaryData content)
    {
        using JsonDocument json = JsonDocument.Parse(content);
        JsonElement root = json.RootElement;
        string to = root.TryGetProperty("to", out JsonElement t) && t.ValueKind == JsonValueKind.Array && t.GetArrayLength() > 0 ? t[0].GetString() ?? "" : "";
        string? kind = null, network = null;
        if (root.TryGetProperty("customArgs", out JsonElement args) && args.ValueKind == JsonValueKind.Object)
        {
            kind = args.TryGetProperty(Mailer.KindArgument, out JsonElement k) ? k.GetString() : null;
            network = args.TryGetProperty(Mailer.NetworkArgument, out JsonElement n) ? n.GetString() : null;
        }

        return root.TryGetProperty("receivedAt", out JsonElement at)
            ? new SunkMail(at.GetDateTimeOffset(), to, kind, network, root.TryGetProperty("text", out JsonElement text) ? text.GetString() ?? "" : "")
            : null;
    }

    [GeneratedRegex(@"/api/forms/([A-Za-z0-9_\-\.]+)")]
    private static partial Regex FormLink();
}
