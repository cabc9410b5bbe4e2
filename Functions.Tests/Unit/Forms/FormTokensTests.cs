using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using NetworkFunctions.Forms;
using NetworkFunctions.Http;
using static NetworkFunctions.Tests.Support.DomainFixtures;

namespace NetworkFunctions.Tests.Unit.Forms;

public sealed partial class FormTokensTests
{
    const string Key1 = "k1-secret-0123456789-abcdefghijklmnopqrstuvwxyz";
    const string Key2 = "k2-secret-9876543210-ZYXWVUTSRQPONMLKJIHGFEDCBA";

    static readonly DateTimeOffset Expires = At("2027-01-24T08:00:00Z");

    static readonly FormGrant Invitation = new("slagelse-samskabelse-2027", 2, "m-7f3a9c", FormKind.Invitation, Expires);

    static FormTokens Tokens(string keyId = "k1", string key = Key1, Dictionary<string, PreviousSigningKey>? previous = null) =>
        new(Options.Create(new FormOptions { SigningKeyId = keyId, SigningKey = key, PreviousSigningKeys = previous ?? [] }));

    /// <summary>A previous key valid until after <see cref="Expires"/>, as a rotation would set it.</summary>
    static PreviousSigningKey Previous(string key, string? validUntil = "2027-03-01T00:00:00Z") => new() { Key = key, ValidUntil = validUntil };

    static TokenCheck Verify(FormTokens tokens, string? token) => tokens.Verify(token, Now, out _);

