using System.Text.Json;
using NetworkFunctions.Validation;

namespace NetworkFunctions.Office;

/// <summary>
/// Who is signed in to the console, read from the principal the platform's authentication passes to the app
/// (<c>X-MS-CLIENT-PRINCIPAL</c>: base64 of <c>{"auth_typ", "claims": [{"typ", "val"}], …}</c>). Entra ID's claims are
/// read under both their short and their long (WS-Federation) names. <see cref="Addresses"/> are the normalised
/// addresses the person signs in with (email, preferred username, UPN); a role in a network is matched against them.
/// </summary>
public sealed record ConsolePrincipal(string ObjectId, string TenantId, string Name, IReadOnlySet<string> Addresses, IReadOnlySet<string> Groups)
{
    public const string Header = "X-MS-CLIENT-PRINCIPAL";
    public const string ProviderHeader = "X-MS-CLIENT-PRINCIPAL-IDP";

    /// <summary>The identity provider the console accepts: Microsoft Entra ID, as the platform names it.</summary>
    public const string EntraProvider = "aad";

    /// <summary>A principal header is at most this long; the platform's are a few kilobytes even with many groups.</summary>
    public const int MaxHeaderLength = 32 * 1024;

    static readonly string[] ObjectIdClaims = ["http://schemas.microsoft.com/identity/claims/objectidentifier", "oid"];
    static readonly string[] TenantClaims = ["http://schemas.microsoft.com/identity/claims/tenantid", "tid"];
    static readonly string[] NameClaims = ["name", "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name"];
    static readonly string[] AddressClaims =
    [
        "preferred_username", "email", "upn",
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress",
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn",
    ];
    static readonly string[] GroupClaims = ["groups", "http://schemas.microsoft.com/ws/2008/06/identity/claims/groups"];

    /// <summary>
    /// The principal of <paramref name="header"/> when it is a well-formed Entra ID principal with an object id, a tenant
    /// and at least one valid address; null for anything else (absent, not base64, not JSON, another provider, no id).
    /// </summary>
    public static ConsolePrincipal? Read(string? header, string? provider)
    {
        if (string.IsNullOrEmpty(header) || header.Length > MaxHeaderLength
            || (provider is { Length: > 0 } && !string.Equals(provider, EntraProvider, StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        byte[] bytes = new byte[header.Length];
        if (!Convert.TryFromBase64String(header, bytes, out int length))
        {
            return null;
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(bytes.AsMemory(0, length));
            return FromJson(document.RootElement);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The header value the platform would send for these claims: what <c>Functions.Local</c>'s development sign-in and the tests produce.</summary>
    public static string Encode(IEnumerable<(string Type, string Value)> claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        var json = new
        {
            auth_typ = EntraProvider,
            claims = claims.Select(c => new { typ = c.Type, val = c.Value }).ToArray(),
            name_typ = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress",
            role_typ = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role",
        };
        return Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(json));
    }

    static ConsolePrincipal? FromJson(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object
            || (root.TryGetProperty("auth_typ", out JsonElement type) && !(type.ValueKind == JsonValueKind.String && string.Equals(type.GetString(), EntraProvider, StringComparison.OrdinalIgnoreCase)))
            || !root.TryGetProperty("claims", out JsonElement claims) || claims.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var values = new List<(string Type, string Value)>();
        foreach (JsonElement claim in claims.EnumerateArray())
        {
            if (claim.ValueKind == JsonValueKind.Object
                && claim.TryGetProperty("typ", out JsonElement typ) && typ.ValueKind == JsonValueKind.String
                && claim.TryGetProperty("val", out JsonElement val) && val.ValueKind == JsonValueKind.String)
            {
                values.Add((typ.GetString()!, val.GetString()!.Trim()));
            }
        }

        string? First(string[] types) => values.FirstOrDefault(v => types.Contains(v.Type, StringComparer.OrdinalIgnoreCase) && v.Value.Length > 0).Value;
        var addresses = values
            .Where(v => AddressClaims.Contains(v.Type, StringComparer.OrdinalIgnoreCase) && EmailAddresses.IsValid(v.Value))
            .Select(v => EmailAddresses.Normalise(v.Value))
            .ToHashSet(StringComparer.Ordinal);
        var groups = values
            .Where(v => GroupClaims.Contains(v.Type, StringComparer.OrdinalIgnoreCase) && v.Value.Length > 0)
            .Select(v => v.Value.ToLowerInvariant())
            .ToHashSet(StringComparer.Ordinal);
        return First(ObjectIdClaims) is { } objectId && First(TenantClaims) is { } tenant && addresses.Count > 0
            ? new ConsolePrincipal(objectId, tenant, First(NameClaims) ?? addresses.First(), addresses, groups)
            : null;
    }
}
