using SendGrid.Helpers.EventWebhook;

namespace NetworkFunctions.MailEvents;

/// <summary>
/// SendGrid's signed event webhook: each POST carries an ECDSA (P-256, SHA-256) signature of the timestamp header
/// followed by the raw body, checked with the verification key SendGrid shows for the account (base64 DER).
/// The check is SendGrid's own library's.
/// </summary>
public static class MailEventSignatures
{
    public const string SignatureHeader = "X-Twilio-Email-Event-Webhook-Signature";
    public const string TimestampHeader = "X-Twilio-Email-Event-Webhook-Timestamp";

    /// <summary>Whether <paramref name="signature"/> signs <paramref name="timestamp"/> + <paramref name="payload"/> with the key; false for anything malformed.</summary>
    public static bool Verify(string publicKey, string payload, string? signature, string? timestamp)
    {
        if (string.IsNullOrWhiteSpace(signature) || string.IsNullOrWhiteSpace(timestamp))
        {
            return false;
        }

        var validator = new RequestValidator();
        try
        {
            return validator.VerifySignature(validator.ConvertPublicKeyToECDSA(publicKey), payload, signature, timestamp);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The library throws whatever its parser meets in a malformed key or signature: not signed by SendGrid.
            return false;
        }
    }
}