    /// <summary>A token signed with <paramref name="key"/> around any payload text.</summary>
    static string Signed(string keyId, string key, string payloadJson)
    {
        string signed = keyId + "." + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payloadJson));
        return signed + "." + Base64Url.EncodeToString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(signed)));
    }

    [Theory]
    [InlineData(FormKind.Invitation)]
    [InlineData(FormKind.Survey)]
    public void VerifiesTheTokenItCreated(FormKind kind)
    {
        FormTokens tokens = Tokens();
        FormGrant grant = Invitation with { Kind = kind, Meeting = 5 };

        TokenCheck check = tokens.Verify(tokens.Create(grant), Now, out FormGrant? read);

        Assert.Equal(TokenCheck.Valid, check);
        Assert.Equal(grant, read);
    }

    [Fact]
    public void BindsNetworkMeetingMemberAndKind()
    {
        FormTokens tokens = Tokens();
        FormGrant[] grants =
        [
            Invitation,
            Invitation with { NetworkId = "another-network-2027" },
            Invitation with { Meeting = 3 },
            Invitation with { MemberId = "m-000001" },
            Invitation with { Kind = FormKind.Survey },
            Invitation with { ExpiresAt = Expires.AddSeconds(1) },
        ];

        string[] created = grants.Select(tokens.Create).ToArray();

        Assert.Equal(created.Length, created.Distinct().Count());
        Assert.All(created.Zip(grants), pair =>
        {
            Assert.Equal(TokenCheck.Valid, tokens.Verify(pair.First, Now, out FormGrant? read));
            Assert.Equal(pair.Second, read);
        });
    }

    [Fact]
    public void CreatesTheSameTokenForTheSameGrant()
    {
        Assert.Equal(Tokens().Create(Invitation), Tokens().Create(Invitation));
    }

    [Fact]
    public void CreatesUrlSafeTokens()
    {
        FormTokens tokens = Tokens();
        for (int i = 0; i < 200; i++)
        {
            var grant = new FormGrant("net-" + i, i, Convert.ToHexString(BitConverter.GetBytes(i * 7919)) + "?/+=" + (char)('a' + i % 26), i % 2 == 0 ? FormKind.Invitation : FormKind.Survey, Expires.AddSeconds(i * 3571));

            string token = tokens.Create(grant);

            Assert.Matches(UrlSafe(), token);
            Assert.Equal(Uri.EscapeDataString(token), token);
            Assert.Equal(TokenCheck.Valid, tokens.Verify(token, Now, out FormGrant? read));
            Assert.Equal(grant, read);
        }
    }

    [Fact]
    public void WritesTheKeyIdAndOnlyOpaqueIds()
    {
        string token = Tokens(keyId: "2027a").Create(Invitation);
        string[] parts = token.Split('.');

        Assert.Equal(3, parts.Length);
        Assert.Equal("2027a", parts[0]);
        Assert.Equal(32, Base64Url.DecodeFromChars(parts[2]).Length);
        string payload = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[1]));
        Assert.Contains("m-7f3a9c", payload, StringComparison.Ordinal);
        Assert.DoesNotContain("@", payload, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-3600, TokenCheck.Valid)]
    [InlineData(-1, TokenCheck.Valid)]
    [InlineData(0, TokenCheck.Expired)]
    [InlineData(1, TokenCheck.Expired)]
    [InlineData(86400 * 365, TokenCheck.Expired)]
    public void ExpiresAtTheGrantsExpiry(int secondsAfterExpiry, TokenCheck expected)
    {
        FormTokens tokens = Tokens();

        TokenCheck check = tokens.Verify(tokens.Create(Invitation), Expires.AddSeconds(secondsAfterExpiry), out FormGrant? read);

        Assert.Equal(expected, check);
        Assert.Equal(Invitation, read);
    }

    [Fact]
    public void RefusesATamperedPayload()
    {
        FormTokens tokens = Tokens();
        string[] parts = tokens.Create(Invitation).Split('.');
        string[] forgedPayloads =
        [
            Tokens().Create(Invitation with { MemberId = "m-000001" }).Split('.')[1],
            Tokens().Create(Invitation with { ExpiresAt = Expires.AddYears(1) }).Split('.')[1],
            Tokens().Create(Invitation with { Kind = FormKind.Survey }).Split('.')[1],
            Tokens(key: Key2).Create(Invitation with { Meeting = 3 }).Split('.')[1],
        ];

        Assert.All(forgedPayloads, payload =>
        {
            Assert.Equal(TokenCheck.BadSignature, tokens.Verify($"{parts[0]}.{payload}.{parts[2]}", Now, out FormGrant? read));
            Assert.Null(read);
        });
    }

    [Fact]
    public void RefusesATamperedSignature()
    {
        FormTokens tokens = Tokens();
        string token = tokens.Create(Invitation);
        int at = token.LastIndexOf('.') + 10;
        string tampered = token[..at] + (token[at] == 'A' ? 'B' : 'A') + token[(at + 1)..];

        Assert.Equal(TokenCheck.BadSignature, Verify(tokens, tampered));
        Assert.Equal(TokenCheck.BadSignature, Verify(tokens, token[..token.LastIndexOf('.')] + "." + Base64Url.EncodeToString(new byte[32])));
        Assert.Equal(TokenCheck.BadSignature, Verify(tokens, token[..(token.LastIndexOf('.') + 1)]));
    }

    [Fact]
    public void RefusesATokenSignedWithAnotherKey()
    {
        Assert.Equal(TokenCheck.BadSignature, Verify(Tokens(), Tokens(key: Key2).Create(Invitation)));
    }

    [Fact]
    public void RefusesAnUnknownKeyId()
    {
        Assert.Equal(TokenCheck.BadSignature, Verify(Tokens(), Tokens(keyId: "k9").Create(Invitation)));
        Assert.Equal(TokenCheck.BadSignature, Verify(Tokens(), Tokens(keyId: "K1").Create(Invitation)));
    }

    [Fact]
    public void VerifiesTokensOfAPreviousKeyAfterRotation()
    {
        string old = Tokens("k1", Key1).Create(Invitation);
        FormTokens rotated = Tokens("k2", Key2, new() { ["k1"] = Previous(Key1) });

        Assert.Equal(TokenCheck.Valid, rotated.Verify(old, Now, out FormGrant? read));
        Assert.Equal(Invitation, read);
        Assert.StartsWith("k2.", rotated.Create(Invitation), StringComparison.Ordinal);
        Assert.Equal(TokenCheck.Valid, Verify(rotated, rotated.Create(Invitation)));
        Assert.Equal(TokenCheck.BadSignature, Verify(Tokens("k2", Key2), old));
    }

    [Fact]
    public void APreviousKeyChecksLinksUntilItsValidUntilOnly()
    {
        string old = Tokens("k1", Key1).Create(Invitation with { ExpiresAt = At("2027-06-01T00:00:00Z") });
        FormTokens rotated = Tokens("k2", Key2, new() { ["k1"] = Previous(Key1, "2027-01-10T12:00:00+01:00") });

        Assert.Equal(TokenCheck.Valid, rotated.Verify(old, At("2027-01-10T10:59:59Z"), out _));
        Assert.Equal(TokenCheck.BadSignature, rotated.Verify(old, At("2027-01-10T11:00:00Z"), out _));
        Assert.Empty(rotated.PreviousKeyProblems);
        Assert.Equal([("k1", At("2027-01-10T11:00:00Z"))], rotated.PreviousKeys);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("next spring")]
    public void RefusesAPreviousKeyWithoutAValidUntilAndSaysWhy(string? validUntil)
    {
        string old = Tokens("k1", Key1).Create(Invitation);
        FormTokens rotated = Tokens("k2", Key2, new() { ["k1"] = Previous(Key1, validUntil) });

        Assert.Equal(TokenCheck.BadSignature, Verify(rotated, old));
        Assert.Contains("Forms:PreviousSigningKeys:k1:ValidUntil", Assert.Single(rotated.PreviousKeyProblems), StringComparison.Ordinal);
        Assert.Empty(rotated.PreviousKeys);
        Assert.True(rotated.Available);
    }

    [Theory]
    [InlineData("k2")]
    [InlineData("k 1")]
    [InlineData("key-id-longer-than-16")]
    public void RefusesAPreviousKeyUnderTheCurrentIdOrAnIdATokenCannotCarry(string keyId)
    {
        string old = Signed(keyId, Key1, """{"N":"n","M":1,"U":"m","K":"i","E":1900000000}""");
        FormTokens rotated = Tokens("k2", Key2, new() { [keyId] = Previous(Key1) });

        Assert.NotEqual(TokenCheck.Valid, Verify(rotated, old));
        Assert.Contains("id of its own", Assert.Single(rotated.PreviousKeyProblems), StringComparison.Ordinal);
    }

    [Fact]
    public void RefusesAPreviousKeyThatIsTooShort()
    {
        string shortKey = new('s', 31);
        string old = Signed("k1", shortKey, """{"N":"n","M":1,"U":"m","K":"i","E":1900000000}""");

        Assert.Throws<InvalidOperationException>(() => Tokens("k1", shortKey).Create(Invitation));
        Assert.Equal(TokenCheck.BadSignature, Verify(Tokens("k2", Key2, new() { ["k1"] = Previous(shortKey) }), old));
    }

    [Fact]
    public void RefusesAPreviousKeyUsedUnderAnotherId()
    {
        string old = Tokens("k1", Key1).Create(Invitation);

        Assert.Equal(TokenCheck.BadSignature, Verify(Tokens("k3", Key2, new() { ["k2"] = Previous(Key1) }), old));
    }

    public static readonly TheoryData<string?> MalformedTokens = new()
    {
        null,
        "",
        "a",
        "a.b",
        "a.b.c.d",
        "k1.b.c.d",
        "....",
        new string('a', 513),
        "k1." + new string('A', 600) + ".x",
        "k1.!!!!.AAAA",
        "k1.eyJOIjoiYSJ9.%%%%",
        "k1..",
    };

    [Theory]
    [MemberData(nameof(MalformedTokens))]
    public void CallsMalformedInputMalformed(string? token)
    {
        Assert.Equal(TokenCheck.Malformed, Tokens().Verify(token, Now, out FormGrant? grant));
        Assert.Null(grant);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("{}")]
    [InlineData("{\"N\":\"n\",\"M\":1,\"U\":\"u\",\"K\":\"x\",\"E\":1800000000}")]
    [InlineData("{\"N\":null,\"M\":1,\"U\":\"u\",\"K\":\"i\",\"E\":1800000000}")]
    [InlineData("{\"N\":\"n\",\"M\":1,\"K\":\"s\",\"E\":1800000000}")]
    [InlineData("{\"N\":\"n\",\"M\":\"1\",\"U\":\"u\",\"K\":\"i\",\"E\":1800000000}")]
    [InlineData("[1,2,3]")]
    [InlineData("not json")]
    public void CallsASignedButIncompletePayloadMalformed(string payload)
    {
        Assert.Equal(TokenCheck.Malformed, Tokens().Verify(Signed("k1", Key1, payload), Now, out FormGrant? grant));
        Assert.Null(grant);
    }

    [Fact]
    public void ReadsASignedPayloadWrittenByHand()
    {
        string token = Signed("k1", Key1, "{\"N\":\"n-2027\",\"M\":4,\"U\":\"u1\",\"K\":\"s\",\"E\":1800000000}");

        Assert.Equal(TokenCheck.Valid, Tokens().Verify(token, Now, out FormGrant? grant));
        Assert.Equal(new FormGrant("n-2027", 4, "u1", FormKind.Survey, DateTimeOffset.FromUnixTimeSeconds(1800000000)), grant);
    }

    [Fact]
    public void StaysWithinTheLengthLimitForLongIds()
    {
        FormTokens tokens = Tokens();
        string token = tokens.Create(Invitation with { NetworkId = new string('n', 64), MemberId = Guid.NewGuid().ToString("N") });

        Assert.True(token.Length <= 512, $"{token.Length} characters");
        Assert.Equal(TokenCheck.Valid, Verify(tokens, token));
    }

    [GeneratedRegex("^[A-Za-z0-9_.-]+$")]
    private static partial Regex UrlSafe();
}
