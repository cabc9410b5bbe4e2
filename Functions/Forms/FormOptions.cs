using System.ComponentModel.DataAnnotations;

namespace NetworkFunctions.Forms;

/// <summary>The keys that sign form links (configuration section <c>Forms</c>; Key Vault in Azure).</summary>
public sealed class FormOptions
{
    public const string Section = "Forms";

    /// <summary>
    /// The key the local host and <c>local.settings.sample.json</c> use: published with the code, so it signs links on a
    /// development host only (<see cref="AllowDevelopmentKey"/>); anywhere else forms wait as for a missing key.
    /// </summary>
    /// <summary>What a key id looks like: it travels in every token, before the first dot.</summary>
    public const string KeyIdPattern = "^[A-Za-z0-9_-]{1,16}$";

    /// <summary>The shortest key accepted, in characters.</summary>
    public const int MinimumKeyLength = 32;

    public const string DevelopmentSigningKey = "local-development-form-signing-key-not-for-production";

    /// <summary>The current signing key: at least 32 characters of secret (a Key Vault reference in Azure).</summary>
    [Required, MinLength(MinimumKeyLength)]
    public string SigningKey { get; set; } = "";

    /// <summary>The id written into every token, so a rotated key can still verify the links it signed.</summary>
    [Required, RegularExpression(KeyIdPattern)]
    public string SigningKeyId { get; set; } = "k1";

    /// <summary>True on a development host (the local host, Core Tools): <see cref="DevelopmentSigningKey"/> may sign links.</summary>
    public bool AllowDevelopmentKey { get; set; }

    /// <summary>Earlier keys by id, each checking the links it signed until its <see cref="PreviousSigningKey.ValidUntil"/>.</summary>
    public Dictionary<string, PreviousSigningKey> PreviousSigningKeys { get; set; } = [];
}
