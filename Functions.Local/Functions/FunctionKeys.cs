using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace NetworkFunctions.Local.Functions;

/// <summary>
/// The key check Azure applies to HTTP triggers: the key comes in the <c>x-functions-key</c> header or the <c>code</c>
/// query parameter; <see cref="AuthorizationLevel.Function"/> accepts the function key or the master key,
/// <see cref="AuthorizationLevel.Admin"/> and <see cref="AuthorizationLevel.System"/> only the master key.
/// </summary>
public sealed class FunctionKeys(string functionKey, string masterKey)
{
    public const string HeaderName = "x-functions-key";
    public const string QueryName = "code";

    public bool IsAuthorized(AuthorizationLevel level, HttpRequest request)
    {
        if (level is AuthorizationLevel.Anonymous)
        {
            return true;
        }

        string? presented = request.Headers[HeaderName].FirstOrDefault() ?? request.Query[QueryName].FirstOrDefault();
        if (string.IsNullOrEmpty(presented))
        {
            return false;
        }

        bool master = FixedTimeEquals(presented, masterKey);
        return level switch
        {
            AuthorizationLevel.Function or AuthorizationLevel.User => master | FixedTimeEquals(presented, functionKey),
            _ => master,
        };
    }

    static bool FixedTimeEquals(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)),
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
