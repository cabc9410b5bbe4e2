using System.Security.Cryptography;
using System.Text;
using NetworkFunctions.MailEvents;

namespace NetworkFunctions.Tests.Unit.MailEvents;

/// <summary>The webhook's signature check, with a P-256 key signing as SendGrid does (timestamp + body, SHA-256, DER).</summary>
public sealed class MailEventSignaturesTests : IDisposable
{
    const string Body = """[{"event":"bounce","nf_network":"net-2027"}]""";
    const string Timestamp = "1700000000";

    readonly ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    readonly ECDsa other = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    static string PublicKey(ECDsa k) => Convert.ToBase64String(k.ExportSubjectPublicKeyInfo());

    static string Sign(ECDsa k, string timestamp, string body) =>
        Convert.ToBase64String(k.SignData(Encoding.UTF8.GetBytes(timestamp + body), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));

    [Fact]
    public void A_body_signed_with_the_key_verifies() =>
        Assert.True(MailEventSignatures.Verify(PublicKey(key), Body, Sign(key, Timestamp, Body), Timestamp));

    [Fact]
    public void A_changed_body_or_timestamp_does_not() =>
        Assert.All(
            [(Body + " ", Timestamp), (Body.Replace("bounce", "dropped", StringComparison.Ordinal), Timestamp), (Body, "1700000001")],
            c => Assert.False(MailEventSignatures.Verify(PublicKey(key), c.Item1, Sign(key, Timestamp, Body), c.Item2)));

    [Fact]
    public void A_body_signed_with_another_key_does_not() =>
        Assert.False(MailEventSignatures.Verify(PublicKey(key), Body, Sign(other, Timestamp, Body), Timestamp));

    [Theory]
    [InlineData(null, Timestamp)]
    [InlineData("", Timestamp)]
    [InlineData("not base64 at all", Timestamp)]
    [InlineData("AAAA", Timestamp)]
    [InlineData("MEUCIQ==", null)]
    public void A_missing_or_malformed_signature_does_not(string? signature, string? timestamp) =>
        Assert.False(MailEventSignatures.Verify(PublicKey(key), Body, signature, timestamp));

    [Fact]
    public void A_malformed_key_verifies_nothing() =>
        Assert.False(MailEventSignatures.Verify("bm90IGEga2V5", Body, Sign(key, Timestamp, Body), Timestamp));

    public void Dispose()
    {
        key.Dispose();
        other.Dispose();
    }
}
