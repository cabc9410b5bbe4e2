using System.Text.Json;
using NetworkFunctions.Networks;
using NetworkFunctions.Rendering;

namespace NetworkFunctions.Agenda;

/// <summary>Where a contribution stands: not yet weighed, given a block, taken off by the preparers, or carried over.</summary>
public enum LedgerState
{
    NotYetWeighed,
    OnAgenda,
    Dropped,
    CarriedOver,
}

/// <summary>
/// One contribution's path through the year's agendas: <see cref="Meeting"/> is the agenda that gave it a block or took
/// it off (with the preparers' <see cref="Reason"/>); <see cref="CarriedTimes"/> how often an agenda carried it over.
/// </summary>
public sealed record LedgerEntry(LedgerState State, int? Meeting = null, string? Block = null, string? Reason = null, int CarriedTimes = 0);

/// <summary>
/// The theme ledger: follows a contribution (by member, the meeting it was submitted for, and its content) through the
/// agendas from that meeting on — the first that gives it a block or takes it off decides; until then every agenda
/// that carries it over counts. Pure.
/// </summary>
public static class ContributionLedger
{
    public static LedgerEntry Of(IEnumerable<MeetingAgenda> agendas, string memberId, int from, Contribution contribution, Func<AgendaItem, string> block)
    {
        ArgumentNullException.ThrowIfNull(agendas);
        ArgumentNullException.ThrowIfNull(block);
        bool Same(AgendaCandidate c) => c.MemberId == memberId && c.FromMeeting == from && c.Contribution == contribution;
        int carried = 0;
        foreach (MeetingAgenda agenda in agendas.Where(a => a.MeetingNumber >= from).OrderBy(a => a.MeetingNumber))
        {
            if (agenda.Items.FirstOrDefault(i => i.Contributions.Any(Same)) is { } item)
            {
                return new LedgerEntry(LedgerState.OnAgenda, agenda.MeetingNumber, block(item), CarriedTimes: carried);
            }

            if (agenda.Dropped?.FirstOrDefault(d => Same(d.Candidate)) is { } dropped)
            {
                return new LedgerEntry(LedgerState.Dropped, agenda.MeetingNumber, Reason: dropped.Reason, CarriedTimes: carried);
            }

            carried += agenda.NotFitted.Any(Same) ? 1 : 0;
        }

        return carried > 0 ? new LedgerEntry(LedgerState.CarriedOver, CarriedTimes: carried) : new LedgerEntry(LedgerState.NotYetWeighed);
    }

    /// <summary>A block as its heading reads: "Tema: Frivillige", "Sparring på case: Borgermøde".</summary>
    public static string BlockHeading(TemplateRenderer renderer, Language language, AgendaItem item)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        ArgumentNullException.ThrowIfNull(item);
        return renderer.Text(language, "agenda_kind_" + JsonNamingPolicy.CamelCase.ConvertName(item.Kind.ToString()))
            + (string.IsNullOrWhiteSpace(item.GroupTitle) ? "" : ": " + item.GroupTitle.Trim());
    }

    /// <summary>Where a contribution stands, as the member's form and the dashboard say it: "på dagsordenen til møde 2 under …".</summary>
    public static string Describe(TemplateRenderer renderer, Language language, LedgerEntry entry)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        ArgumentNullException.ThrowIfNull(entry);
        string Count(int value) => value.ToString("N0", Formats.Culture(language));
        string Text(string key, params (string Name, string Value)[] values) =>
            renderer.Text(language, key, values.ToDictionary(v => v.Name, v => v.Value));
        return entry.State switch
        {
            LedgerState.OnAgenda => Text("agenda_ledger_on_agenda", ("n", Count(entry.Meeting!.Value)), ("block", entry.Block!)),
            LedgerState.Dropped => Text("agenda_ledger_dropped", ("n", Count(entry.Meeting!.Value)), ("reason", entry.Reason!)),
            LedgerState.CarriedOver => Text("agenda_ledger_carried", ("count", Count(entry.CarriedTimes))),
            _ => Text("agenda_ledger_not_yet"),
        };
    }
}
