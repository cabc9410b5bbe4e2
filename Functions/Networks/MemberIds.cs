using System.Security.Cryptography;

namespace NetworkFunctions.Networks;

/// <summary>Opaque random ids: a member's id and the suffix of a generated network id. No personal data in either.</summary>
public static class MemberIds
{
    const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    /// <summary>An opaque member id: <c>m</c> and 12 random base-32 characters.</summary>
    public static string New() => "m" + RandomNumberGenerator.GetString(Alphabet, 12);

    /// <summary>Six random base-32 characters that make a generated network id unique.</summary>
    public static string NewSuffix() => RandomNumberGenerator.GetString(Alphabet, 6);
}
