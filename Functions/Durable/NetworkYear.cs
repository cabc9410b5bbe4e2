using NetworkFunctions.Networks;

namespace NetworkFunctions.Durable;

// What the orchestrations exchange is ids and times only, never a name, an email address or an answer (SPEC section 2).

/// <summary>
/// The network orchestration's input: the network and its meeting numbers, known at kickoff (meetings are moved or
/// cancelled, never added), the patience its network-wide steps have (null for years started before it existed), and
/// the <see cref="MeetingShapes">shape</see> its meetings start with.
/// </summary>
public sealed record NetworkYear(string NetworkId, int[] Meetings, Patience? Patience = null, int MeetingShape = MeetingShapes.Original);
