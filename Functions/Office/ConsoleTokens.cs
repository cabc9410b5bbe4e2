using System.Globalization;
using NetworkFunctions.Forms;

namespace NetworkFunctions.Office;

/// <summary>
/// The antiforgery token every console form carries (<see cref="Field"/>): <c>{issued}.{signature}</c>, where the
/// signature is the form-signing key's HMAC of the signed-in person's tenant and object id and the moment it was issued.
/// A page from another site cannot post a console form, since it cannot read or make the token; a token is good for
/// <see cref="Lifetime"/> and only for the person it was made for. Previous signing keys still check tokens until
/// their <c>ValidUntil</c>, as they check form links. No cookie, no server state.
/// </summary>
public sealed class ConsoleTokens(FormTokens keys, TimeProvider clock)
{
    public const string Field = "__console";

    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    const string Purpose = "console-form";

    /// <summary>Whether tokens can be made at all (the form-signing key is set); the console refuses to show forms otherwise.</summary>
    public bool Available => keys.Available;

    public string Create(ConsolePrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        string issued = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return issued + "." + keys.ShortSignature(Purpose, Data(principal, issued));
    }

    /// <summary>Whether <paramref name="token"/> was made for <paramref name="principal"/> within <see cref="Lifetime"/> (and not in the future).</summary>
    public bool Check(string? token, ConsolePrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (token is not { Length: > 0 and < 64 } || token.Split('.') is not [var issued, var signature]
            || !long.TryParse(issued, NumberStyles.None, CultureInfo.InvariantCulture, out long seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return false;
        }

        DateTimeOffset now = clock.GetUtcNow();
        DateTimeOffset at = DateTimeOffset.FromUnixTimeSeconds(seconds);
        return at <= now + TimeSpan.FromMinutes(5) && now - at <= Lifetime
            && keys.ShortSignatureMatches(Purpose, Data(principal, issued), signature, now);
    }

    static string Data(ConsolePrincipal principal, string issued) =>
        $"{principal.TenantId.ToLowerInvariant()}|{principal.ObjectId}|{issued}";
}
