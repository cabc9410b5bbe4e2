using NetworkFunctions.Networks;

namespace NetworkFunctions.Durable;

/// <summary>
/// The input of the orchestration that mails a meeting's sent minutes (revision <see cref="Revision"/>) to every invited
/// member and the director, waiting out faults until <see cref="Until"/>.
/// </summary>
public sealed record MinutesDelivery(string NetworkId, int Number, int Revision, DateTimeOffset Until, Patience Patience)
{
    public string InstanceId => InstanceIds.Minutes(NetworkId, Number);
}
