namespace NetworkFunctions.Local.Mail;

/// <summary>
/// What SendGrid would answer to a mail/send body: 202 (queued), 200 (valid, sandbox mode, not queued),
/// or an error status with every problem found.
/// </summary>
public sealed record SendGridValidation(int StatusCode, IReadOnlyList<SendGridError> Errors, SendGridPayload? Payload)
{
    public bool IsValid => Payload is not null;

    public bool IsSandbox => StatusCode == 200;

    public static SendGridValidation Rejected(int statusCode, IReadOnlyList<SendGridError> errors) => new(statusCode, errors, null);

    public static SendGridValidation Rejected(int statusCode, string message, string? field = null) =>
        new(statusCode, [new SendGridError(message, field)], null);

    public static SendGridValidation Accepted(SendGridPayload payload, bool sandbox) => new(sandbox ? 200 : 202, [], payload);
}
