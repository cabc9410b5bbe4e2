namespace NetworkFunctions.Networks;

/// <summary>
/// Which email one message is: of a network's meeting (<see cref="MailKinds.NetworkWide"/> for network-wide mail),
/// of a kind (<see cref="MailKinds"/>), to a recipient (a member id or one of the role keys), at a meeting revision.
/// Each key is sent at most once.
/// </summary>
public sealed record MailKey(string NetworkId, int Meeting, string Kind, string Recipient, int Revision)
{
    /// <summary>The consultant's notice that SendGrid refused some mails of one step (one per step and revision).</summary>
    public static MailKey DeliveryNotice(string networkId, int meeting, string kind, int revision) =>
        new(networkId, meeting, MailKinds.DeliveryFailure(kind), MailKinds.Consultant, revision);
}
