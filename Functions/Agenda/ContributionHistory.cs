using NetworkFunctions.Forms;
using NetworkFunctions.Networks;
using NetworkFunctions.Rendering;
using NetworkFunctions.Storage;

namespace NetworkFunctions.Agenda;

/// <summary>
/// A member's earlier contributions with their place in the theme ledger (<see cref="ContributionLedger"/>): read from
/// the member's answers to the meetings before this one and those meetings' agendas, and told in the network's language.
/// </summary>
public sealed class ContributionHistory(NetworkStore store, TemplateRenderer renderer) : IContributionHistory
{
    public async Task<IReadOnlyList<ReceivedRow>> EarlierAsync(MeetingContext c, string memberId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(c);
        List<Meeting> earlier = [.. c.Network.Meetings.Where(m => !m.Cancelled && m.Start < c.Meeting.Start).OrderBy(m => m.Start)];
        if (earlier.Count == 0)
        {
            return [];
        }

        Language l = c.Language;
        InvitationAnswer?[] answers = await Task.WhenAll(earlier.Select(m => store.LoadInvitationAnswerAsync(c.Network.Id, m.Number, memberId, cancellationToken)));
        if (answers.All(a => a is null or { Contributions.Count: 0 }))
        {
            return [];
        }

        // Only the agendas up to this meeting's can hold an earlier contribution's path; later ones do not exist yet.
        MeetingAgenda?[] agendas = await Task.WhenAll(earlier.Append(c.Meeting).Select(m => store.ReadMeetingJsonAsync<MeetingAgenda>(c.Network.Id, m.Number, MeetingDocument.AgendaJson, cancellationToken)));
        List<MeetingAgenda> known = [.. agendas.OfType<MeetingAgenda>()];
        return [.. answers.OfType<InvitationAnswer>().SelectMany(answer => answer.Contributions.Select(contribution =>
        {
            LedgerEntry entry = ContributionLedger.Of(known, memberId, answer.Meeting, contribution, item => ContributionLedger.BlockHeading(renderer, l, item));
            return new ReceivedRow(
                T(l, "agenda_ledger_row", ("n", answer.Meeting), ("title", contribution.Title)),
                ContributionLedger.Describe(renderer, l, entry));
        }))];
    }

    string T(Language language, string key, params (string Name, object Value)[] values) =>
        renderer.Text(language, key, values.ToDictionary(v => v.Name, v => Convert.ToString(v.Value, Formats.Culture(language))!));
}
