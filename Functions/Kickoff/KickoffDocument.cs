using System.Text.Json;
using System.Text.Json.Serialization;
using NetworkFunctions.Networks;

namespace NetworkFunctions.Kickoff;

/// <summary>
/// A kickoff document (SPEC section 4) as the API writes one, field for field what <see cref="KickoffParser"/> reads,
/// with the records of its parts below. <see cref="Of"/> writes a network back as the document that would start it;
/// absent optional fields (<see cref="NetworkId"/>, a meeting's title, the facilitator's organisation,
/// <see cref="CarriedOver"/>) are left out of the JSON.
/// </summary>
public sealed record KickoffDocument(
    string? NetworkId,
    string Name,
    string Organisation,
    string Language,
    string TimeZone,
    KickoffPerson Director,
    KickoffFacilitator Facilitator,
    KickoffPerson Consultant,
    IReadOnlyList<string> Departments,
    IReadOnlyList<KickoffMember> Members,
    IReadOnlyList<KickoffMeeting> Meetings,
    ScheduleSettings Schedule,
    IReadOnlyList<KickoffCarriedOver>? CarriedOver = null)
{
    /// <summary>camelCase, nulls left out, durations as ISO 8601 (<see cref="IsoDuration"/>'s converter).</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The document that would start <paramref name="network"/> as it stands: its current members, all its meetings, its carried-over contributions.</summary>
    public static KickoffDocument Of(Network network)
    {
        ArgumentNullException.ThrowIfNull(network);
        return new KickoffDocument(
            network.Id,
            network.Name,
            network.Organisation,
            network.Language == Networks.Language.En ? "en" : "da",
            network.TimeZone,
            new KickoffPerson(network.Director.Name, network.Director.Email),
            new KickoffFacilitator(network.Facilitator.Name, network.Facilitator.Email, network.Facilitator.Organisation),
            new KickoffPerson(network.Consultant.Name, network.Consultant.Email),
            network.Departments,
            [.. network.Members.Select(m => new KickoffMember(m.Name, m.Email, m.Department))],
            [.. network.Meetings.OrderBy(m => m.Start).Select(m => new KickoffMeeting(m.Start, m.End, m.Location, m.Title))],
            network.Schedule,
            network.CarriedOver.Count == 0 ? null : CarriedOverOf(network, network.CarriedOver));
    }

    /// <summary>Contributions by members of <paramref name="network"/> as the <c>carriedOver</c> field; one by someone no longer a member is left out.</summary>
    public static IReadOnlyList<KickoffCarriedOver> CarriedOverOf(Network network, IEnumerable<CarriedOverContribution> contributions)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(contributions);
        return [.. contributions
            .Select(c => (Member: network.FindMember(c.MemberId), c.Contribution))
            .Where(c => c.Member is not null)
            .Select(c => new KickoffCarriedOver(c.Member!.Email, TypeName(c.Contribution.Type), c.Contribution.Title, c.Contribution.Description))];
    }

    /// <summary>The document's name of a contribution type, as the invitation form's: theme, case, experience, challenge.</summary>
    public static string TypeName(ContributionType type) => JsonNamingPolicy.CamelCase.ConvertName(type.ToString());
}

public sealed record KickoffPerson(string Name, string Email);

public sealed record KickoffFacilitator(string Name, string Email, string? Organisation);

public sealed record KickoffMember(string Name, string Email, string Department);

/// <summary>A meeting; <see cref="Start"/> and <see cref="End"/> are written with their offset (ISO 8601), as the parser requires.</summary>
public sealed record KickoffMeeting(DateTimeOffset Start, DateTimeOffset End, string Location, string? Title);

/// <summary>A contribution carried over from last year: by the member with <see cref="MemberEmail"/>, a candidate for the first agenda.</summary>
public sealed record KickoffCarriedOver(string MemberEmail, string Type, string Title, string Description);
