using Microsoft.Extensions.Options;
using NetworkFunctions.Forms;
using static NetworkFunctions.Tests.Support.DomainFixtures;

namespace NetworkFunctions.Tests.Unit.Forms;

/// <summary>
/// Which signing keys <see cref="FormTokens"/> uses: never an unresolved Key Vault reference, and never the published
/// development key unless the host says it is a development host (<see cref="FormOptions.AllowDevelopmentKey"/>).
/// </summary>
public sealed class FormKeyTests
{
    const string Secret = "k1-secret-0123456789-abcdefghijklmnopqrstuvwxyz";
    const string Unresolved = "@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/FormSigningKey/)";

    static readonly FormGrant Grant = new("slagelse-samskabelse-2027", 1, "mabcdefghijkl", FormKind.Invitation, At("2027-01-24T08:00:00Z"));

    static FormTokens Tokens(string key, bool allowDevelopment = false, Dictionary<string, string>? previous = null) =>
        new(Options.Create(new FormOptions { SigningKey = key, AllowDevelopmentKey = allowDevelopment, PreviousSigningKeys = previous ?? [] }));

    [Fact]
    public void A_secret_key_is_used() =>
        Assert.Null(Tokens(Secret).Unusable);

    [Fact]
    public void The_development_key_is_used_on_a_development_host_only()
    {
        Assert.Null(Tokens(FormOptions.DevelopmentSigningKey, allowDevelopment: true).Unusable);

        FormTokens refused = Tokens(FormOptions.DevelopmentSigningKey);
        Assert.Contains("published development key", refused.Unusable, StringComparison.Ordinal);
        Assert.False(refused.Available);
        Assert.Throws<InvalidOperationException>(() => refused.Create(Grant));
    }

    [Fact]
    public void An_unresolved_reference_is_never_used()
    {
        FormTokens refused = Tokens(Unresolved, allowDevelopment: true);

        Assert.Contains("unresolved Key Vault reference", refused.Unusable, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => refused.Create(Grant));
    }

    [Fact]
    public void A_link_signed_with_the_development_key_is_not_accepted_by_a_host_that_refuses_it()
    {
        string token = Tokens(FormOptions.DevelopmentSigningKey, allowDevelopment: true).Create(Grant);

        Assert.Equal(TokenCheck.Valid, Tokens(FormOptions.DevelopmentSigningKey, allowDevelopment: true).Verify(token, Now, out _));
        Assert.Equal(TokenCheck.BadSignature, Tokens(Secret, previous: new() { ["k1"] = FormOptions.DevelopmentSigningKey }).Verify(token.Replace("k1.", "k0.", StringComparison.Ordinal), Now, out _));
        Assert.Equal(TokenCheck.BadSignature, Tokens(Secret, previous: new() { ["k0"] = FormOptions.DevelopmentSigningKey }).Verify("k0" + token[2..], Now, out _));
    }
}
