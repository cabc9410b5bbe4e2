namespace NetworkFunctions.Networks;

/// <summary>
/// Something in a network that waits on a fault or was missed: shown in the status JSON and at the top of the
/// dashboard until it is cleared. Ids and reasons only, no personal data.
/// </summary>
/// <param name="Kind">One of <see cref="AttentionKinds"/>.</param>
/// <param name="Meeting">The meeting it concerns, or null for the network as a whole.</param>
/// <param name="Step">The step it concerns (a step of the meeting, or a network-wide one), if any.</param>
public sealed record Attention(string Kind, DateTimeOffset Since, string Detail, int? Meeting = null, string? Step = null);

/// <summary>The kinds of <see cref="Attention"/>.</summary>
public static class AttentionKinds
{
    /// <summary>SendGrid refuses the app's key or sender; every mail of the network waits. Cleared by the next accepted send.</summary>
    public const string EmailConfiguration = "email-configuration";

    /// <summary>A step failed after its quick retries and waits for the fault to pass. Cleared when it goes through.</summary>
    public const string StepWaiting = "step-waiting";

    /// <summary>A step went past the time it was useful: it will not run. Stays until the network's data is purged.</summary>
    public const string StepMissed = "step-missed";

    /// <summary>
    /// SendGrid reported that mail to one recipient bounced, was dropped or marked as spam (its event webhook); the
    /// step is the recipient's key. Cleared when the member's address is corrected.
    /// </summary>
    public const string MailUndeliverable = "mail-undeliverable";

    public static readonly IReadOnlyList<string> All = [EmailConfiguration, StepWaiting, StepMissed, MailUndeliverable];
}
