using System.Security.Cryptography;
using System.Text;

namespace NetworkFunctions.Networks;

/// <summary>
/// A key for a member's address that is not the address: SHA-256 of the network id and the lower-cased address, in
/// hex. It names an erasure in progress, so a second request for the same address finds it, without the address
/// being kept anywhere once the member is gone.
/// </summary>
public static class MemberKeys
{
    public static string Of(string networkId, string email) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{networkId}\n{email.Trim().ToLowerInvariant()}")));
}
