using Microsoft.Extensions.Logging;

namespace NetworkFunctions.Networks;

/// <summary>
/// The stable event ids of what an operator must see (docs/operations.md). The alert rule in <c>infra/</c> matches
/// the ids from 3100 up; the messages hold ids, kinds and statuses, never a name or an address.
/// </summary>
public static class LogEvents
{
    /// <summary>SendGrid refuses the app's key or sender (401/403): all mail waits.</summary>
    public static readonly EventId SendGridConfiguration = new(3101, nameof(SendGridConfiguration));

    /// <summary>SendGrid refused or failed one send (4xx other than configuration, 429, 5xx).</summary>
    public static readonly EventId SendGridFailed = new(3102, nameof(SendGridFailed));

    public static readonly EventId SendGridNoAnswer = new(3103, nameof(SendGridNoAnswer));

    public static readonly EventId SendGridUnreachable = new(3104, nameof(SendGridUnreachable));

    /// <summary>A step failed after its quick retries and waits for the fault to pass.</summary>
    public static readonly EventId StepWaiting = new(3110, nameof(StepWaiting));

    /// <summary>A step went past the time it was useful and was recorded as missed.</summary>
    public static readonly EventId StepMissed = new(3111, nameof(StepMissed));

    /// <summary>A step that waited went through.</summary>
    public static readonly EventId StepRecovered = new(3112, nameof(StepRecovered));

    /// <summary>Storage did not answer a member's form in time: answered 503 with Retry-After.</summary>
    public static readonly EventId StorageUnavailable = new(3105, nameof(StorageUnavailable));

    /// <summary>SendGrid reported that mail to a recipient bounced, was dropped or marked as spam (ids only).</summary>
    public static readonly EventId MailUndeliverable = new(3106, nameof(MailUndeliverable));

    /// <summary>A POST to the mail event webhook whose signature did not verify.</summary>
    public static readonly EventId MailEventRefused = new(3107, nameof(MailEventRefused));

    /// <summary>A post to the inbound mail endpoint came without the right secret (401): a wrong Inbound Parse URL, or someone probing.</summary>
    public static readonly EventId InboundRefused = new(3108, nameof(InboundRefused));

    /// <summary>The console turned a request away: a principal it could not read or from another tenant, or a form without its antiforgery token (no names or addresses are logged).</summary>
    public static readonly EventId ConsoleRefused = new(3109, nameof(ConsoleRefused));

    /// <summary>A network was resumed through the API.</summary>
    public static readonly EventId NetworkResumed = new(3120, nameof(NetworkResumed));

    /// <summary>The consultant's notice that mail works again and what waited.</summary>
    public static readonly EventId AttentionNotice = new(3121, nameof(AttentionNotice));

    /// <summary>A preparer saved (and perhaps approved) a meeting's agenda in the workspace: ids, revision and role only.</summary>
    public static readonly EventId AgendaEdited = new(3130, nameof(AgendaEdited));

    /// <summary>A preparer saved (and perhaps sent) a meeting's minutes: ids, revision and role only.</summary>
    public static readonly EventId MinutesSaved = new(3131, nameof(MinutesSaved));
}
