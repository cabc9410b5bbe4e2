using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NetworkFunctions.Networks;
using NetworkFunctions.Storage;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace NetworkFunctions.Email;

/// <summary>A send SendGrid refused or could not take; retried by the caller's durable retry policy.</summary>
public sealed class EmailSendException : Exception
{
    public EmailSendException(HttpStatusCode status, string detail)
        : base($"SendGrid answered {(int)status}: {detail}") => Status = status;

    EmailSendException(TimeSpan timeout, Exception inner)
        : base($"SendGrid did not answer within {timeout.TotalSeconds:0} s.", inner) => Status = HttpStatusCode.RequestTimeout;

    /// <summary>SendGrid did not answer in time: whether it took the mail is unknown, and a retry is the only way on.</summary>
    public static EmailSendException NoAnswer(TimeSpan timeout, Exception inner) => new(timeout, inner);

    public HttpStatusCode Status { get; }

    /// <summary>4xx other than 408 (no answer) and 429 (throttled): retrying will not help.</summary>
    public bool IsPermanent => (int)Status is >= 400 and < 500 and not 408 and not 429;
}

public enum SendOutcome
{
    /// <summary>SendGrid accepted it now.</summary>
    Sent,

    /// <summary>It had been sent before (a retried or replayed activity): nothing was sent.</summary>
    AlreadySent,

    /// <summary>SendGrid refused it for good (4xx other than 429): recorded, not retried.</summary>
    Refused,
}

/// <summary>
/// Sends each email once: a sent record in Blob Storage is checked before and written after SendGrid accepts it,
/// so retried and replayed activities skip what already went out (a batch checks its records with one listing,
/// <see cref="EarlierOutcomesAsync"/>). One recipient per message, so nobody sees
/// another member's address. Throttling (429), server errors and timeouts throw, for the durable retry policy;
/// a permanent refusal is recorded beside the sent records (<c>…/failed/…</c>) and reported to the caller.
/// </summary>
public sealed class Mailer(ISendGridClient sendGrid, NetworkStore store, IOptions<EmailOptions> options, TimeProvider clock, ILogger<Mailer> logger)
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
            logger.LogWarning("SendGrid did not answer in time for {Record}", message.Key);
            throw EmailSendException.NoAnswer(TimeSpan.FromSeconds(options.Value.SendTimeoutSeconds), e);
        }

        if (!response.IsSuccessStatusCode)
        {
            string detail = await response.Body.ReadAsStringAsync(cancellationToken);
            var error = new EmailSendException(response.StatusCode, detail.Length > 500 ? detail[..500] : detail);
            logger.LogWarning("SendGrid answered {Status} for {Record}", (int)response.StatusCode, message.Key);
            if (!error.IsPermanent)
            {
                throw error;
            }

            await store.RecordRefusedAsync(message.Key, JsonSerializer.Serialize(new { failedAt = clock.GetUtcNow(), status = (int)response.StatusCode, detail = error.Message }), cancellationToken);
            return SendOutcome.Refused;
        }

        string messageId = response.Headers.TryGetValues("X-Message-Id", out IEnumerable<string>? ids) ? ids.First() : "";
        await store.RecordSentAsync(message.Key, $$"""{"sentAt":"{{clock.GetUtcNow():O}}","messageId":"{{messageId}}"}""", cancellationToken);
        logger.LogDebug("Sent {Record}", message.Key);
        return SendOutcome.Sent;
    }
}
