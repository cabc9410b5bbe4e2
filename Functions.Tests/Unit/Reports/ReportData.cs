using NetworkFunctions.Networks;
using NetworkFunctions.Reports;

namespace NetworkFunctions.Tests.Unit.Reports;

/// <summary>A small network-year to compute reports from: three departments, five members, four meetings.</summary>
internal static class ReportData
{
    public const string Teknik = "Center for Teknik & Miljø";
    public const string Boern = "Center for Børn & Unge";
    public const string Kultur = "Center for Kultur & Fritid";

    public static readonly DateTimeOffset KickedOff = new(2027, 1, 4, 9, 0, 0, TimeSpan.FromHours(1));

    public static Network Slagelse(IReadOnlyList<Member>? members = null, IReadOnlyList<Meeting>? meetings = null, Language language = Language.Da) =>
        new(
            "slagelse-samskabelse-2027",
            "Læringsnetværk for samskabelse",
            "Slagelse Kommune",
            language,
            "Europe/Copenhagen",
            new Person("Lone Direktør", "direktor@example.dk"),
            new Facilitator("Anne Facilitator", "anne@example.dk", "Center for Borgerdialog"),
            new Person("Sanne Konsulent", "sanne@example.dk"),
            [Teknik, Boern, Kultur],
            members ?? FiveMembers(),
            meetings ?? FourMeetings(),
            ScheduleSettings.Default,
            KickedOff);

    public static IReadOnlyList<Member> FiveMembers() =>
    [
        Joined("m1", Teknik),
        Joined("m2", Teknik),
        Joined("m3", Boern),
        Joined("m4", Boern),
        Joined("m5", Kultur),
    ];

    public static Member Joined(string id, string department, DateTimeOffset? joinedAt = null) =>
        new(id, "Navn " + id, id + "@example.dk", department, joinedAt ?? KickedOff);

    public static IReadOnlyList<Meeting> FourMeetings(params int[] cancelled) =>
        Enumerable.Range(1, 4)
            .Select(n => new Meeting(
                n,
                new DateTimeOffset(2027, 2 * n, 3, 9, 0, 0, TimeSpan.FromHours(1)),
                new DateTimeOffset(2027, 2 * n, 3, 12, 30, 0, TimeSpan.FromHours(1)),
                "Rådhuset, mødelokale 1",
                n == 1 ? "Samskabelse i landdistrikterne" : null,
                Cancelled: cancelled.Contains(n)))
            .ToList();

    public static DateTimeOffset At(int meeting, int minute = 0) =>
        new DateTimeOffset(2027, 2 * meeting, 1, 8, 0, 0, TimeSpan.FromHours(1)).AddMinutes(minute);

    public static InvitationAnswer Rsvp(string member, int meeting, Attendance attendance, params ContributionType[] contributions) =>
        new(
            member,
            meeting,
            attendance,
            contributions.Select((t, i) => new Contribution(t, $"Bidrag {i + 1}", "")).ToList(),
            At(meeting));

    public static SurveyAnswer Survey(
        string member,
        int meeting,
        int usefulness,
        int relations,
        int courage,
        string worked = "",
        string improve = "",
        string nextThemes = "",
        int minute = 0) =>
        new(member, meeting, usefulness, relations, courage, worked, improve, nextThemes, At(meeting, minute).AddDays(10));

    public static YearReport Report(
        IReadOnlyList<InvitationAnswer>? invitations = null,
        IReadOnlyList<SurveyAnswer>? surveys = null,
        Network? network = null) =>
        YearReport.From(new YearReportInput(network ?? Slagelse(), invitations ?? [], surveys ?? []));

    /// <summary>A full year: everyone answers, relations and courage grow, meeting 3 cancelled.</summary>
    public static YearReport FullYear(string worked = "Casesparring med kolleger fra andre centre")
    {
        var invitations = new List<InvitationAnswer>();
        var surveys = new List<SurveyAnswer>();
        foreach (int meeting in new[] { 1, 2, 4 })
        {
            invitations.Add(Rsvp("m1", meeting, Attendance.Yes, ContributionType.Case));
            invitations.Add(Rsvp("m2", meeting, Attendance.Yes, ContributionType.Theme, ContributionType.Challenge));
            invitations.Add(Rsvp("m3", meeting, Attendance.Yes, ContributionType.Experience));
            invitations.Add(Rsvp("m4", meeting, meeting == 1 ? Attendance.No : Attendance.Maybe));
            surveys.Add(Survey("m1", meeting, 4, meeting + 1, meeting, worked, "Mere tid", "Borgerinddragelse"));
            surveys.Add(Survey("m2", meeting, 5, meeting + 1, meeting + 1, "Trygt rum til at dele frustrationer"));
            surveys.Add(Survey("m3", meeting, 3, meeting, meeting, nextThemes: "Samskabelses-ambassadører over for chefer"));
        }

        return Report(invitations, surveys, Slagelse(meetings: FourMeetings(cancelled: 3)));
    }
}
