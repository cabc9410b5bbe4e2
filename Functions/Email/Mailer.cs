using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NetworkFunctions.Hosting;
using NetworkFunctions.Storage;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace NetworkFunctions.Email;

/// <summary>A send SendGrid refused or could not take; retried by the caller's durable retry policy.</summary>
public sealed class EmailSendException(HttpStatusCode status, string detail)
    : Exception($"SendGrid answered {(int)status}: {detail}")
{
    public HttpStatusCode Status { get; } = status;

    /// <summary>4xx other than 429: retrying will not help.</summary>
    public bool IsPermanent => (int)Status is >= 400 and < 500 and not 429;
}

/// <summary>
/// Sends each email once: a sent record in Blob Storage is checked before and written after SendGrid accepts it,
/// so retried and replayed activities skip what already went out. One recipient per message, so nobody sees
/// another member's address.
/// </summary>
public sealed class Mailer(ISendGridClient sendGrid, NetworkStore store, IOptions<EmailOptions> options, TimeProvider clock, ILogger<Mailer> logger)
{
    /// <summary>Sends the message unless it was sent before; true if it was sent now.</summary>
    public async Task<bool> SendOnceAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        if (await store.ExistsAsync(message.SentRecordPath, cancellationToken))
        {
            return false;
        }

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

        Response response = await sendGrid.SendEmailAsync(mail, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            string detail = await response.Body.ReadAsStringAsync(cancellationToken);
            logger.LogWarning("SendGrid refused {Record} with {Status}", message.SentRecordPath, (int)response.StatusCode);
            throw new EmailSendException(response.StatusCode, detail.Length > 500 ? detail[..500] : detail);
        }

        string messageId = response.Headers.TryGetValues("X-Message-Id", out IEnumerable<string>? ids) ? ids.First() : "";
        await store.CreateOnceAsync(message.SentRecordPath, $$"""{"sentAt":"{{clock.GetUtcNow():O}}","messageId":"{{messageId}}"}""", cancellationToken);
        logger.LogDebug("Sent {Record}", message.SentRecordPath);
        return true;
    }
}
