using System.Text;
using Microsoft.AspNetCore.Http;
using NetworkFunctions.Inbound;

namespace NetworkFunctions.Tests.Unit.Inbound;

/// <summary>The inbound secret, and during a rotation the one it replaced: either lets SendGrid's post in, nothing else does.</summary>
public sealed class InboundSecretTests
{
    const string Current = "new-secret-0123456789abcdef";
    const string Previous = "old-secret-fedcba9876543210";

    static HttpRequest Basic(string password, string user = "inbound")
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.Authorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));
        return context.Request;
    }

    static HttpRequest Query(string secret)
    {
        var context = new DefaultHttpContext();
        context.Request.QueryString = new QueryString("?secret=" + Uri.EscapeDataString(secret));
        return context.Request;
    }

    [Fact]
    public void The_current_and_the_previous_secret_both_let_a_post_in_while_both_are_set()
    {
        string[] both = [Current, .. InboundEmailFunction.Usable(Previous)];

        Assert.True(InboundEmailFunction.Authorised(Basic(Current), both));
        Assert.True(InboundEmailFunction.Authorised(Basic(Previous), both));
        Assert.True(InboundEmailFunction.Authorised(Query(Previous), both));
        Assert.False(InboundEmailFunction.Authorised(Basic(Previous), [Current]));
        Assert.False(InboundEmailFunction.Authorised(Basic("something-else-entirely"), both));
        Assert.False(InboundEmailFunction.Authorised(new DefaultHttpContext().Request, both));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("too-short")]
    [InlineData("@Microsoft.KeyVault(SecretUri=https://kv-x.vault.azure.net/secrets/InboundSecret/0123456789abcdef0123456789abcdef)")]
    public void A_previous_secret_that_is_short_or_an_unresolved_reference_counts_as_unset(string? previous) =>
        Assert.Empty(InboundEmailFunction.Usable(previous));

    [Fact]
    public void A_password_that_is_not_base64_is_refused() =>
        Assert.False(InboundEmailFunction.Authorised(WithHeader("Basic !!!not-base64!!!"), [Current]));

    static HttpRequest WithHeader(string authorization)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.Authorization = authorization;
        return context.Request;
    }
}
