using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using NetworkFunctions.Inbound;

namespace NetworkFunctions.Local.Mail;

/// <summary>
/// <c>POST /dev/inbound</c>: a member's calendar answers an invitation in the local mailbox. Takes the mailbox message
/// (<c>message</c>, its id) and the answer (<c>answer</c>: accept, tentative or decline) as a form (the mailbox's
/// buttons) or JSON; builds the REPLY the member's calendar would send (<see cref="CalendarReplyMail"/>) to the address
/// the invitation names as organizer, and posts it to the app's <c>/api/inbound/email</c> exactly as SendGrid Inbound
/// Parse would, with the inbound secret. Answers with what the app answered.
/// </summary>
internal static class InboundEndpoints
{
    public const string Route = "/dev/inbound";

    internal sealed record InboundRequest(string? Message, string? Answer);

    public static async Task<IResult> ReplyAsync(
        HttpContext context, [FromServices] Mailbox mailbox, [FromServices] IOptions<InboundOptions> inbound,
        [FromServices] IHttpClientFactory clients, [FromServices] TimeProvider time, CancellationToken cancellationToken)
    {
        bool fromPage = context.Request.HasFormContentType;
        InboundRequest? request = fromPage
            ? new InboundRequest((await context.Request.ReadFormAsync(cancellationToken))["message"], context.Request.Form["answer"])
            : await ReadJsonAsync(context, cancellationToken);
        if (request is not { Message: { Length: > 0 } id, Answer: { Length: > 0 } answer } || !CalendarReplyMail.Answers.TryGetValue(answer, out string? partStat))
        {
            return Results.Problem(statusCode: 400, title: "Give the mailbox message's id as 'message' and 'answer' as accept, tentative or decline.");
        }

        if (inbound.Value.Secret is not { Length: > 0 } secret || !inbound.Value.RepliesByMail)
        {
            return Results.Problem(statusCode: 409, title: "Replies by mail are off: set Inbound:ReplyDomain and Inbound:Secret.");
        }

        DateTimeOffset now = time.GetUtcNow();
        if (await mailbox.FindAsync(id, cancellationToken) is not { } entry
            || entry.Attachments.Select(a => Decode(a.Content)).Select(ics => ics is null ? null : CalendarReplyMail.Reply(ics, partStat, now)).OfType<string>().FirstOrDefault() is not { } reply)
        {
            return Results.Problem(statusCode: 404, title: "No invitation with a calendar entry has that id in the mailbox.");
        }

        using MultipartFormDataContent post = CalendarReplyMail.InboundParsePost(CalendarReplyMail.Message(reply, partStat, now));
        using var message = new HttpRequestMessage(HttpMethod.Post, $"{context.Request.Scheme}://{context.Request.Host}/api/inbound/email") { Content = post };
        message.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("inbound:" + secret)));
        using HttpResponseMessage answered = await clients.CreateClient().SendAsync(message, cancellationToken);
        string body = await answered.Content.ReadAsStringAsync(cancellationToken);
        if (!fromPage)
        {
            return Results.Json(new { status = (int)answered.StatusCode, body }, MailJson.Web, statusCode: answered.IsSuccessStatusCode ? 200 : 502);
        }

        string html = $"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Calendar reply posted</title></head><body><main>"
            + $"<h1>Calendar reply posted</h1><p>{Encode(partStat)} was posted to /api/inbound/email as SendGrid Inbound Parse would. The app answered {(int)answered.StatusCode}:</p>"
            + $"<pre>{Encode(body)}</pre><p><a href=\"/dev/mailbox\">Back to the mailbox</a></p></main></body></html>";
        context.Response.Headers.ContentSecurityPolicy = MailboxPage.ContentSecurityPolicy;
        return Results.Content(html, "text/html; charset=utf-8");
    }

    static async Task<InboundRequest?> ReadJsonAsync(HttpContext context, CancellationToken cancellationToken)
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<InboundRequest>(context.Request.Body, MailJson.Web, cancellationToken);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    static string? Decode(string base64)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(base64));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    static string Encode(string value) => HtmlEncoder.Default.Encode(value);
}
