using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
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

    static FormTokens Tokens(string key, bool allowDevelopment = false, Dictionary<string, PreviousSigningKey>? previous = null) =>
        new(Options.Create(new FormOptions { SigningKey = key, AllowDevelopmentKey = allowDevelopment, PreviousSigningKeys = previous ?? [] }));

    static PreviousSigningKey Previous(string key) => new() { Key = key, ValidUntil = "2027-03-01T00:00:00Z" };

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
        Assert.Equal(TokenCheck.BadSignature, Tokens(Secret, previous: new() { ["k0"] = Previous(FormOptions.DevelopmentSigningKey) }).Verify("k0" + token[2..], Now, out _));
    }

    [Fact]
    public void A_previous_key_is_refused_for_the_same_reasons_as_the_current_one()
    {
        string token = Tokens(Secret).Create(Grant);
        FormTokens rotated = Tokens("k2-secret-9876543210-ZYXWVUTSRQPONMLKJIHGFEDCBA", previous: new()
        {
            ["k0"] = Previous(Unresolved),
            ["k7"] = Previous(FormOptions.DevelopmentSigningKey),
            ["k8"] = Previous(new string('s', 31)),
        });

        Assert.Collection(
            rotated.PreviousKeyProblems,
            p => Assert.StartsWith("Forms:PreviousSigningKeys:k0:Key is an unresolved Key Vault reference", p, StringComparison.Ordinal),
            p => Assert.StartsWith("Forms:PreviousSigningKeys:k7:Key is the published development key", p, StringComparison.Ordinal),
            p => Assert.StartsWith("Forms:PreviousSigningKeys:k8:Key is missing or shorter than 32", p, StringComparison.Ordinal));
        Assert.Equal(TokenCheck.BadSignature, rotated.Verify("k0" + token[2..], Now, out _));
        Assert.True(rotated.Available);
    }

    [Fact]
    public void Previous_keys_bind_from_the_settings_infra_writes()
    {
        // infra/app/functionapp.bicep writes Forms__PreviousSigningKeys__<id>__Key and __ValidUntil; '__' reads as ':'.
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Forms:SigningKey"] = "k2-secret-9876543210-ZYXWVUTSRQPONMLKJIHGFEDCBA",
            ["Forms:SigningKeyId"] = "k2",
            ["Forms:PreviousSigningKeys:k1:Key"] = Secret,
            ["Forms:PreviousSigningKeys:k1:ValidUntil"] = "2027-03-01T00:00:00Z",
        }).Build();
        using ServiceProvider provider = new ServiceCollection()
            .AddSingleton(configuration)
            .AddOptions<FormOptions>().BindConfiguration(FormOptions.Section).Services
            .AddSingleton<FormTokens>()
            .BuildServiceProvider();

        FormTokens rotated = provider.GetRequiredService<FormTokens>();

        Assert.Equal(TokenCheck.Valid, rotated.Verify(Tokens(Secret).Create(Grant), Now, out _));
        Assert.Equal([("k1", At("2027-03-01T00:00:00Z"))], rotated.PreviousKeys);
    }
}
