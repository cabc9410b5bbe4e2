using NetworkFunctions.Agenda;
using NetworkFunctions.Networks;

namespace NetworkFunctions.Overview;

// The theme ledger on the dashboard: every contribution of the year and where it went, folded away under the overview.
public sealed partial class DashboardBuilder
{
    /// <summary>Each current member's contributions (their latest answer to each meeting), by meeting, with their path through the agendas.</summary>
    List<LedgerRow> LedgerRows(DashboardInput input)
    {
        Network network = input.Network;
        Language l = network.Language;
        List<MeetingAgenda> agendas = [.. input.Meetings.Select(s => s.Agenda).OfType<MeetingAgenda>()];
        var rows = new List<LedgerRow>();
        foreach (Meeting meeting in network.Meetings.Where(m => !m.Cancelled).OrderBy(m => m.Start))
        {
            IEnumerable<InvitationAnswer> latest = (input.Meetings.FirstOrDefault(s => s.Number == meeting.Number)?.Answers ?? [])
                .LatestPerMember(meeting.Number)
                .OrderBy(a => a.SubmittedAt);
            foreach (InvitationAnswer answer in latest)
            {
                if (network.FindMember(answer.MemberId) is not { } member)
                {
                    continue;
                }

                rows.AddRange(answer.Contributions.Select(c => new LedgerRow(
                    Text(l, "dashboard_meeting", ("n", Count(meeting.Number, l))),
                    $"{Text(l, "dashboard_ledger_type_" + c.Type.ToString().ToLowerInvariant())}: {c.Title}",
                    $"{member.Name}, {member.Department}",
                    ContributionLedger.Describe(renderer, l, ContributionLedger.Of(agendas, member.Id, meeting.Number, c, item => ContributionLedger.BlockHeading(renderer, l, item))))));
            }
        }

        return rows;
    }
}
