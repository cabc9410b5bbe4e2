using System.Text.RegularExpressions;

namespace NetworkFunctions.Validation;

public static partial class EmailAddresses
{
    /// <summary>
    /// A plain address as people type it (no display name, quotes, comments or IP literal), at most 254 characters:
    /// a dot-atom local part and a host name of letter-digit-hyphen labels with a top-level domain of letters.
    /// </summary>
    public static bool IsValid(string? email) =>
        email is { Length: > 0 and <= 254 } && Address().IsMatch(email) && email.Split('@')[0].Length <= 64;

    /// <summary>The form used to compare addresses: trimmed, lower case.</summary>
    public static string Normalise(string email) => email.Trim().ToLowerInvariant();

    [GeneratedRegex(
        @"^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+(?:\.[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+)*@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+(?:[\p{L}]{2,63}|xn--[a-z0-9-]{1,59})\z",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Address();
}
