using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using NetworkFunctions.Validation;

namespace NetworkFunctions.Forms;

public enum FormKind
{
    Invitation,
    Survey,

    /// <summary>The agenda workspace of a preparer (<see cref="FormGrant.MemberId"/> is the recipient key <c>facilitator</c> or <c>consultant</c>).</summary>
    Workspace,

    /// <summary>The minutes form of a preparer (as <see cref="Workspace"/>).</summary>
    Minutes,
}

/// <summary>What a form link grants: one member's (or preparer's) form of one kind for one meeting, until it expires.</summary>
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
    /// <summary>The length of a <see cref="ShortSignature"/>: 128 bits in hex.</summary>
    public const int ShortSignatureLength = 32;

    const int MaxTokenLength = 512;

    /// <summary>The form kind as the token carries it.</summary>
    static readonly Dictionary<FormKind, string> KindCodes = new() { [FormKind.Invitation] = "i", [FormKind.Survey] = "s", [FormKind.Workspace] = "w", [FormKind.Minutes] = "r" };

    static readonly Regex KeyIds = new(FormOptions.KeyIdPattern, RegexOptions.CultureInvariant);

    /// <summary>False while the current signing key cannot be used (<see cref="Unusable"/>): no link can be signed or checked.</summary>
    public bool Available => Unusable is null;

    /// <summary>Why the current signing key cannot be used, or null when it can.</summary>
    public string? Unusable => Refusal(options.Value.SigningKey, $"{FormOptions.Section}:{nameof(FormOptions.SigningKey)}");

    /// <summary>
    /// Why each previous key cannot check the links it signed (health names them): every key is refused for the same
    /// reasons as the current one, and a previous key also needs a valid id and a <see cref="PreviousSigningKey.ValidUntil"/>.
    /// </summary>
    public IReadOnlyList<string> PreviousKeyProblems =>
        [.. options.Value.PreviousSigningKeys.Select(p => PreviousRefusal(p.Key, p.Value)).OfType<string>()];

    /// <summary>The previous keys that check links, with the instant each stops: for the operator's view of a rotation.</summary>
    public IReadOnlyList<(string KeyId, DateTimeOffset ValidUntil)> PreviousKeys =>
        [.. options.Value.PreviousSigningKeys
            .Where(p => PreviousRefusal(p.Key, p.Value) is null)
            .Select(p => (p.Key, ValidUntil(p.Value)!.Value))
            .OrderBy(p => p.Item2)];

    /// <summary>Why a key must not sign or check links: an unresolved Key Vault reference, too short, or the published development key outside development.</summary>
    string? Refusal(string? key, string setting) =>
        KeyVaultReferences.IsUnresolved(key) ? KeyVaultReferences.Message(setting)
        : key is not { Length: >= FormOptions.MinimumKeyLength } ? $"{setting} is missing or shorter than {FormOptions.MinimumKeyLength} characters; links it would check are refused until it is set."
        : key == FormOptions.DevelopmentSigningKey && !options.Value.AllowDevelopmentKey
            ? $"{setting} is the published development key, which anyone can read: set a secret key of your own (see infra/README.md); form links wait until then."
        : null;

    string? PreviousRefusal(string keyId, PreviousSigningKey previous)
    {
        string setting = $"{FormOptions.Section}:{nameof(FormOptions.PreviousSigningKeys)}:{keyId}";
        return !KeyIds.IsMatch(keyId) || keyId == options.Value.SigningKeyId
                ? $"{setting}: a previous key needs an id of its own (letters, digits, '-' or '_', at most 16), not the current key's; it is not used."
            : Refusal(previous.Key, $"{setting}:{nameof(PreviousSigningKey.Key)}")
            ?? (ValidUntil(previous) is null
                ? $"{setting}:{nameof(PreviousSigningKey.ValidUntil)} is missing or not an ISO 8601 instant (e.g. 2027-03-01T00:00:00Z); links this key signed are refused until it is set."
                : null);
    }

    static DateTimeOffset? ValidUntil(PreviousSigningKey previous) =>
        DateTimeOffset.TryParse(previous.ValidUntil, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset until) ? until : null;

    public string Create(FormGrant grant)
    {
        FormOptions keys = options.Value;
        if (!Available)
        {
            // A link signed with a key anyone can read could be forged by anyone: the step waits until there is a secret one.
            throw new InvalidOperationException(Unusable);
        }

        var payload = new Payload(grant.NetworkId, grant.Meeting, grant.MemberId, KindCodes[grant.Kind], grant.ExpiresAt.ToUnixTimeSeconds());
        string body = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(payload));
        string signed = keys.SigningKeyId + "." + body;
        return signed + "." + Base64Url.EncodeToString(Sign(keys.SigningKey, signed));
    }

    /// <summary>
    /// The form's address: <c>{publicBaseUrl}/api/forms/{token}</c> for a member, <c>/api/agenda/{token}</c> for a
    /// preparer's workspace, <c>/api/minutes/{token}</c> for a preparer's minutes.
    /// </summary>
    public string Link(string publicBaseUrl, FormGrant grant) =>
        $"{publicBaseUrl.TrimEnd('/')}/api/{grant.Kind switch { FormKind.Workspace => "agenda", FormKind.Minutes => "minutes", _ => "forms" }}/{Create(grant)}";

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

        if (KeyFor(parts[0], now) is not { } key)
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

        if (payload is null || payload.N is null || payload.U is null || KindCodes.FirstOrDefault(k => k.Value == payload.K) is not { Value: not null } kind)
        {
            return TokenCheck.Malformed;
        }

        grant = new FormGrant(payload.N, payload.M, payload.U, kind.Key, DateTimeOffset.FromUnixTimeSeconds(payload.E));
        return grant.ExpiresAt <= now ? TokenCheck.Expired : TokenCheck.Valid;
    }

    /// <summary>
    /// A short signature of <paramref name="data"/> for where a token does not fit (the local part of a mail address is at
    /// most 64 characters): HMAC-SHA256 under the current key with its own purpose, the first 128 bits as lowercase hex,
    /// which survives mail systems that fold case.
    /// </summary>
    public string ShortSignature(string purpose, string data)
    {
        if (!Available)
        {
            throw new InvalidOperationException(Unusable);
        }

        return ShortSign(options.Value.SigningKey, purpose, data);
    }

    /// <summary>Whether <paramref name="signature"/> is <see cref="ShortSignature"/> of the data under the current key or a previous key still valid at <paramref name="now"/>.</summary>
    public bool ShortSignatureMatches(string purpose, string data, string? signature, DateTimeOffset now)
    {
        if (signature is not { Length: ShortSignatureLength } || !signature.All(char.IsAsciiHexDigitLower))
        {
            return false;
        }

        FormOptions keys = options.Value;
        IEnumerable<string> usable = [.. Available ? [keys.SigningKey] : Array.Empty<string>(),
            .. keys.PreviousSigningKeys.Keys.Select(id => KeyFor(id, now)).OfType<string>()];
        byte[] given = Encoding.ASCII.GetBytes(signature);
        bool matched = false;
        foreach (string key in usable)
        {
            matched |= CryptographicOperations.FixedTimeEquals(given, Encoding.ASCII.GetBytes(ShortSign(key, purpose, data)));
        }

        return matched;
    }

    static string ShortSign(string key, string purpose, string data) =>
        Convert.ToHexStringLower(Sign(key, purpose + "|" + data))[..ShortSignatureLength];

    /// <summary>The key that checks links signed under <paramref name="keyId"/> at <paramref name="now"/>, or null when none may.</summary>
    string? KeyFor(string keyId, DateTimeOffset now)
    {
        FormOptions keys = options.Value;
        if (keyId == keys.SigningKeyId)
        {
            return Available ? keys.SigningKey : null;
        }

        return keys.PreviousSigningKeys.TryGetValue(keyId, out PreviousSigningKey? previous)
            && PreviousRefusal(keyId, previous) is null
            && now < ValidUntil(previous)
                ? previous.Key
                : null;
    }

    static bool IsBase64Url(string part) => part.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    static byte[] Sign(string key, string data) => HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(data));

    sealed record Payload(string? N, int M, string? U, string? K, long E);
}
