using System.Net.Mail;

namespace NetworkFunctions.Validation;

public static class EmailAddresses
{
    /// <summary>A single plain address (no display name), at most 254 characters, with a dot in the domain.</summary>
    public static bool IsValid(string? email)
    {
        if (string.IsNullOrWhiteSpace(email) || email.Length > 254 || email.Trim() != email || email.Any(char.IsWhiteSpace))
        {
            return false;
        }

        try
        {
            var address = new MailAddress(email);
            return address.Address == email && address.Host.Contains('.') && !address.Host.StartsWith('.') && !address.Host.EndsWith('.');
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>The form used to compare addresses: trimmed, lower case.</summary>
    public static string Normalise(string email) => email.Trim().ToLowerInvariant();
}
