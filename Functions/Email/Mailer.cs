using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NetworkFunctions.Networks;
using NetworkFunctions.Storage;
using NetworkFunctions.Telemetry;
using NetworkFunctions.Validation;
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
    /// <summary>The custom argument that carries each email's intent id to SendGrid and back through its activity feed.</summary>
    public const string IntentArgument = "nf_mail";

    /// <summary>
    /// The custom arguments that say which mail it was (ids only), so SendGrid's events about it (a bounce, a drop)
    /// can be matched to the network and the recipient without reading the address.
    /// </summary>
    public const string NetworkArgument = "nf_network";
    public const string MeetingArgument = "nf_meeting";
    public const string KindArgument = "nf_kind";
    public const string RecipientArgument = "nf_recipient";

    /// <summary>Sends the message unless it was sent before; true if it was sent now.</summary>
    public async Task<bool> SendOnceAsync(EmailMessage message, CancellationToken cancellationToken = default) =>
        await SendAsync(message, cancellationToken) == SendOutcome.Sent;

    /// <summary>Sends the message unless it was sent or refused before.</summary>
    public async Task<SendOutcome> SendAsync(EmailMessage message, CancellationToken cancellationToken = default) =>
        (await EarlierRecordsAsync([message], cancellationToken)).TryGetValue(message.Key, out MailRecord earlier)
            ? await AfterAsync(message, earlier, cancellationToken)
            : await DeliverAsync(message, cancellationToken);

    /// <summary>What was recorded of these messages before, by key; messages with no entry were never handed to SendGrid.</summary>
    public Task<IReadOnlyDictionary<MailKey, MailRecord>> EarlierRecordsAsync(IReadOnlyCollection<EmailMessage> messages, CancellationToken cancellationToken = default) =>
        store.MailRecordsAsync([.. messages.Select(m => m.Key)], cancellationToken);

    /// <summary>
    /// A message with an earlier record: sent or refused stays so; one that was handed over with no answer kept (a
    /// timeout, a 5xx, a crash) is looked up in SendGrid's activity feed by its intent id and sent only if SendGrid
    /// never took it.
    /// </summary>
    public async Task<SendOutcome> AfterAsync(EmailMessage message, MailRecord earlier, CancellationToken cancellationToken = default) => earlier switch
    {
        MailRecord.Sent => SendOutcome.AlreadySent,
        MailRecord.Refused => SendOutcome.Refused,
        _ => await ResolveUncertainAsync(message, cancellationToken),
    };

    /// <summary>The intent id of an email: a hash of its key, carried in <see cref="IntentArgument"/>.</summary>
    public static string IntentId(MailKey key) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(
            $"{key.NetworkId}|{key.Meeting}|{key.Kind}|{key.Recipient}|{key.Revision}")))[..32];

    async Task<SendOutcome> ResolveUncertainAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        switch (await AcceptedBeforeAsync(message, cancellationToken))
        {
            case true:
                await RecordSentAsync(message, "", cancellationToken);
                logger.LogInformation("An earlier try of {Kind} for {NetworkId} meeting {Meeting} had reached SendGrid: not sent again", message.Key.Kind, message.Key.NetworkId, message.Key.Meeting);
                return SendOutcome.AlreadySent;
            case false:
                ThrowIfKeyUnresolved();
                return await HandOverAsync(message, cancellationToken);
            default:
                // The feed may not show it yet: wait, rather than risk a second copy.
                throw new EmailSendException(HttpStatusCode.ServiceUnavailable, "Waiting for SendGrid's activity feed to show whether an earlier try went.");
        }
    }

    /// <summary>
    /// Whether SendGrid's activity feed shows the message: true, false, or null while that cannot be known yet (the
    /// feed lags <see cref="EmailOptions.ActivitySettleSeconds"/> behind, or did not answer). Without access to the feed
    /// (no Email Activity add-on: 401/403/404), false: the mail goes again, at least once rather than never.
    /// </summary>
    async Task<bool?> AcceptedBeforeAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        string query = JsonSerializer.Serialize(new { query = $"unique_args['{IntentArgument}']=\"{IntentId(message.Key)}\"", limit = 1 });
        Response response;
        try
        {
            response = await sendGrid.RequestAsync(BaseClient.Method.GET, urlPath: "messages", queryParams: query, cancellationToken: cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException || e is OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }

        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
        {
            logger.LogWarning(LogEvents.SendGridFailed, "SendGrid's activity feed is not available ({Status}): an uncertain send goes again", (int)response.StatusCode);
            return false;
        }

        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        using JsonDocument feed = JsonDocument.Parse(await response.Body.ReadAsStringAsync(cancellationToken));
        if (feed.RootElement.TryGetProperty("messages", out JsonElement messages) && messages.GetArrayLength() > 0)
        {
            return true;
        }

        DateTimeOffset? intended = await store.LoadIntentAsync(message.Key, cancellationToken);
        return intended is { } at && clock.GetUtcNow() - at < TimeSpan.FromSeconds(options.Value.ActivitySettleSeconds) ? null : false;
    }

    /// <summary>The sent record, with a few tries of its own: SendGrid took the mail, and losing that fact would send it twice.</summary>
    async Task RecordSentAsync(EmailMessage message, string messageId, CancellationToken cancellationToken)
    {
        string record = JsonSerializer.Serialize(new { sentAt = clock.GetUtcNow(), messageId });
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                await store.RecordSentAsync(message.Key, record, cancellationToken);
                return;
            }
            catch (Exception e) when (attempt < 3 && e is Azure.RequestFailedException or HttpRequestException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500 * attempt), clock, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Sends a message the caller found no earlier record of. It is claimed first with its intent record, written only
    /// if there is none: when there is one after all, another run of the same step (an activity's message delivered
    /// twice, after its visibility ran out) claimed it in between, and that run's outcome decides, as after a crash.
    /// </summary>
    public async Task<SendOutcome> DeliverAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        ThrowIfKeyUnresolved();
        return await store.RecordIntentAsync(message.Key, clock.GetUtcNow(), cancellationToken)
            ? await HandOverAsync(message, cancellationToken)
            : await ResolveUncertainAsync(message, cancellationToken);
    }

    /// <summary>Never hands SendGrid a Key Vault reference's text as a key: the mail waits like it does for a revoked key, and the operator's alert (3101) fires once.</summary>
    void ThrowIfKeyUnresolved()
    {
        if (KeyVaultReferences.IsUnresolved(options.Value.SendGridApiKey))
        {
            if (health.ConfigurationFault(401, clock.GetUtcNow()))
            {
                logger.LogError(LogEvents.SendGridConfiguration, "Email:SendGridApiKey is an unresolved Key Vault reference: every mail waits until it can be read");
            }

            throw EmailSendException.KeyUnavailable("Email:SendGridApiKey");
        }
    }

    /// <summary>
    /// Hands the claimed message to SendGrid and records the outcome: the sent record after acceptance, the failed
    /// record after a permanent refusal; anything else throws. The intent id travels in the message's custom arguments.
    /// </summary>
    async Task<SendOutcome> HandOverAsync(EmailMessage message, CancellationToken cancellationToken)
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
        mail.AddCustomArg(IntentArgument, IntentId(message.Key));
        mail.AddCustomArg(NetworkArgument, message.Key.NetworkId);
        mail.AddCustomArg(MeetingArgument, message.Key.Meeting.ToString(System.Globalization.CultureInfo.InvariantCulture));
        mail.AddCustomArg(KindArgument, message.Key.Kind);
        mail.AddCustomArg(RecipientArgument, message.Key.Recipient);
        foreach (EmailAttachment attachment in message.Attachments)
        {
            mail.AddAttachment(
                attachment.FileName,
                Convert.ToBase64String(attachment.Content),
                attachment.ContentType,
                attachment.ContentId is null ? "attachment" : "inline",
                attachment.ContentId);
        }

        using Activity? span = NetworkTelemetry.Source.StartActivity(NetworkTelemetry.SendMailSpan, ActivityKind.Client);
        span?.SetTag(NetworkTelemetry.Tags.NetworkId, message.Key.NetworkId);
        span?.SetTag(NetworkTelemetry.Tags.Meeting, message.Key.Meeting);
        span?.SetTag(NetworkTelemetry.Tags.MailKind, NetworkTelemetry.KindOf(message.Key.Kind));
        Response response;
        try
        {
            response = await sendGrid.SendEmailAsync(mail, cancellationToken);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            Outcome(span, message, "no-answer", ActivityStatusCode.Error);
            logger.LogWarning(LogEvents.SendGridNoAnswer, "SendGrid did not answer in time for {Kind} of {NetworkId} meeting {Meeting}", message.Key.Kind, message.Key.NetworkId, message.Key.Meeting);
            throw EmailSendException.NoAnswer(TimeSpan.FromSeconds(options.Value.SendTimeoutSeconds), e);
        }
        catch (HttpRequestException e)
        {
            Outcome(span, message, "unreachable", ActivityStatusCode.Error);
            logger.LogWarning(LogEvents.SendGridUnreachable, "SendGrid could not be reached for {Kind} of {NetworkId} meeting {Meeting}", message.Key.Kind, message.Key.NetworkId, message.Key.Meeting);
            throw new EmailSendException(HttpStatusCode.ServiceUnavailable, e.GetType().Name, e);
        }

        if (!response.IsSuccessStatusCode)
        {
            string detail = await response.Body.ReadAsStringAsync(cancellationToken);
            var error = new EmailSendException(response.StatusCode, detail.Length > 500 ? detail[..500] : detail);
            Outcome(span, message, error.Failure switch
            {
                SendFailure.Refused => "refused",
                SendFailure.Configuration => "configuration",
                _ => "transient",
            }, ActivityStatusCode.Error);
            if (error.Failure == SendFailure.Configuration)
            {
                // Said once per fault at Error (the alert's event), and then quietly for every mail that waits.
                if (health.ConfigurationFault((int)response.StatusCode, clock.GetUtcNow()))
                {
                    logger.LogError(LogEvents.SendGridConfiguration, "SendGrid refuses the app's key or sender ({Status}): every mail waits until it accepts again", (int)response.StatusCode);
                }
                else
                {
                    logger.LogDebug(LogEvents.SendGridConfiguration, "SendGrid still refuses the app's key or sender ({Status})", (int)response.StatusCode);
                }
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
        Outcome(span, message, "sent", ActivityStatusCode.Ok);

        string messageId = response.Headers.TryGetValues("X-Message-Id", out IEnumerable<string>? ids) ? ids.First() : "";
        await RecordSentAsync(message, messageId, cancellationToken);
        return SendOutcome.Sent;
    }

    /// <summary>What came of one call: on its span (status and outcome) and in <see cref="NetworkTelemetry.MailsSent"/>.</summary>
    static void Outcome(Activity? span, EmailMessage message, string outcome, ActivityStatusCode status)
    {
        span?.SetTag(NetworkTelemetry.Tags.Outcome, outcome);
        span?.SetStatus(status);
        NetworkTelemetry.Mail(message.Key.Kind, outcome);
    }
}
