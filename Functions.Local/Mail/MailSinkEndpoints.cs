using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using static NetworkFunctions.Local.Mail.SendGridMessages;

namespace NetworkFunctions.Local.Mail;

/// <summary>The handlers behind <see cref="MailSinkExtensions.MapLocalMailSink"/>.</summary>
internal static class MailSinkEndpoints
{
    /// <summary>Bodies up to this size are read to the end (so the client gets our 413); Kestrel refuses larger ones.</summary>
    private const long DrainLimit = 2L * SendGridPayloadValidator.MaxPayloadBytes;

    /// <summary><c>POST /dev/sendgrid/v3/mail/send</c>: answers as SendGrid would; keeps one entry per recipient.</summary>
    public static async Task<IResult> SendAsync(
        HttpContext context,
        [FromServices] MailFaultSwitch faults,
        [FromServices] Mailbox mailbox,
        [FromServices] BouncingMail bouncing,
        [FromServices] TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (!HasBearerToken(context.Request))
        {
            return Error(StatusCodes.Status401Unauthorized, Unauthorized);
        }

        MailFault? fault = faults.TryTrip();
        if (fault is { Accept: false })
        {
            return await FailAsync(context, fault, time, cancellationToken);
        }

        if (!context.Request.HasJsonContentType())
        {
            return Error(StatusCodes.Status415UnsupportedMediaType, UnsupportedMediaType);
        }

        var body = await ReadBodyAsync(context, cancellationToken);
        if (body is null)
        {
            return Error(StatusCodes.Status413PayloadTooLarge, PayloadTooLarge);
        }

        var validation = SendGridPayloadValidator.Validate(body);
        if (!validation.IsValid)
        {
            return Results.Json(new SendGridErrorBody(validation.Errors), MailJson.Web, statusCode: validation.StatusCode);
        }

        var messageId = Base64Url.EncodeToString(Guid.NewGuid().ToByteArray());
        context.Response.Headers["X-Message-Id"] = messageId;
        if (!validation.IsSandbox)
        {
            var entries = MailboxEntryBuilder.Build(validation.Payload!, messageId, time.GetUtcNow());
            await mailbox.AddAsync(entries, cancellationToken);
            if (bouncing.Marked.Count > 0)
            {
                var webhook = new Uri($"{context.Request.Scheme}://{context.Request.Host}/api/sendgrid/events");
                _ = ReportQuietlyAsync(bouncing, webhook, entries, time.GetUtcNow());
            }
        }

        // Accepted, and then the answer is lost: the client sees a hang or an error for a mail that went.
        return fault is not null
            ? await FailAsync(context, fault, time, cancellationToken)
            : Results.StatusCode(validation.StatusCode);
    }

