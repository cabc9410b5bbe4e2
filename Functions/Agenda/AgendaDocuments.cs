using Azure;
using NetworkFunctions.Networks;
using NetworkFunctions.Rendering;
using NetworkFunctions.Storage;

namespace NetworkFunctions.Agenda;

/// <summary>
/// A meeting's agenda in Blob Storage: assembled from the stored answers and what the previous meeting carried over,
/// stored as a page, an email body, text, JSON and its own carry-over, and read back.
/// </summary>
public sealed class AgendaDocuments(NetworkStore store, TemplateRenderer renderer)
{
    /// <summary>Assembles the meeting's agenda from the answers of current members who were invited, and stores it; returns how many contributions it weighed.</summary>
    public async Task<int> AssembleAsync(MeetingContext c, CancellationToken cancellationToken = default)
    {
        string id = c.Network.Id;
        int n = c.Meeting.Number;
        IReadOnlyList<InvitationAnswer> answers = await store.LoadInvitationAnswersAsync(id, n, cancellationToken);
        IReadOnlySet<string> invited = await store.InvitedMemberIdsAsync(id, n, cancellationToken);

        var candidates = new List<AgendaCandidate>();
        foreach (InvitationAnswer answer in answers.OrderBy(a => a.MemberId, StringComparer.Ordinal))
        {
            if (c.Network.FindMember(answer.MemberId) is { } member)
            {
                candidates.AddRange(answer.Contributions.Select(x => new AgendaCandidate(member.Id, member.Name, member.Department, x, answer.SubmittedAt, n)));
            }
        }

        candidates.AddRange((await CarriedOverAsync(c, cancellationToken)).Where(x => c.Network.FindMember(x.MemberId) is not null));
        var byMember = answers.ToDictionary(a => a.MemberId, a => (Attendance?)a.Attendance, StringComparer.Ordinal);
        var attendance = Recipients.Invited(c.Network, invited)
            .Select(m => new AttendanceEntry(m.Department, byMember.GetValueOrDefault(m.Id)))
            .ToList();

        MeetingAgenda agenda = AgendaAssembler.Assemble(new AgendaInput(n, c.Meeting.Start, c.Meeting.End, n == 1, candidates, attendance));
        if (TriedRound.Of(answers.Where(a => c.Network.FindMember(a.MemberId) is not null), renderer, c.Language) is { } round)
        {
            // The round opens the meeting, within the check-in's time box.
            agenda = agenda with { Items = [.. agenda.Items.Select(i => i.Kind == AgendaItemKind.CheckIn ? i with { Description = round } : i)] };
        }

        await WriteAsync(c, agenda, cancellationToken: cancellationToken);
        return candidates.Count;
    }

    /// <summary>
    /// Stores an agenda: its JSON first (only if it is still at <paramref name="ifMatch"/>, when given), then the page,
    /// the email body, the text and the carry-over rendered from it. Should another writer store a newer JSON
    /// meanwhile, the rendered documents are made again from theirs, so they always match the JSON that stands.
    /// False when <paramref name="ifMatch"/> no longer matched (nothing written).
    /// </summary>
    public async Task<bool> WriteAsync(MeetingContext c, MeetingAgenda agenda, ETag? ifMatch = null, CancellationToken cancellationToken = default)
    {
        string id = c.Network.Id;
        int n = c.Meeting.Number;
        if (await store.WriteMeetingJsonAsync(id, n, MeetingDocument.AgendaJson, agenda, ifMatch, cancellationToken) is not { } written)
        {
            return false;
        }

        for (int rendered = 0; rendered < RenderAttempts; rendered++)
        {
            await WriteRenderedAsync(c, agenda, cancellationToken);
            if (await store.ReadMeetingJsonVersionAsync<MeetingAgenda>(id, n, MeetingDocument.AgendaJson, cancellationToken) is not { } standing || standing.ETag == written)
            {
                break;
            }

            (agenda, written) = standing;
        }

        return true;
    }

