using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using NetworkFunctions.Local.Functions;

namespace NetworkFunctions.Tests.Unit.Local.Functions;

public sealed class FunctionKeysTests
{
    static readonly FunctionKeys Keys = new("function-key", "master-key");

    [Theory]
    [InlineData(AuthorizationLevel.Anonymous, null, null, true)]
    [InlineData(AuthorizationLevel.Function, null, null, false)]
    [InlineData(AuthorizationLevel.Function, "wrong", null, false)]
    [InlineData(AuthorizationLevel.Function, "function-key", null, true)]
    [InlineData(AuthorizationLevel.Function, null, "function-key", true)]
    [InlineData(AuthorizationLevel.Function, "master-key", null, true)]
    [InlineData(AuthorizationLevel.Function, "FUNCTION-KEY", null, false)]
    [InlineData(AuthorizationLevel.Admin, "function-key", null, false)]
    [InlineData(AuthorizationLevel.Admin, null, "master-key", true)]
    [InlineData(AuthorizationLevel.System, "master-key", null, true)]
    public void Checks_keys_like_Azure(AuthorizationLevel level, string? header, string? code, bool expected)
    {
        var http = new DefaultHttpContext();
        if (header is not null)
        {
            http.Request.Headers[FunctionKeys.HeaderName] = header;
        }

        if (code is not null)
        {
            http.Request.QueryString = QueryString.Create(FunctionKeys.QueryName, code);
        }

        Assert.Equal(expected, Keys.IsAuthorized(level, http.Request));
    }
}