    /// <summary>
    /// <c>GET /dev/sendgrid/v3/messages?query=…&amp;limit=…</c>: SendGrid's Email Activity feed, for the queries the app
    /// makes — <c>unique_args['name']="value"</c> (custom_args) and <c>msg_id="…"</c> — over what the sink accepted.
    /// </summary>
    public static async Task<IResult> ActivityAsync(HttpContext context, [FromServices] Mailbox mailbox, CancellationToken cancellationToken)
    {
        if (!HasBearerToken(context.Request))
        {
            return Error(StatusCodes.Status401Unauthorized, Unauthorized);
        }

        string query = context.Request.Query["query"].ToString();
        int limit = int.TryParse(context.Request.Query["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out var l) && l is > 0 and <= 1000 ? l : 10;
        Func<MailboxEntry, bool>? match = ActivityQuery.Parse(query);
        if (match is null)
        {
            return Error(StatusCodes.Status400BadRequest, "invalid query");
        }

        var found = (await mailbox.ListAsync(null, cancellationToken)).Where(match).Take(limit)
            .Select(e => new ActivityMessage(e.From, e.MessageId, e.Subject ?? "", e.To.FirstOrDefault() ?? "", "delivered", 0, 0, e.ReceivedAt))
            .ToList();
        return Results.Json(new ActivityFeed(found), MailJson.SnakeCase);
    }

    /// <summary>The events of a taken mail, after the send was answered; a failure to post them is the app's to see (no event).</summary>
    private static async Task ReportQuietlyAsync(BouncingMail bouncing, Uri webhook, IReadOnlyList<MailboxEntry> entries, DateTimeOffset now)
    {
        try
        {
            await bouncing.ReportAsync(webhook, entries, now);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            // SendGrid would post again later; the sink posts once.
        }
    }

    /// <summary>The request's JSON body as <typeparamref name="T"/>; null when it is not JSON of that shape.</summary>
    private static async Task<T?> ReadJsonOrNullAsync<T>(HttpContext context, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(context.Request.Body, MailJson.Web, cancellationToken);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary><c>POST /dev/sendgrid/bounces</c>: mail to the address is taken and then reported as bounced (or <c>event</c>).</summary>
    public static async Task<IResult> MarkBouncingAsync(HttpContext context, [FromServices] BouncingMail bouncing, CancellationToken cancellationToken)
    {
        BounceRequest? request = await ReadJsonOrNullAsync<BounceRequest>(context, cancellationToken);

        string kind = request?.Event ?? "bounce";
        if (request is null || string.IsNullOrWhiteSpace(request.Address) || !request.Address.Contains('@', StringComparison.Ordinal) || !BouncingMail.Events.Contains(kind))
        {
            return Error(StatusCodes.Status400BadRequest, "Send {\"address\": \"…\", \"event\": \"bounce\" | \"dropped\" | \"spamreport\"}.");
        }

        bouncing.Mark(request.Address, kind);
        return Results.Json(bouncing.Marked, MailJson.Web);
    }

    /// <summary><c>GET /dev/sendgrid/bounces</c>.</summary>
    public static IResult ShowBouncing([FromServices] BouncingMail bouncing) => Results.Json(bouncing.Marked, MailJson.Web);

    /// <summary><c>DELETE /dev/sendgrid/bounces</c>: no address bounces any more.</summary>
    public static IResult ClearBouncing([FromServices] BouncingMail bouncing)
    {
        bouncing.Clear();
        return Results.NoContent();
    }

    /// <summary><c>POST /dev/sendgrid/faults</c>.</summary>
    public static async Task<IResult> ArmFaultAsync(HttpContext context, [FromServices] MailFaultSwitch faults, CancellationToken cancellationToken)
    {
        MailFaultRequest? request = await ReadJsonOrNullAsync<MailFaultRequest>(context, cancellationToken);

        if (request is null)
        {
            return Error(StatusCodes.Status400BadRequest, BadRequest);
        }

        var errors = new List<SendGridError>();
        if (request.Status is < 400 or > 599)
        {
            errors.Add(new("status must be an HTTP error status from 400 to 599.", "status"));
        }

        if (request.Count < 0)
        {
            errors.Add(new("count must be 0 (fail until cleared) or more.", "count"));
        }

        if (request.RetryAfterSeconds < 0)
        {
            errors.Add(new("retryAfterSeconds must be 0 or more.", "retryAfterSeconds"));
        }

        if (request.HangSeconds is < 0 or > 600)
        {
            errors.Add(new("hangSeconds must be from 0 to 600.", "hangSeconds"));
        }

        if (errors.Count > 0)
        {
            return Results.Json(new SendGridErrorBody(errors), MailJson.Web, statusCode: StatusCodes.Status400BadRequest);
        }

        faults.Arm(new MailFault(request.Status, request.RetryAfterSeconds, request.HangSeconds, request.Accept == true), request.Count ?? 0);
        return Results.Json(faults.State(), MailJson.Web);
    }

    /// <summary><c>GET /dev/sendgrid/faults</c>.</summary>
    public static IResult ShowFault([FromServices] MailFaultSwitch faults) => Results.Json(faults.State(), MailJson.Web);

    /// <summary><c>DELETE /dev/sendgrid/faults</c>.</summary>
    public static IResult ClearFault([FromServices] MailFaultSwitch faults)
    {
        faults.Clear();
        return Results.NoContent();
    }

    /// <summary><c>GET /dev/mailbox/messages[?to=]</c>: every entry, oldest first.</summary>
    public static async Task<IResult> ListAsync([FromQuery] string? to, [FromServices] Mailbox mailbox, CancellationToken cancellationToken) =>
        Results.Json(await mailbox.ListAsync(to, cancellationToken), MailJson.Web);

    /// <summary><c>DELETE /dev/mailbox/messages</c>.</summary>
    public static async Task<IResult> ClearAsync([FromServices] Mailbox mailbox, CancellationToken cancellationToken)
    {
        await mailbox.ClearAsync(cancellationToken);
        return Results.NoContent();
    }

    /// <summary><c>GET /dev/mailbox[?to=]</c>: the HTML page.</summary>
    public static async Task<IResult> PageAsync(
        HttpContext context, [FromQuery] string? to, [FromServices] Mailbox mailbox, CancellationToken cancellationToken)
    {
        var entries = await mailbox.ListAsync(to, cancellationToken);
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = MailboxPage.ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "no-store";

        // The page lists working form links: opening one must not tell the form which page it came from.
        headers["Referrer-Policy"] = "no-referrer";
        return Results.Content(MailboxPage.Render(entries, to), "text/html; charset=utf-8");
    }

    /// <summary><c>GET /dev/mailbox/messages/{id}/attachments/{index}</c>: the attachment's bytes, as a download.</summary>
    public static async Task<IResult> AttachmentAsync(
        HttpContext context, string id, int index, [FromServices] Mailbox mailbox, CancellationToken cancellationToken)
    {
        var entry = await mailbox.FindAsync(id, cancellationToken);
        if (entry is null || index < 0 || index >= entry.Attachments.Count)
        {
            return Results.NotFound();
        }

        var attachment = entry.Attachments[index];
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(attachment.Content);
        }
        catch (FormatException)
        {
            return Results.NotFound();
        }

        var contentType = Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(attachment.Type, out _)
            ? attachment.Type
            : MailboxEntryBuilder.DefaultAttachmentType;
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers.ContentSecurityPolicy = "sandbox";
        return Results.File(bytes, contentType, attachment.Filename);
    }

    private static bool HasBearerToken(HttpRequest request) =>
        AuthenticationHeaderValue.TryParse(request.Headers.Authorization.ToString(), out var authorization)
        && authorization.Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase)
        && !string.IsNullOrWhiteSpace(authorization.Parameter);

    private static async Task<IResult> FailAsync(HttpContext context, MailFault fault, TimeProvider time, CancellationToken cancellationToken)
    {
        if (fault.HangSeconds is > 0 and var hang)
        {
            await Task.Delay(TimeSpan.FromSeconds(hang), time, cancellationToken);
        }

        return Fail(context, fault, time);
    }

    private static IResult Fail(HttpContext context, MailFault fault, TimeProvider time)
    {
        var headers = context.Response.Headers;
        var retryAfter = fault.RetryAfterSeconds ?? (fault.Status == StatusCodes.Status429TooManyRequests ? 1 : null);
        if (retryAfter is { } seconds)
        {
            headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        if (fault.Status != StatusCodes.Status429TooManyRequests)
        {
            var reason = ReasonPhrases.GetReasonPhrase(fault.Status);
            return Error(fault.Status, reason.Length > 0 ? reason : "Error");
        }

        headers["X-RateLimit-Limit"] = "600";
        headers["X-RateLimit-Remaining"] = "0";
        headers["X-RateLimit-Reset"] = time.GetUtcNow().AddSeconds(retryAfter ?? 1).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return Error(fault.Status, TooManyRequests);
    }

    private static IResult Error(int status, string message) =>
        Results.Json(SendGridErrorBody.Of(message), MailJson.Web, statusCode: status);

    /// <summary>The whole body, or null when it is over SendGrid's 30 MB limit (read to the end either way).</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpContext context, CancellationToken cancellationToken)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeLimit)
        {
            sizeLimit.MaxRequestBodySize = DrainLimit;
        }

        if (context.Request.ContentLength > DrainLimit)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            var tooLarge = false;
            int read;
            while ((read = await context.Request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                tooLarge |= buffer.Length + read > SendGridPayloadValidator.MaxPayloadBytes;
                if (!tooLarge)
                {
                    buffer.Write(chunk, 0, read);
                }
            }

            return tooLarge ? null : buffer.ToArray();
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }
}
