using System.Net;

namespace NetworkFunctions.Email;

/// <summary>What a failed send means, as SendGrid documents its answers.</summary>
public enum SendFailure
{
    /// <summary>No answer, throttled (429) or a server error (5xx): SendGrid will take it later.</summary>
    Transient,

    /// <summary>
    /// 401 (bad or revoked key), 403 (sender not verified, key without the mail-send scope), 404/405 (wrong address):
    /// nothing will go out until an operator fixes the configuration; every mail waits, none is dropped.
    /// </summary>
    Configuration,

    /// <summary>400, 413 and the other 4xx: SendGrid refuses this message for good (a bad address, too large).</summary>
    Refused,
}

/// <summary>
/// A send SendGrid refused or could not take. The message says the status only: it ends up in the orchestration's
/// history, which holds no personal data; SendGrid's own words are in <see cref="Detail"/>.
/// </summary>
public sealed class EmailSendException : Exception
{
    public EmailSendException(HttpStatusCode status, string detail, Exception? inner = null)
        : base($"SendGrid answered {(int)status} ({Classify(status)}).", inner) => (Status, Detail) = (status, detail);

    EmailSendException(TimeSpan timeout, Exception inner)
        : base($"SendGrid did not answer within {timeout.TotalSeconds:0} s.", inner) => (Status, Detail) = (HttpStatusCode.RequestTimeout, "");

    EmailSendException(string setting)
        : base($"{setting} cannot be read: no mail is sent until it can.") => (Status, Detail, Unconfigured) = (HttpStatusCode.Unauthorized, setting, true);

    /// <summary>
    /// The app's own key cannot be read (an unresolved Key Vault reference): a configuration fault like a revoked key
    /// (401), found before anything is handed to SendGrid.
    /// </summary>
    public static EmailSendException KeyUnavailable(string setting) => new(setting);

    /// <summary>SendGrid did not answer in time: whether it took the mail is unknown, and a retry is the only way on.</summary>
    public static EmailSendException NoAnswer(TimeSpan timeout, Exception inner) => new(timeout, inner);

    public HttpStatusCode Status { get; }

    /// <summary>True when the fault is the app's configuration, found before SendGrid was asked (<see cref="KeyUnavailable"/>).</summary>
    public bool Unconfigured { get; }

    /// <summary>What SendGrid said (at most 500 characters); it may name the recipient.</summary>
    public string Detail { get; }

    public SendFailure Failure => Classify(Status);

    public static SendFailure Classify(HttpStatusCode status) => (int)status switch
    {
        401 or 403 or 404 or 405 => SendFailure.Configuration,
        408 or 429 => SendFailure.Transient,
        >= 400 and < 500 => SendFailure.Refused,
        _ => SendFailure.Transient,
    };
}
