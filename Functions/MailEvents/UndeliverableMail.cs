using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using NetworkFunctions.Email;
using NetworkFunctions.Networks;
using NetworkFunctions.Storage;

namespace NetworkFunctions.MailEvents;

/// <summary>
/// What is done when SendGrid reports that a recipient does not get our mail: the internal consultant is told once
/// per address (who, and which mail), and the network's attention lists it (ids only) until the address is corrected.
/// Both are idempotent, so SendGrid may post the same event again.
/// </summary>
public sealed class UndeliverableMail(NetworkStore store, Mailer mailer, EmailComposer composer, TimeProvider clock, ILogger<UndeliverableMail> logger)
{
    public async Task RecordAsync(UndeliveredMail mail, CancellationToken cancellationToken)
    {
        if (await store.LoadNetworkAsync(mail.NetworkId, cancellationToken) is not var (network, _)
            || Recipients.ByKey(network, mail.Recipient) is not { } person)
        {
            // A network purged, a member erased: nothing to correct any more.
            logger.LogInformation("SendGrid reported {Event} for a recipient no longer in network {NetworkId}", mail.Event, mail.NetworkId);
            return;
        }

        // Told once per address: a corrected address that fails too is a new notice.
        var notice = new MailKey(network.Id, MailKinds.NetworkWide, $"undeliverable-{mail.Recipient}", MailKinds.Consultant, AddressRevision(person.Email));
        await mailer.SendAsync(composer.ConsultantNotice(network, "undeliverable",
            [new DetailRow($"{person.Name} <{person.Email}>", composer.Text(network.Language, $"undeliverable_{mail.Event}"))], notice), cancellationToken);

        bool raised = await store.RaiseAttentionAsync(network.Id, new Attention(AttentionKinds.MailUndeliverable, clock.GetUtcNow(),
            $"SendGrid reported {mail.Event} for {mail.Kind} to {mail.Recipient}: correct the address (PATCH /api/networks/{network.Id}/members/{{memberId}} for a member).",
            null, mail.Recipient), cancellationToken);
        if (raised)
        {
            logger.LogWarning(LogEvents.MailUndeliverable, "SendGrid reported {Event} for {Kind} of network {NetworkId} meeting {Meeting} to {Recipient}", mail.Event, mail.Kind, mail.NetworkId, mail.Meeting, mail.Recipient);
        }
    }

    /// <summary>A number for the address, so each address the recipient had gets its own notice; not the address itself.</summary>
    static int AddressRevision(string email) =>
        BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant())), 0) & int.MaxValue;
}
