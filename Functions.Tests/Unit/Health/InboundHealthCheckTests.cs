using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using NetworkFunctions.Health;
using NetworkFunctions.Inbound;

namespace NetworkFunctions.Tests.Unit.Health;

/// <summary>The <c>inbound</c> check: invitations that name reply addresses need the secret SendGrid sends, or the replies are lost.</summary>
public sealed class InboundHealthCheckTests
{
    static async Task<HealthCheckResult> CheckAsync(string? domain, string? secret) =>
        await new InboundHealthCheck(Options.Create(new InboundOptions { ReplyDomain = domain, Secret = secret })).CheckHealthAsync(new HealthCheckContext());

    [Theory]
    [InlineData(null, null, HealthStatus.Healthy, "off")]
    [InlineData(null, "a-secret-of-sixteen-or-more", HealthStatus.Healthy, "off")]
    [InlineData("svar.slagelse.dk", "a-secret-of-sixteen-or-more", HealthStatus.Healthy, "svar.slagelse.dk")]
    [InlineData("svar.slagelse.dk", null, HealthStatus.Degraded, "refused and lost")]
    [InlineData("svar.slagelse.dk", "short", HealthStatus.Degraded, "refused and lost")]
    [InlineData("svar.slagelse.dk", "@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/InboundSecret/)", HealthStatus.Degraded, "unresolved Key Vault reference")]
    public async Task Says_whether_calendar_replies_can_arrive(string? domain, string? secret, HealthStatus status, string says)
    {
        HealthCheckResult result = await CheckAsync(domain, secret);

        Assert.Equal(status, result.Status);
        Assert.Contains(says, result.Description, StringComparison.Ordinal);
    }
}
