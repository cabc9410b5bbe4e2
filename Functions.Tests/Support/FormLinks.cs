namespace NetworkFunctions.Tests.Support;

/// <summary>Form links as a test bends them.</summary>
public static class FormLinks
{
    /// <summary>
    /// The link with one character of its token's signature changed: still well-formed base64url (a character in the
    /// middle carries six bits, where a changed last character could make the token malformed instead of forged).
    /// </summary>
    public static string Tampered(string link)
    {
        int at = link.Length - 5;
        return string.Concat(link.AsSpan(0, at), link[at] == 'A' ? "B" : "A", link.AsSpan(at + 1));
    }

    /// <summary>The link with its token replaced by something that is no token at all.</summary>
    public static string NotAToken(string link) => link[..(link.LastIndexOf('/') + 1)] + "not-a-token";
}
