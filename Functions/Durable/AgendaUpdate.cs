using NetworkFunctions.Networks;

namespace NetworkFunctions.Durable;

/// <summary>
/// The input of the orchestration that tells a meeting's members of an agenda the preparers changed after the final
/// agenda went out: from <see cref="SendAt"/> (a moment after the save, so quick successive saves make one mail), the
/// newest revision, to every invited member, once per revision, until the meeting starts at <see cref="Until"/>.
/// </summary>
public sealed record AgendaUpdate(string NetworkId, int Number, DateTimeOffset SendAt, DateTimeOffset Until, Patience Patience)
{
    /// <summary>One instance per meeting, started again for a later save once the earlier one has finished.</summary>
    public string InstanceId => InstanceIds.AgendaUpdate(NetworkId, Number);
}
