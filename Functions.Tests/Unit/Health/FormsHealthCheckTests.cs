using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using NetworkFunctions.Forms;
using NetworkFunctions.Health;

namespace NetworkFunctions.Tests.Unit.Health;

/// <summary>What the <c>forms</c> health check tells the operator about the signing keys, previous ones included.</summary>
public sealed class FormsHealthCheckTests
{
    const string Current = "k2-secret-9876543210-ZYXWVUTSRQPONMLKJIHGFEDCBA";
    const string Old = "k1-secret-0123456789-abcdefghijklmnopqrstuvwxyz";

    static async Task<HealthCheckResult> CheckAsync(string key, Dictionary<string, PreviousSigningKey>? previous = null) =>
        await new FormsHealthCheck(new FormTokens(Options.Create(new FormOptions { SigningKeyId = "k2", SigningKey = key, PreviousSigningKeys = previous ?? [] })))
            .CheckHealthAsync(new HealthCheckContext());

    [Fact]
    public async Task Healthy_names_each_previous_key_and_until_when_it_checks_links()
    {
        HealthCheckResult result = await CheckAsync(Current, new() { ["k1"] = new() { Key = Old, ValidUntil = "2027-03-01T00:00:00Z" } });

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Contains("The previous key k1 checks the links it signed until 2027-03-01T00:00:00.0000000+00:00.", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_previous_key_that_cannot_check_links_degrades_forms_and_is_named()
    {
        HealthCheckResult result = await CheckAsync(Current, new() { ["k1"] = new() { Key = "@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/FormSigningKey-k1/)", ValidUntil = "2027-03-01T00:00:00Z" } });

        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.StartsWith("Forms:PreviousSigningKeys:k1:Key is an unresolved Key Vault reference", result.Description, StringComparison.Ordinal);
        Assert.EndsWith("Links signed with the current key work.", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unusable_current_key_comes_first()
    {
        HealthCheckResult result = await CheckAsync(new string('s', 31), new() { ["k1"] = new() { Key = Old } });

        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.StartsWith("Forms:SigningKey is missing or shorter than 32 characters", result.Description, StringComparison.Ordinal);
    }
}
