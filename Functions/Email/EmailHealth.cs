namespace NetworkFunctions.Email;

/// <summary>A configuration fault SendGrid reported: its status and since when.</summary>
public sealed record EmailFault(int Status, DateTimeOffset Since);

/// <summary>
/// Whether this instance's mail goes out: set by a configuration fault (401/403…), cleared by the next accepted
/// send. The health check reads it; the consultant's notice goes out once mail works again.
/// </summary>
public sealed class EmailHealth
{
    EmailFault? fault;

    public EmailFault? Fault => Volatile.Read(ref fault);

    /// <summary>Records a configuration fault; true when it is new (mail worked until now).</summary>
    public bool ConfigurationFault(int status, DateTimeOffset at) =>
        Interlocked.CompareExchange(ref fault, new EmailFault(status, at), null) is null;

    public void Accepted() => Volatile.Write(ref fault, null);
}
