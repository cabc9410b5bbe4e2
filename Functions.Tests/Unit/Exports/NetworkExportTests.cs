using NetworkFunctions.Agenda;
using NetworkFunctions.Exports;
using NetworkFunctions.Minutes;
using NetworkFunctions.Networks;
using NetworkFunctions.Rendering;
using NetworkFunctions.Reports;
using static NetworkFunctions.Tests.Unit.Reports.ReportData;

namespace NetworkFunctions.Tests.Unit.Exports;

/// <summary>The export's tables: members, attendance said and came, contributions with their path, and anonymous survey figures.</summary>
public sealed class NetworkExportTests
{
    static readonly NetworkExport Export = new(new TemplateRenderer());

    static readonly HashSet<string> Everyone = new(["m1", "m2", "m3", "m4", "m5"], StringComparer.Ordinal);

    static AgendaCandidate Candidate(InvitationAnswer answer, int index = 0) =>
        new(answer.MemberId, "Navn " + answer.MemberId, Teknik, answer.Contributions[index], answer.SubmittedAt, answer.Meeting);

    static ExportSheet Sheet(YearReportInput input, string key) => Export.Build(input).Single(s => s.Key == key);

    static YearReportInput Year(
        IReadOnlyList<InvitationAnswer>? invitations = null,
        IReadOnlyList<SurveyAnswer>? surveys = null,
        Dictionary<int, MeetingMinutes>? minutes = null,
        Dictionary<int, MeetingAgenda>? agendas = null,
        Language language = Language.Da) =>
        new(Slagelse(language: language), invitations ?? [], surveys ?? [],
            new Dictionary<int, IReadOnlySet<string>> { [1] = Everyone, [2] = Everyone, [3] = new HashSet<string>(), [4] = new HashSet<string>() },
            Minutes: minutes, Agendas: agendas);

    [Fact]
    public void Has_four_tables_with_danish_names_and_columns_for_a_danish_network()
    {
        IReadOnlyList<ExportSheet> sheets = Export.Build(Year());

        Assert.Equal(["Medlemmer", "Fremmøde", "Bidrag", "Evaluering", "Tilsagn"], sheets.Select(s => s.Name));
        Assert.Equal(["Navn", "E-mail", "Center", "Med siden"], sheets[0].Columns);
        Assert.Equal(["Navn m1", "m1@example.dk", Teknik, "2027-01-04 09:00"], sheets[0].Rows[0]);
        Assert.Equal(["Members", "Attendance", "Contributions", "Survey", "Commitments"], Export.Build(Year(language: Language.En)).Select(s => s.Name));
    }

    [Fact]
    public void Attendance_has_each_invited_member_with_the_reply_and_who_came_by_the_minutes_sent()
    {
        var sent = MeetingMinutes.Prefilled(1, ["Møde 1"], ["m2", "m3"]) with { SentAt = At(1), SentBy = "facilitator" };
        var unsent = MeetingMinutes.Prefilled(2, ["Møde 2"], ["m1"]);
        YearReportInput input = Year([Rsvp("m1", 1, Attendance.Yes), Rsvp("m2", 1, Attendance.Maybe), Rsvp("m1", 2, Attendance.No)],
            minutes: new() { [1] = sent, [2] = unsent });

        ExportSheet attendance = Sheet(input, "attendance");

        Assert.Equal(["Møde", "Dato", "Navn", "Center", "Inviteret", "Tilmelding", "Kom"], attendance.Columns);
        Assert.Equal(10, attendance.Rows.Count);
        Assert.Equal([1, "2027-02-03 09:00", "Navn m1", Teknik, "ja", "ja", "nej"], attendance.Rows[0]);
        Assert.Equal(["måske", "ja"], attendance.Rows[1].Skip(5));
        Assert.Equal(["ikke svaret", "ja"], attendance.Rows[2].Skip(5));
        Assert.Equal(["nej", "intet referat sendt"], attendance.Rows[5].Skip(5));
    }

