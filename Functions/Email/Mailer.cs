using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NetworkFunctions.Networks;
using NetworkFunctions.Storage;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace NetworkFunctions.Email;

public enum SendOutcome
{
    /// <summary>SendGrid accepted it now.</summary>
    Sent,

    /// <summary>It had been sent before (a retried or replayed activity): nothing was sent.</summary>
    AlreadySent,

    /// <summary>SendGrid refused this message for good (<see cref="SendFailure.Refused"/>): recorded, not retried.</summary>
    Refused,
}

/// <summary>
/// Sends each email once: a sent record in Blob Storage is checked before and written after SendGrid accepts it,
/// so retried and replayed activities skip what already went out (a batch checks its records with one listing,
/// <see cref="EarlierOutcomesAsync"/>). One recipient per message, so nobody sees
/// another member's address. Throttling (429), server errors, timeouts and configuration faults (401/403) throw, for
/// the caller's patience; a refusal of the message itself (400) is recorded beside the sent records and reported to
/// the caller. What SendGrid answered last is kept in <see cref="EmailHealth"/> for the health check.
/// </summary>
public sealed class Mailer(ISendGridClient sendGrid, NetworkStore store, EmailHealth health, IOptions<EmailOptions> options, TimeProvider clock, ILogger<Mailer> logger)
{
    /// <summary>Sends the message unless it was sent before; true if it was sent now.</summary>
    public async Task<bool> SendOnceAsync(EmailMessage message, CancellationToken cancellationToken = default) =>
        await SendAsync(message, cancellationToken) == SendOutcome.Sent;

    /// <summary>Sends the message unless it was sent or refused before.</summary>
    public async Task<SendOutcome> SendAsync(EmailMessage message, CancellationToken cancellationToken = default) =>
        (await EarlierOutcomesAsync([message], cancellationToken)).TryGetValue(message.Key, out SendOutcome earlier)
            ? earlier
            : await DeliverAsync(message, cancellationToken);

    /// <summary>What became of these messages before, by key; messages with no entry have not been sent.</summary>
    public async Task<IReadOnlyDictionary<MailKey, SendOutcome>> EarlierOutcomesAsync(IReadOnlyCollection<EmailMessage> messages, CancellationToken cancellationToken = default) =>
        (await store.MailRecordsAsync([.. messages.Select(m => m.Key)], cancellationToken))
            .ToDictionary(r => r.Key, r => r.Value == MailRecord.Sent ? SendOutcome.AlreadySent : SendOutcome.Refused);

    /// <summary>
    /// Hands the message to SendGrid without looking for an earlier send (the caller did) and records the outcome:
    /// the sent record after acceptance, the failed record after a permanent refusal; anything else throws.
    /// </summary>
    public async Task<SendOutcome> DeliverAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        EmailOptions email = options.Value;
        var mail = new SendGridMessage
        {
            From = new EmailAddress(email.SenderAddress, email.SenderName),
            Subject = message.Subject,
            PlainTextContent = message.Text,
            HtmlContent = message.Html,
        };
        mail.AddTo(new EmailAddress(message.To.Email, message.To.Name));
        foreach (EmailAttachment attachment in message.Attachments)
        {
            mail.AddAttachment(
                attachment.FileName,
                Convert.ToBase64String(attachment.Content),
                attachment.ContentType,
                attachment.ContentId is null ? "attachment" : "inline",
                attachment.ContentId);
        }

        Response response;
        try
        {
            response = await sendGrid.SendEmailAsync(mail, cancellationToken);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(LogEvents.SendGridNoAnswer, "SendGrid did not answer in time for {Kind} of {NetworkId} meeting {Meeting}", message.Key.Kind, message.Key.NetworkId, message.Key.Meeting);
            throw EmailSendException.NoAnswer(TimeSpan.FromSeconds(options.Value.SendTimeoutSeconds), e);
        }
        catch (HttpRequestException e)
        {
            logger.LogWarning(LogEvents.SendGridUnreachable, "SendGrid could not be reached for {Kind} of {NetworkId} meeting {Meeting}", message.Key.Kind, message.Key.NetworkId, message.Key.Meeting);
            throw new EmailSendException(HttpStatusCode.ServiceUnavailable, e.GetType().Name, e);
        }

        if (!response.IsSuccessStatusCode)
        {
            string detail = await response.Body.ReadAsStringAsync(cancellationToken);
            var error = new EmailSendException(response.StatusCode, detail.Length > 500 ? detail[..500] : detail);
            if (error.Failure == SendFailure.Configuration)
            {
                health.ConfigurationFault((int)response.StatusCode, clock.GetUtcNow());
                logger.LogError(LogEvents.SendGridConfiguration, "SendGrid refuses the app's key or sender ({Status}): every mail waits until it accepts again", (int)response.StatusCode);
            }
            else
            {
                logger.LogWarning(LogEvents.SendGridFailed, "SendGrid answered {Status} for {Kind} of {NetworkId} meeting {Meeting}", (int)response.StatusCode, message.Key.Kind, message.Key.NetworkId, message.Key.Meeting);
            }

            if (error.Failure != SendFailure.Refused)
            {
                throw error;
            }

            await store.RecordRefusedAsync(message.Key, JsonSerializer.Serialize(new { failedAt = clock.GetUtcNow(), status = (int)response.StatusCode, detail = error.Detail }), cancellationToken);
            return SendOutcome.Refused;
        }

        health.Accepted();

        string messageId = response.Headers.TryGetValues("X-Message-Id", out IEnumerable<string>? ids) ? ids.First() : "";
        await store.RecordSentAsync(message.Key, $$"""{"sentAt":"{{clock.GetUtcNow():O}}","messageId":"{{messageId}}"}""", cancellationToken);
        return SendOutcome.Sent;
    }
}
