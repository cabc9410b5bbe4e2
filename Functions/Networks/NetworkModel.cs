namespace NetworkFunctions.Networks;

/// <summary>The language of a network's emails, forms, agendas and reports.</summary>
public enum Language
{
    Da,
    En,
}

public sealed record Person(string Name, string Email);

public sealed record Facilitator(string Name, string Email, string? Organisation)
{
    /// <summary>The facilitator as an addressee.</summary>
    public Person AsPerson => new(Name, Email);
}

/// <summary>A network member. <see cref="Id"/> is opaque: the only way orchestrations and tokens refer to a person.</summary>
public sealed record Member(string Id, string Name, string Email, string Department, DateTimeOffset JoinedAt);

/// <summary>One half-day meeting. <see cref="Revision"/> rises with every change (the .ics SEQUENCE).</summary>
public sealed record Meeting(
    int Number,
    DateTimeOffset Start,
    DateTimeOffset End,
    string Location,
    string? Title,
    int Revision = 0,
    bool Cancelled = false);

/// <summary>
/// A member's contribution that last year's agendas carried over to the end (the year-end report's "what waited all
/// year"), brought into this year as a candidate for its first agenda. <see cref="MemberId"/> is this year's member.
/// </summary>
public sealed record CarriedOverContribution(string MemberId, Contribution Contribution);

/// <summary>
/// One network-year as the system keeps it in Blob Storage: the kickoff document, normalised, plus the changes made
/// during the year (members joining or leaving, meetings moved or cancelled).
/// </summary>
public sealed record Network(
    string Id,
    string Name,
    string Organisation,
    Language Language,
    string TimeZone,
    Person Director,
    Facilitator Facilitator,
    Person Consultant,
    IReadOnlyList<string> Departments,
    IReadOnlyList<Member> Members,
    IReadOnlyList<Meeting> Meetings,
    ScheduleSettings Schedule,
    DateTimeOffset KickedOffAt)
{
    /// <summary>The kickoff document's <c>carriedOver</c>: last year's waiting contributions, candidates for the first agenda.</summary>
    public IReadOnlyList<CarriedOverContribution> CarriedOver { get; init; } = [];

    public Meeting? FindMeeting(int number) => Meetings.FirstOrDefault(m => m.Number == number);

    public Member? FindMember(string id) => Members.FirstOrDefault(m => m.Id == id);

    public Member? FindMemberByEmail(string email) =>
        Members.FirstOrDefault(m => string.Equals(m.Email, email, StringComparison.OrdinalIgnoreCase));

    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    /// <summary>Departments from the organisation's list that no member comes from, in the list's order.</summary>
    public IReadOnlyList<string> MissingDepartments =>
        Departments.Where(d => !Members.Any(m => string.Equals(m.Department, d, StringComparison.OrdinalIgnoreCase))).ToList();

    /// <summary>The end of the year's last meeting that is not cancelled (or of the last meeting).</summary>
    public DateTimeOffset EndsAt =>
        (Meetings.Where(m => !m.Cancelled).DefaultIfEmpty(Meetings[^1]).Max(m => m!.End));
}
