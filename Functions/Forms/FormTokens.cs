using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using NetworkFunctions.Validation;

namespace NetworkFunctions.Forms;

public enum FormKind
{
    Invitation,
    Survey,
}

/// <summary>What a form link grants: one member's form of one kind for one meeting, until it expires.</summary>
public sealed record FormGrant(string NetworkId, int Meeting, string MemberId, FormKind Kind, DateTimeOffset ExpiresAt);

public enum TokenCheck
{
    Valid,
    Malformed,
    BadSignature,
    Expired,
}

/// <summary>
/// Form tokens: <c>{keyId}.{payload}.{signature}</c>, base64url, with an HMAC-SHA256 signature (256 bits) over key id and
/// payload, compared in constant time. The payload binds network, meeting, member, form kind and expiry; it holds
/// opaque ids only.
/// </summary>
public sealed class FormTokens(IOptions<FormOptions> options)
{
    const int MaxTokenLength = 512;

    /// <summary>False while the current signing key cannot be used (<see cref="Unusable"/>): no link can be signed or checked.</summary>
    public bool Available => Unusable is null;

    /// <summary>Why the current signing key cannot be used, or null when it can.</summary>
    public string? Unusable => Refusal(options.Value.SigningKey);

    /// <summary>Why a key must not sign or check links: an unresolved Key Vault reference, or the published development key outside development.</summary>
    string? Refusal(string key) =>
        KeyVaultReferences.IsUnresolved(key) ? KeyVaultReferences.Message("Forms:SigningKey")
        : key == FormOptions.DevelopmentSigningKey && !options.Value.AllowDevelopmentKey
            ? "Forms:SigningKey is the published development key, which anyone can read: set a secret key of your own (see infra/README.md); form links wait until then."
        : null;

    public string Create(FormGrant grant)
    {
        FormOptions keys = options.Value;
        if (!Available)
        {
            // A link signed with a key anyone can read could be forged by anyone: the step waits until there is a secret one.
            throw new InvalidOperationException(Unusable);
        }

        var payload = new Payload(grant.NetworkId, grant.Meeting, grant.MemberId, grant.Kind == FormKind.Invitation ? "i" : "s", grant.ExpiresAt.ToUnixTimeSeconds());
        string body = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(payload));
        string signed = keys.SigningKeyId + "." + body;
        return signed + "." + Base64Url.EncodeToString(Sign(keys.SigningKey, signed));
    }

    /// <summary>The form's address for a member: <c>{publicBaseUrl}/api/forms/{token}</c>.</summary>
    public string Link(string publicBaseUrl, FormGrant grant) => $"{publicBaseUrl.TrimEnd('/')}/api/forms/{Create(grant)}";

    public TokenCheck Verify(string? token, DateTimeOffset now, out FormGrant? grant)
    {
        grant = null;
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength)
        {
            return TokenCheck.Malformed;
        }

        string[] parts = token.Split('.');
        if (parts.Length != 3 || parts[0].Length == 0 || parts[1].Length == 0 || !parts.All(IsBase64Url))
        {
            return TokenCheck.Malformed;
        }

        if (KeyFor(parts[0]) is not { } key)
        {
            return TokenCheck.BadSignature;
        }

        byte[] signature;
        try
        {
            signature = Base64Url.DecodeFromChars(parts[2]);
        }
        catch (FormatException)
        {
            return TokenCheck.Malformed;
        }

        // The signature is checked before anything of the payload is read.
        if (!CryptographicOperations.FixedTimeEquals(signature, Sign(key, parts[0] + "." + parts[1])))
        {
            return TokenCheck.BadSignature;
        }

        Payload? payload;
        try
        {
            payload = JsonSerializer.Deserialize<Payload>(Base64Url.DecodeFromChars(parts[1]));
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return TokenCheck.Malformed;
        }

        if (payload is null || payload.N is null || payload.U is null || payload.K is not ("i" or "s"))
        {
            return TokenCheck.Malformed;
        }

        grant = new FormGrant(payload.N, payload.M, payload.U, payload.K == "i" ? FormKind.Invitation : FormKind.Survey, DateTimeOffset.FromUnixTimeSeconds(payload.E));
        return grant.ExpiresAt <= now ? TokenCheck.Expired : TokenCheck.Valid;
    }

    string? KeyFor(string keyId)
    {
        FormOptions keys = options.Value;
        string? key = keyId == keys.SigningKeyId ? keys.SigningKey
            : keys.PreviousSigningKeys.TryGetValue(keyId, out string? previous) ? previous
            : null;
        return key is { Length: >= 32 } && Refusal(key) is null ? key : null;
    }

    static bool IsBase64Url(string part) => part.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    static byte[] Sign(string key, string data) => HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(data));

    sealed record Payload(string? N, int M, string? U, string? K, long E);
}
