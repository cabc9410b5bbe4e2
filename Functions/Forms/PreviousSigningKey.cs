namespace NetworkFunctions.Forms;

/// <summary>
/// A signing key that has been rotated out (<c>Forms:PreviousSigningKeys:{id}</c>): it no longer signs links, and it
/// checks the links it signed until <see cref="ValidUntil"/>, the latest close of a form it signed.
/// </summary>
public sealed class PreviousSigningKey
{
    /// <summary>The key: at least 32 characters of secret (a Key Vault reference to <c>FormSigningKey-{id}</c> in Azure).</summary>
    public string Key { get; set; } = "";

    /// <summary>
    /// An ISO 8601 instant, e.g. <c>2027-03-01T00:00:00Z</c>. Read as text, so that a wrong value refuses this key
    /// (and health names it) instead of stopping the app.
    /// </summary>
    public string? ValidUntil { get; set; }
}
