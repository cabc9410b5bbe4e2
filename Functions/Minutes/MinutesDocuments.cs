using Azure;
using NetworkFunctions.Agenda;
using NetworkFunctions.Networks;
using NetworkFunctions.Rendering;
using NetworkFunctions.Storage;

namespace NetworkFunctions.Minutes;

/// <summary>
/// A meeting's minutes in Blob Storage: the JSON the preparers edit (written on its ETag, so neither overwrites the
/// other), and the page, email body and text rendered from it. Before anyone saved, the minutes are prefilled from the
/// agenda and the invitation answers.
/// </summary>
public sealed class MinutesDocuments(NetworkStore store, AgendaDocuments agendas, MinutesPages pages)
{
    /// <summary>The stored minutes with their ETag, or the prefilled ones (no ETag: nothing is stored yet).</summary>
    public async Task<(MeetingMinutes Minutes, ETag? ETag)> ReadOrPrefillAsync(MeetingContext c, CancellationToken cancellationToken = default)
    {
        if (await store.ReadMeetingJsonVersionAsync<MeetingMinutes>(c.Network.Id, c.Meeting.Number, MeetingDocument.MinutesJson, cancellationToken) is var (stored, etag))
        {
            return (stored, etag);
        }

        MeetingAgenda? agenda = await agendas.ReadAsync(c.Network.Id, c.Meeting.Number, cancellationToken);
        IReadOnlyList<InvitationAnswer> answers = await store.LoadInvitationAnswersAsync(c.Network.Id, c.Meeting.Number, cancellationToken);
        return (MeetingMinutes.Prefilled(c.Meeting.Number, pages.Headings(c, agenda), answers.Where(a => a.Attendance == Attendance.Yes).Select(a => a.MemberId)), null);
    }

    /// <summary>Who the register lists: every invited member still in the network, and who of them said yes.</summary>
    public async Task<RegisterBasis> RegisterBasisAsync(MeetingContext c, CancellationToken cancellationToken = default)
    {
        Task<IReadOnlySet<string>> invited = store.InvitedMemberIdsAsync(c.Network.Id, c.Meeting.Number, cancellationToken);
        Task<IReadOnlyList<InvitationAnswer>> answers = store.LoadInvitationAnswersAsync(c.Network.Id, c.Meeting.Number, cancellationToken);
        return new RegisterBasis(
            [.. Recipients.Invited(c.Network, await invited)],
            (await answers).Where(a => a.Attendance == Attendance.Yes).Select(a => a.MemberId).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>The register of <paramref name="minutes"/>: every invited member still in the network, with what they said and whether they came.</summary>
    public async Task<IReadOnlyList<RegisterRow>> RegisterAsync(MeetingContext c, MeetingMinutes minutes, CancellationToken cancellationToken = default) =>
        (await RegisterBasisAsync(c, cancellationToken)).With(minutes);

    /// <summary>
    /// Stores the minutes on <paramref name="ifMatch"/> (none: only if none are stored yet) and renders them with the
    /// register of <paramref name="basis"/> (read here when not given); false when another writer came first.
    /// </summary>
    public async Task<bool> WriteAsync(MeetingContext c, MeetingMinutes minutes, ETag? ifMatch, RegisterBasis? basis = null, CancellationToken cancellationToken = default)
    {
        string id = c.Network.Id;
        int n = c.Meeting.Number;
        ETag? written = ifMatch is { } etag
            ? await store.WriteMeetingJsonAsync(id, n, MeetingDocument.MinutesJson, minutes, etag, cancellationToken)
            : await store.CreateMeetingJsonAsync(id, n, MeetingDocument.MinutesJson, minutes, cancellationToken);
        if (written is null)
        {
            return false;
        }

        (string html, string text) = pages.Document(c, minutes, (basis ?? await RegisterBasisAsync(c, cancellationToken)).With(minutes));
        await store.WriteMeetingDocumentAsync(id, n, MeetingDocument.MinutesPage, html, cancellationToken);
        await store.WriteMeetingDocumentAsync(id, n, MeetingDocument.MinutesBody, TemplateRenderer.BodyOf(html), cancellationToken);
        await store.WriteMeetingDocumentAsync(id, n, MeetingDocument.MinutesText, text, cancellationToken);
        return true;
    }

    /// <summary>
    /// The stored minutes again without a member who was erased (out of the register, rendered again from the network
    /// that no longer holds them); false when the meeting has no minutes.
    /// </summary>
    public async Task<bool> RewriteWithoutAsync(MeetingContext c, string memberId, CancellationToken cancellationToken = default)
    {
        const int Attempts = 10;
        for (int attempt = 0; attempt < Attempts; attempt++)
        {
            if (await store.ReadMeetingJsonVersionAsync<MeetingMinutes>(c.Network.Id, c.Meeting.Number, MeetingDocument.MinutesJson, cancellationToken) is not var (stored, etag))
            {
                return false;
            }

            if (await WriteAsync(c, stored.Without(memberId), etag, cancellationToken: cancellationToken))
            {
                return true;
            }
        }

        throw new InvalidOperationException($"The minutes of network {c.Network.Id} meeting {c.Meeting.Number} changed {Attempts} times under an erasure.");
    }

    public Task<MeetingMinutes?> ReadAsync(string networkId, int meeting, CancellationToken cancellationToken = default) =>
        store.ReadMeetingJsonAsync<MeetingMinutes>(networkId, meeting, MeetingDocument.MinutesJson, cancellationToken);
}
