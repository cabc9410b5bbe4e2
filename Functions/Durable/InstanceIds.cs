namespace NetworkFunctions.Durable;

/// <summary>The orchestration instance ids of a network-year: the network id itself, and one per meeting.</summary>
public static class InstanceIds
{
    public static string Network(string networkId) => networkId;

    public static string Meeting(string networkId, int number) => $"{networkId}:meeting:{number}";

    /// <summary>The orchestration that invites a member who joined during the year to the meetings still open.</summary>
    public static string Joined(string networkId, string memberId) => $"{networkId}:joined:{memberId}";

    /// <summary>The orchestration that mails a meeting's members the agenda the preparers changed after the final agenda.</summary>
    public static string AgendaUpdate(string networkId, int number) => $"{networkId}:meeting:{number}:agenda-update";

    /// <summary>The orchestration that mails a meeting's minutes to its members and the director.</summary>
    public static string Minutes(string networkId, int number) => $"{networkId}:meeting:{number}:minutes";

    /// <summary>Every instance of a network: its meetings with their agenda updates and minutes, then the network-year.</summary>
    public static IEnumerable<string> All(string networkId, IEnumerable<int> meetings) =>
        meetings.SelectMany(n => new[] { Meeting(networkId, n), AgendaUpdate(networkId, n), Minutes(networkId, n) }).Append(Network(networkId));
}
