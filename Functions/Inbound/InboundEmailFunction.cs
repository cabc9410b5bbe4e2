using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NetworkFunctions.Http;
using NetworkFunctions.Networks;
using NetworkFunctions.Validation;

namespace NetworkFunctions.Inbound;

/// <summary>
/// <c>POST /api/inbound/email</c>: SendGrid Inbound Parse posts each mail to the reply domain here, as
/// <c>multipart/form-data</c> with the raw MIME message. Anonymous to the Functions host (SendGrid cannot send a
/// function key); the post must carry <see cref="InboundOptions.Secret"/> as the basic-authentication password or as
/// <c>?secret=</c>, else 401. Calendar replies are recorded by <see cref="InboundReplies"/>; a mail that matches nothing
/// is acknowledged (200) and dropped, so SendGrid does not post it again. Malformed MIME or multipart gets 400, a body
/// over 2 MiB 413, and storage that does not answer 503, after which SendGrid posts the mail again.
/// </summary>
public sealed class InboundEmailFunction(InboundReplies replies, IOptions<InboundOptions> options, ILogger<InboundEmailFunction> logger)
{
    public const int MaxBytes = 2 * 1024 * 1024;
    const int MaxFields = 32;

    [Function(nameof(ReceiveInboundEmail))]
    public async Task<IResult> ReceiveInboundEmail(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "inbound/email")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        if (KeyVaultReferences.IsUnresolved(options.Value.Secret))
        {
            // The secret exists but cannot be read now: SendGrid posts the mail again later, when it may be.
            return Problems.Unavailable("The inbound secret cannot be read now.", KeyVaultReferences.Message($"{InboundOptions.Section}:{nameof(InboundOptions.Secret)}"), 300);
        }

        if (options.Value.Secret is not { Length: >= InboundOptions.MinimumSecretLength } secret)
        {
            return Problems.NotFound("The inbound mail endpoint");
        }

        if (!Authorised(request, [secret, .. Usable(options.Value.PreviousSecret)]))
        {
            logger.LogWarning(LogEvents.InboundRefused, "An inbound mail post was refused: it did not carry the secret");
            request.HttpContext.Response.Headers.WWWAuthenticate = "Basic realm=\"inbound\"";
            return Problems.Status(StatusCodes.Status401Unauthorized, "The post does not carry the inbound secret.",
                "Put the secret in the Inbound Parse URL: https://inbound:{secret}@{host}/api/inbound/email.");
        }

        RequestBodies.Read<IReadOnlyDictionary<string, string>> form = await RequestBodies.ReadMultipartAsync(request, MaxBytes, MaxFields, cancellationToken);
        if (form.Problem is not null)
        {
            return form.Problem;
        }

        InboundRead read = InboundMessages.Read(form.Value!.GetValueOrDefault("email"), form.Value!.GetValueOrDefault("envelope"));
        if (read.Problem is not null)
        {
            return Problems.Status(StatusCodes.Status400BadRequest, "The mail could not be read.", read.Problem);
        }

        try
        {
            IReadOnlyList<ReplyOutcome> outcomes = await replies.RecordAsync(read.Message!, cancellationToken);
            return Results.Ok(new { replies = outcomes.Select(o => o.ToString()) });
        }
        catch (Exception e) when (Unanswered.Is(e, cancellationToken))
        {
            logger.LogWarning(LogEvents.StorageUnavailable, "An inbound mail could not be recorded now ({Error}): SendGrid will post it again", e.GetType().Name);
            return Problems.Unavailable("The mail could not be recorded now.", "Post it again later.", 60);
        }
    }

    /// <summary>The previous secret when it can be used: long enough and not an unresolved Key Vault reference.</summary>
    internal static string[] Usable(string? previous) =>
        previous is { Length: >= InboundOptions.MinimumSecretLength } && !KeyVaultReferences.IsUnresolved(previous) ? [previous] : [];

    /// <summary>
    /// One of <paramref name="secrets"/> as the basic-authentication password (any user name) or the <c>secret</c> query
    /// parameter, each compared in constant time.
    /// </summary>
    internal static bool Authorised(HttpRequest request, IReadOnlyList<string> secrets)
    {
        string? given = request.Query.TryGetValue("secret", out var query) ? query.ToString() : null;
        if (AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out AuthenticationHeaderValue? header)
            && string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) && header.Parameter is { } parameter)
        {
            try
            {
                string credentials = Encoding.UTF8.GetString(Convert.FromBase64String(parameter));
                given = credentials[(credentials.IndexOf(':', StringComparison.Ordinal) + 1)..];
            }
            catch (FormatException)
            {
                return false;
            }
        }

        if (given is null)
        {
            return false;
        }

        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(given));
        bool matched = false;
        foreach (string secret in secrets)
        {
            matched |= CryptographicOperations.FixedTimeEquals(hash, SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
        }

        return matched;
    }
}
