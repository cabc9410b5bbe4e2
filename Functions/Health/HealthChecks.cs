using Azure.Storage.Blobs;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using NetworkFunctions.Email;
using NetworkFunctions.Forms;
using NetworkFunctions.Inbound;
using NetworkFunctions.Networks;
using NetworkFunctions.Validation;

namespace NetworkFunctions.Health;

/// <summary>The names of the checks and the data key of when a fault began.</summary>
public static class HealthChecks
{
    public const string Storage = "storage";
    public const string Durable = "durable";
    public const string Email = "email";
    public const string Forms = "forms";
    public const string Inbound = "inbound";
    public const string Since = "since";
}

/// <summary>Blob Storage answers within a few seconds: the documents container can be read.</summary>
public sealed class StorageHealthCheck(BlobServiceClient blobs, IOptions<NetworkOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            await blobs.GetBlobContainerClient(options.Value.DocumentsContainer).ExistsAsync(timeout.Token);
            return HealthCheckResult.Healthy("Blob Storage answers.");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Degraded($"Blob Storage did not answer ({e.GetType().Name}); answers and steps wait until it does.");
        }
    }
}

/// <summary>SendGrid takes the app's mail: degraded from a configuration refusal (401/403) until the next accepted send.</summary>
public sealed class EmailHealthCheck(EmailHealth email, IOptions<EmailOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(KeyVaultReferences.IsUnresolved(options.Value.SendGridApiKey)
            ? HealthCheckResult.Degraded(KeyVaultReferences.Message("Email:SendGridApiKey"))
            : email.Fault is { } fault
            ? HealthCheckResult.Degraded(
                $"SendGrid answered {fault.Status}: the API key or the sender is refused. Mail waits and goes out once it is fixed.",
                data: new Dictionary<string, object> { [HealthChecks.Since] = fault.Since })
            : HealthCheckResult.Healthy("SendGrid took the last mail (or none was sent yet)."));
}

/// <summary>
/// Form links can be signed and checked: degraded while the signing key is unusable (unresolved, too short, or the
/// development key) or a previous key cannot check the links it signed; healthy names the previous keys still checking.
/// </summary>
public sealed class FormsHealthCheck(FormTokens tokens) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(
            tokens.Unusable is { } reason
                ? HealthCheckResult.Degraded(reason + " Until then no form link is mailed and the forms answer 503.")
            : tokens.PreviousKeyProblems is [_, ..] problems
                ? HealthCheckResult.Degraded(string.Join(" ", problems) + " Links signed with the current key work.")
            : HealthCheckResult.Healthy("Form links are signed with the current key."
                + string.Concat(tokens.PreviousKeys.Select(p => $" The previous key {p.KeyId} checks the links it signed until {p.ValidUntil:O}."))));
}

/// <summary>
/// Calendar replies can arrive: degraded while invitations name reply addresses (<see cref="InboundOptions.ReplyDomain"/>)
/// but the secret SendGrid must send is missing, too short or an unresolved Key Vault reference — the replies members
/// send would be refused and, after SendGrid's retries, lost.
/// </summary>
public sealed class InboundHealthCheck(IOptions<InboundOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        InboundOptions inbound = options.Value;
        const string Setting = $"{InboundOptions.Section}:{nameof(InboundOptions.Secret)}";
        return Task.FromResult(
            !inbound.RepliesByMail
                ? HealthCheckResult.Healthy("Replies by calendar are off: invitations name the facilitator as organizer.")
            : KeyVaultReferences.IsUnresolved(inbound.Secret)
                ? HealthCheckResult.Degraded(KeyVaultReferences.Message(Setting) + " Calendar replies are answered 503, and SendGrid posts them again.")
            : inbound.Secret is not { Length: >= InboundOptions.MinimumSecretLength }
                ? HealthCheckResult.Degraded($"Invitations name reply addresses at {inbound.ReplyDomain}, but {Setting} is missing or shorter than {InboundOptions.MinimumSecretLength} characters: the calendar replies SendGrid posts are refused and lost.")
            : HealthCheckResult.Healthy($"Calendar replies to {inbound.ReplyDomain} are taken."));
    }
}
