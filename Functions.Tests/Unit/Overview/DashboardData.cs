using NetworkFunctions.Agenda;
using NetworkFunctions.Cycle;
using NetworkFunctions.Durable;
using NetworkFunctions.Networks;
using NetworkFunctions.Overview;
using static NetworkFunctions.Tests.Support.DomainFixtures;

namespace NetworkFunctions.Tests.Unit.Overview;

/// <summary>
/// A network of four members from three of four departments (Økonomi is missing) and three meetings, seen on
/// 20 January 2027: meeting 1 collects answers (Navn a says yes with two contributions, Navn b says no, Navn c and
/// Navn d have not answered), meetings 2 and 3 have not sent their invitations yet.
/// </summary>
internal static class DashboardData
{
    public static readonly DateTimeOffset Seen = At("2027-01-20T10:00:00+01:00");

    public static Network Year(Language language = Language.Da, IReadOnlyList<Member>? members = null, IReadOnlyList<Meeting>? meetings = null) =>
        Support.DomainFixtures.Network(members ?? [Member("a", Teknik), Member("b", Born), Member("c", Sundhed), Member("d", Teknik)], meetings)
            with { Language = language };

    public static InvitationAnswer Answer(string memberId, int meeting, Attendance attendance, int contributions = 0) =>
        new(memberId, meeting, attendance,
            Enumerable.Range(1, contributions).Select(i => new Contribution(ContributionType.Theme, $"Tema {i}", "")).ToList(),
            Seen.AddDays(-1));

    public static MeetingSnapshot Snapshot(
        int number,
        string? phase = null,
        bool completed = false,
        string[]? invited = null,
        InvitationAnswer[]? answers = null,
        bool agenda = false,
        bool summary = false,
        int surveys = 0,
        DateTimeOffset? next = null) =>
        new(number, phase, completed, next, (invited ?? []).ToHashSet(StringComparer.Ordinal), answers ?? [], summary, surveys,
            Agenda: agenda ? Agenda(number) : null);

    /// <summary>An empty agenda of a meeting, approved by the facilitator when <paramref name="approved"/>.</summary>
    public static MeetingAgenda Agenda(int number, bool approved = false) =>
        new(number, Seen, Seen, [], [], [], Approved: approved ? new AgendaApproval("facilitator", Seen, 0) : null);

    public static DashboardInput Input(Network? network = null, IReadOnlyList<MeetingSnapshot>? meetings = null, bool report = false, string? key = null) =>
        new(
            network ?? Year(),
            Seen,
            "Running",
            meetings ??
            [
                Snapshot(1, MeetingSteps.Collecting, invited: ["a", "b", "c", "d"],
                    answers: [Answer("a", 1, Attendance.Yes, 2), Answer("b", 1, Attendance.No)], next: At("2027-01-24T09:00:00+01:00")),
                Snapshot(2),
                Snapshot(3),
            ],
            report,
            key);
}
