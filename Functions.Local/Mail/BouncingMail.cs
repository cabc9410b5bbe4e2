using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace NetworkFunctions.Local.Mail;

/// <summary>Body of <c>POST /dev/sendgrid/bounces</c>: mail to <see cref="Address"/> is taken and then reported as <see cref="Event"/>.</summary>
public sealed record BounceRequest(string Address, string? Event = null);

/// <summary>
/// The sink's side of SendGrid's signed event webhook. Mail to an address marked as bouncing is taken as SendGrid
/// takes it (it is in the mailbox), and a moment later the sink posts a signed <c>bounce</c> (or <c>dropped</c>,
/// <c>spamreport</c>) event to the app's <c>/api/sendgrid/events</c>, with the mail's custom arguments, as SendGrid
/// does. It signs with a P-256 key made when the host starts; the host gives the app its public key
/// (<c>Email:EventWebhookPublicKey</c>).
/// </summary>
public sealed class BouncingMail : IDisposable
{
    public static readonly IReadOnlySet<string> Events = new HashSet<string>(StringComparer.Ordinal) { "bounce", "dropped", "spamreport" };

    readonly ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    readonly ConcurrentDictionary<string, string> bouncing = new(StringComparer.OrdinalIgnoreCase);
    readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>The verification key, base64 DER, as SendGrid shows its own.</summary>
    public string PublicKey => Convert.ToBase64String(key.ExportSubjectPublicKeyInfo());

    public IReadOnlyDictionary<string, string> Marked => bouncing;

    public void Mark(string address, string @event) => bouncing[address.Trim()] = @event;

    public void Clear() => bouncing.Clear();

    /// <summary>SendGrid's signature: ECDSA over the timestamp followed by the body, base64 DER.</summary>
    public string Sign(string timestamp, string payload) =>
        Convert.ToBase64String(key.SignData(Encoding.UTF8.GetBytes(timestamp + payload), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));

    /// <summary>Posts the events of the taken mails whose recipient is marked; nothing when none is.</summary>
    public async Task ReportAsync(Uri webhook, IReadOnlyList<MailboxEntry> taken, DateTimeOffset now)
    {
        var events = new List<Dictionary<string, object>>();
        foreach (MailboxEntry entry in taken)
        {
            foreach (string to in entry.To)
            {
                if (bouncing.TryGetValue(to, out string? kind))
                {
                    var item = new Dictionary<string, object>(entry.CustomArgs.ToDictionary(a => a.Key, a => (object)a.Value), StringComparer.Ordinal)
                    {
                        ["email"] = to,
                        ["timestamp"] = now.ToUnixTimeSeconds(),
                        ["event"] = kind,
                        ["sg_message_id"] = entry.MessageId,
                    };
                    if (kind == "bounce")
                    {
                        item["type"] = "bounce";
                        item["reason"] = "550 5.1.1 The email account that you tried to reach does not exist.";
                    }

                    events.Add(item);
                }
            }
        }

        if (events.Count == 0)
        {
            return;
        }

        // SendGrid reports events a moment after it took the mail, never in the answer to the send.
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        using HttpRequestMessage request = SignedRequest(webhook, JsonSerializer.Serialize(events), now);
        using HttpResponseMessage response = await http.SendAsync(request);
    }

    /// <summary>
    /// The webhook's POST of <paramref name="payload"/> as SendGrid sends it: JSON with the signature and timestamp
    /// headers, signed with this sink's key unless a <paramref name="signature"/> is given (to see a wrong one refused).
    /// </summary>
    public HttpRequestMessage SignedRequest(Uri webhook, string payload, DateTimeOffset now, string? signature = null)
    {
        string timestamp = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, webhook) { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Twilio-Email-Event-Webhook-Signature", signature ?? Sign(timestamp, payload));
        request.Headers.Add("X-Twilio-Email-Event-Webhook-Timestamp", timestamp);
        return request;
    }

    public void Dispose()
    {
        key.Dispose();
        http.Dispose();
    }
}
