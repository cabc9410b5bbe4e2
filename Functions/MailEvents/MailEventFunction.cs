using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NetworkFunctions.Email;
using NetworkFunctions.Http;
using NetworkFunctions.Networks;

namespace NetworkFunctions.MailEvents;

/// <summary>
/// <c>POST /api/sendgrid/events</c>: SendGrid's signed event webhook. Anonymous (SendGrid cannot send a function key);
/// a body whose signature does not verify with <see cref="EmailOptions.EventWebhookPublicKey"/> gets 401 and changes
/// nothing. Bounces, drops and spam reports of our mails are recorded (<see cref="UndeliverableMail"/>); every other
/// event is acknowledged and left. A replayed body records nothing new.
/// </summary>
public sealed class MailEventFunction(UndeliverableMail undeliverable, IOptions<EmailOptions> options, ILogger<MailEventFunction> logger)
{
    const int MaxBytes = 4 * 1024 * 1024;

    [Function(nameof(ReceiveMailEvents))]
    public async Task<IResult> ReceiveMailEvents(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "sendgrid/events")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        if (options.Value.EventWebhookPublicKey is not { Length: > 0 } publicKey)
        {
            return Problems.NotFound("The mail event webhook");
        }

        RequestBodies.Read<string> body = await RequestBodies.ReadJsonTextAsync(request, MaxBytes, cancellationToken);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        if (!MailEventSignatures.Verify(publicKey, body.Value!, request.Headers[MailEventSignatures.SignatureHeader], request.Headers[MailEventSignatures.TimestampHeader]))
        {
            logger.LogWarning(LogEvents.MailEventRefused, "A mail event POST was refused: its signature does not verify");
            return Problems.Status(StatusCodes.Status401Unauthorized, "The signature does not verify.", $"Sign the timestamp and body as SendGrid's signed event webhook does ({MailEventSignatures.SignatureHeader}, {MailEventSignatures.TimestampHeader}).");
        }

        RequestBodies.Read<JsonDocument> parsed = RequestBodies.ParseJson(body.Value!);
        if (parsed.Problem is not null)
        {
            return parsed.Problem;
        }

        using JsonDocument events = parsed.Value!;
        if (MailEventBatch.Read(events.RootElement) is not { } undelivered)
        {
            return Problems.Status(StatusCodes.Status400BadRequest, "Send SendGrid's events: a JSON array of event objects.");
        }

        try
        {
            // One record per recipient of a network, the first event standing for the rest.
            foreach (UndeliveredMail mail in undelivered.DistinctBy(m => (m.NetworkId, m.Recipient)))
            {
                await undeliverable.RecordAsync(mail, cancellationToken);
            }
        }
        catch (Exception e) when (e is Azure.RequestFailedException or EmailSendException or HttpRequestException)
        {
            // SendGrid posts the batch again later; what was recorded is not recorded twice.
            logger.LogWarning(LogEvents.StorageUnavailable, "Mail events could not be recorded now ({Error}): SendGrid will post them again", e.GetType().Name);
            return Problems.Unavailable("The events could not be recorded now.", "Post them again later.", 60);
        }

        return Results.Ok();
    }
}
