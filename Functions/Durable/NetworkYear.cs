namespace NetworkFunctions.Durable;

// What the orchestrations exchange is ids and times only, never a name, an email address or an answer (SPEC section 2).

/// <summary>The network orchestration's input: the network and its meeting numbers, known at kickoff (meetings are moved or cancelled, never added).</summary>
public sealed record NetworkYear(string NetworkId, int[] Meetings);
