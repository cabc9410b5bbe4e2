using System.Text.RegularExpressions;

namespace NetworkFunctions.Local.Mail;

/// <summary>
/// The address check SendGrid applies to every <c>email</c> field, approximated: one <c>@</c>, a local part without
/// spaces or specials, and a dotted domain with a top-level label. Internationalised letters are accepted.
/// </summary>
public static partial class EmailAddressRule
{
    public const int MaxLength = 320;

    public static bool IsValid(string? email)
    {
        if (string.IsNullOrEmpty(email) || email.Length > MaxLength || !Shape().IsMatch(email))
        {
            return false;
        }

        var local = email[..email.LastIndexOf('@')];
        return local.Length <= 64 && !local.StartsWith('.') && !local.EndsWith('.') && !local.Contains("..", StringComparison.Ordinal);
    }

    [GeneratedRegex(
        @"^[^\s@<>()\[\]\\,;:""]+@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+(?:\p{L}{2,63}|xn--[a-z0-9-]{1,59})$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Shape();
}