    [Fact]
    public void Each_contribution_shows_where_it_went_through_the_agendas()
    {
        InvitationAnswer anne = Rsvp("m1", 1, Attendance.Yes, ContributionType.Theme, ContributionType.Case, ContributionType.Challenge);
        InvitationAnswer bo = Rsvp("m3", 1, Attendance.Yes, ContributionType.Experience) with
        {
            Contributions = [new Contribution(ContributionType.Experience, "=HYPERLINK(\"x\")", "beskrivelse")],
        };
        var first = new MeetingAgenda(1, At(1), At(1),
            [new AgendaItem(At(1), At(1), AgendaItemKind.Themes, "Frivillige", [Candidate(anne)])],
            [], [Candidate(anne, 1), Candidate(anne, 2)],
            Dropped: [new DroppedContribution(Candidate(bo), "Tages op i ledergruppen", "facilitator", At(1))]);
        var second = first with
        {
            MeetingNumber = 2,
            Items = [new AgendaItem(At(2), At(2), AgendaItemKind.CaseSparring, "Bidrag 2", [Candidate(anne, 1)])],
            NotFitted = [Candidate(anne, 2)],
            Dropped = [],
        };

        ExportSheet contributions = Sheet(Year([anne, bo], agendas: new() { [1] = first, [2] = second }), "contributions");

        Assert.Equal(["Møde", "Navn", "Center", "Type", "Titel", "Beskrivelse", "Sendt", "Forløb"], contributions.Columns);
        Assert.Equal(
        [
            "På dagsordenen til møde 1: Tema: Frivillige",
            "På dagsordenen til møde 2: Sparring på case: Bidrag 2",
            "Båret videre 2 gang(e), endnu ikke på en dagsorden",
            "Taget af dagsordenen til møde 1: Tages op i ledergruppen",
        ], contributions.Rows.Select(r => r[7]));
        Assert.Equal(["Tema", "Case", "Udfordring", "Erfaring"], contributions.Rows.Select(r => r[3]));
        Assert.Null(Sheet(Year([anne]), "contributions").Rows[0][7]);
    }

    [Fact]
    public void Survey_averages_are_shown_only_from_three_answers_so_nobody_is_told_apart()
    {
        YearReportInput input = Year(surveys:
        [
            Survey("m1", 1, 5, 4, 3), Survey("m2", 1, 4, 4, 4), Survey("m3", 1, 4, 3, 2),
            Survey("m1", 2, 5, 5, 5), Survey("m2", 2, 1, 1, 1),
        ]);

        ExportSheet surveys = Sheet(input, "surveys");

        Assert.Equal([1, "2027-02-03 09:00", 3, 5, 4.3, 3.7, 3.0, null], surveys.Rows[0]);
        Assert.Equal([2, 5], surveys.Rows[1].Skip(2).Take(2));
        Assert.Equal([null, null, null], surveys.Rows[1].Skip(4).Take(3));
        Assert.StartsWith("færre end 3 svar", (string)surveys.Rows[1][7]!, StringComparison.Ordinal);
        Assert.Equal([0, null], surveys.Rows[2].Skip(2).Take(1).Concat(surveys.Rows[2].Skip(7)));
    }

    [Fact]
    public void Commitments_are_listed_without_names_by_meeting_then_alphabetically()
    {
        InvitationAnswer FollowedUp(string member, int meeting, string commitment, Tried? tried, string note) =>
            Rsvp(member, meeting, Attendance.Yes) with { FollowUp = new CommitmentFollowUp(commitment, tried, note) };
        YearReportInput input = Year([FollowedUp("m1", 3, "Ringe rundt", Tried.Yes, "Godt"), FollowedUp("m2", 2, "Åbne døren", null, ""), FollowedUp("m3", 2, "Borgerpanel", Tried.Partly, "Halvvejs")]);

        ExportSheet commitments = Sheet(input, "commitments");

        Assert.Equal(["Møde", "Ville prøve", "Prøvet", "Hvordan gik det"], commitments.Columns);
        Assert.Equal(
            [[2, "Borgerpanel", "delvist", "Halvvejs"], [2, "Åbne døren", null, null], [3, "Ringe rundt", "ja", "Godt"]],
            commitments.Rows);
        Assert.DoesNotContain(commitments.Rows.SelectMany(r => r), c => c is string s && s.StartsWith("Navn", StringComparison.Ordinal));
    }

    [Fact]
    public void A_cancelled_meeting_has_no_attendance_and_says_so_in_the_survey_table()
    {
        var input = Year() with { Network = Slagelse(meetings: FourMeetings(cancelled: 2)) };

        Assert.DoesNotContain(Sheet(input, "attendance").Rows, r => (int)r[0]! == 2);
        Assert.Equal("aflyst", Sheet(input, "surveys").Rows[1][7]);
    }
}
