using NetworkFunctions.Networks;

namespace NetworkFunctions.Email;

/// <summary>
/// Sends a batch of one step's emails and tells the internal consultant (the one who gets the support calls) about
/// any SendGrid refused for good: who did not get what. The notice itself is sent once per batch.
/// </summary>
public sealed class Delivery(Mailer mailer, EmailComposer composer)
{
    public async Task<int> SendAsync(Network network, IEnumerable<EmailMessage> messages, string noticeRecordPath, CancellationToken cancellationToken = default)
    {
        int sent = 0;
        var refused = new List<EmailMessage>();
        foreach (EmailMessage message in messages)
        {
            switch (await mailer.SendAsync(message, cancellationToken))
            {
                case SendOutcome.Sent:
                    sent++;
                    break;
                case SendOutcome.Refused:
                    refused.Add(message);
                    break;
            }
        }

        if (refused.Count > 0)
        {
            Language language = network.Language;
            var view = new MessageView(
                composer.Text(language, "delivery_subject", ("network", network.Name)),
                network.Name,
                network.Organisation,
                composer.Text(language, "greeting", ("name", network.Consultant.Name)),
                [composer.Text(language, "delivery_intro")],
                refused.Select(m => new DetailRow($"{m.To.Name} <{m.To.Email}>", m.Subject)).ToList(),
                null,
                [composer.Text(language, "delivery_action")]);
            await mailer.SendAsync(composer.Compose(network.Consultant, view, language, noticeRecordPath), cancellationToken);
        }

        return sent;
    }
}