    /// <summary>
    /// Changes the stored agenda where it stands: read it with its ETag, change it, write it on that ETag; if another
    /// writer came between, the change is made again on their version. False when the meeting has no agenda.
    /// </summary>
    public async Task<bool> RewriteAsync(MeetingContext c, Func<MeetingAgenda, MeetingAgenda> change, CancellationToken cancellationToken = default)
    {
        const int Attempts = 10;
        for (int attempt = 0; attempt < Attempts; attempt++)
        {
            if (await store.ReadMeetingJsonVersionAsync<MeetingAgenda>(c.Network.Id, c.Meeting.Number, MeetingDocument.AgendaJson, cancellationToken) is not var (stored, etag))
            {
                return false;
            }

            if (await WriteAsync(c, change(stored), etag, cancellationToken))
            {
                return true;
            }
        }

        throw new InvalidOperationException($"The agenda of network {c.Network.Id} meeting {c.Meeting.Number} changed {Attempts} times under a rewrite.");
    }

    /// <summary>How often the rendered documents are made again for a JSON that keeps changing under them.</summary>
    const int RenderAttempts = 5;

    async Task WriteRenderedAsync(MeetingContext c, MeetingAgenda agenda, CancellationToken cancellationToken)
    {
        var view = new AgendaContext(c.Network.Name, c.Network.Organisation, c.Meeting.Title, c.Meeting.Location, c.Language, c.Zone);
        (string html, string text) = AgendaPage.Render(renderer, agenda, view);
        string id = c.Network.Id;
        int n = c.Meeting.Number;
        await store.WriteMeetingDocumentAsync(id, n, MeetingDocument.AgendaPage, html, cancellationToken);
        await store.WriteMeetingDocumentAsync(id, n, MeetingDocument.AgendaBody, TemplateRenderer.BodyOf(html), cancellationToken);
        await store.WriteMeetingDocumentAsync(id, n, MeetingDocument.AgendaText, text, cancellationToken);
        await store.WriteMeetingJsonAsync(id, n, MeetingDocument.CarryOver, agenda.NotFitted, ifMatch: null, cancellationToken);
    }

    public Task<MeetingAgenda?> ReadAsync(string networkId, int meeting, CancellationToken cancellationToken = default) =>
        store.ReadMeetingJsonAsync<MeetingAgenda>(networkId, meeting, MeetingDocument.AgendaJson, cancellationToken);

    /// <summary>What the nearest earlier meeting with an agenda could not fit; before the year's first agenda, what last year carried over.</summary>
    async Task<IReadOnlyList<AgendaCandidate>> CarriedOverAsync(MeetingContext c, CancellationToken cancellationToken)
    {
        for (int earlier = c.Meeting.Number - 1; earlier >= 1; earlier--)
        {
            if (await store.ReadMeetingJsonAsync<List<AgendaCandidate>>(c.Network.Id, earlier, MeetingDocument.CarryOver, cancellationToken) is { } carried)
            {
                return carried;
            }
        }

        return LastYearCandidates.Of(c.Network);
    }

    /// <summary>The agenda without the member's contributions; a block titled by them alone keeps its time but not their title.</summary>
    public static MeetingAgenda Without(MeetingAgenda agenda, string memberId) => agenda with
    {
        Items = agenda.Items.Select(item =>
        {
            var kept = item.Contributions.Where(x => x.MemberId != memberId).ToList();
            bool titleKept = item.GroupTitle is null || kept.Any(x => string.Equals(x.Contribution.Title, item.GroupTitle, StringComparison.OrdinalIgnoreCase));
            return item with { Contributions = kept, GroupTitle = titleKept ? item.GroupTitle : kept.FirstOrDefault()?.Contribution.Title };
        }).ToList(),
        NotFitted = agenda.NotFitted.Where(x => x.MemberId != memberId).ToList(),
        Dropped = agenda.Dropped?.Where(x => x.Candidate.MemberId != memberId).ToList(),
    };
}
