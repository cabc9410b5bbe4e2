using NetworkFunctions.Agenda;
using NetworkFunctions.Networks;

namespace NetworkFunctions.Tests.Unit.Agenda;

/// <summary>The theme ledger: a contribution followed through the agendas — carried over, put on an agenda, or taken off.</summary>
public sealed class ContributionLedgerTests
{
    static readonly DateTimeOffset At = new(2027, 2, 3, 9, 0, 0, TimeSpan.Zero);
    static readonly Contribution Theme = new(ContributionType.Theme, "Frivillige", "");

    static AgendaCandidate Candidate(string member = "m1", int from = 1, Contribution? contribution = null) =>
        new(member, "Navn", "Center", contribution ?? Theme, At, from);

    static MeetingAgenda Agenda(int n, AgendaItem[]? items = null, AgendaCandidate[]? notFitted = null, DroppedContribution[]? dropped = null) =>
        new(n, At, At, items ?? [], [], notFitted ?? [], Dropped: dropped);

    static LedgerEntry Of(params MeetingAgenda[] agendas) => ContributionLedger.Of(agendas, "m1", 1, Theme, i => i.GroupTitle ?? "");

    [Fact]
    public void Carried_over_twice_then_on_the_third_agenda()
    {
        LedgerEntry entry = Of(
            Agenda(3, items: [new AgendaItem(At, At, AgendaItemKind.Themes, "Frivillige", [Candidate()])]),
            Agenda(1, notFitted: [Candidate()]),
            Agenda(2, notFitted: [Candidate()]));

        Assert.Equal(new LedgerEntry(LedgerState.OnAgenda, 3, "Frivillige", CarriedTimes: 2), entry);
    }

    [Fact]
    public void Taken_off_with_the_preparers_reason()
    {
        LedgerEntry entry = Of(Agenda(1, notFitted: [Candidate()]), Agenda(2, dropped: [new DroppedContribution(Candidate(), "Tages op i ledergruppen", "consultant", At)]));

        Assert.Equal(new LedgerEntry(LedgerState.Dropped, 2, Reason: "Tages op i ledergruppen", CarriedTimes: 1), entry);
    }

    [Fact]
    public void Carried_all_year_or_not_yet_weighed()
    {
        Assert.Equal(new LedgerEntry(LedgerState.CarriedOver, CarriedTimes: 2), Of(Agenda(1, notFitted: [Candidate()]), Agenda(2, notFitted: [Candidate()])));
        Assert.Equal(new LedgerEntry(LedgerState.NotYetWeighed), Of());
    }

    [Fact]
    public void Another_members_or_meetings_or_wording_is_another_contribution()
    {
        MeetingAgenda agenda = Agenda(1, items:
        [
            new AgendaItem(At, At, AgendaItemKind.Themes, "X", [Candidate("m2"), Candidate(from: 2), Candidate(contribution: Theme with { Title = "Frivilliges" })]),
        ]);

        Assert.Equal(LedgerState.NotYetWeighed, Of(agenda).State);
    }
}
