using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NetworkFunctions.Forms;
using NetworkFunctions.Office;
using static NetworkFunctions.Tests.Support.DomainFixtures;

namespace NetworkFunctions.Tests.Unit.Office;

/// <summary>The console's antiforgery token: only for the person it was made for, only for 12 hours, only under a key that checks it.</summary>
public sealed class ConsoleTokensTests
{
    const string Key1 = "k1-secret-0123456789-abcdefghijklmnopqrstuvwxyz";
    const string Key2 = "k2-secret-9876543210-ZYXWVUTSRQPONMLKJIHGFEDCBA";

    static readonly ConsolePrincipal Sara = new("oid-sara", "tenant-1", "Sara", new HashSet<string>(["sara@slagelse.dk"]), new HashSet<string>());

    static ConsoleTokens Tokens(FakeTimeProvider clock, string key = Key1, Dictionary<string, PreviousSigningKey>? previous = null, string keyId = "k1") =>
        new(new FormTokens(Options.Create(new FormOptions { SigningKeyId = keyId, SigningKey = key, PreviousSigningKeys = previous ?? [] })), clock);

    [Fact]
    public void A_token_checks_for_its_person_only()
    {
        var clock = new FakeTimeProvider(Now);
        ConsoleTokens tokens = Tokens(clock);
        string token = tokens.Create(Sara);

        Assert.True(tokens.Check(token, Sara));
        Assert.False(tokens.Check(token, Sara with { ObjectId = "oid-karl" }));
        Assert.False(tokens.Check(token, Sara with { TenantId = "tenant-2" }));
    }

    [Fact]
    public void A_token_lasts_twelve_hours()
    {
        var clock = new FakeTimeProvider(Now);
        ConsoleTokens tokens = Tokens(clock);
        string token = tokens.Create(Sara);

        clock.Advance(ConsoleTokens.Lifetime - TimeSpan.FromSeconds(1));
        Assert.True(tokens.Check(token, Sara));
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.False(tokens.Check(token, Sara));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("1796141346")]
    [InlineData("1796141346.")]
    [InlineData("x.0123456789abcdef0123456789abcdef")]
    [InlineData("99999999999999999999.0123456789abcdef0123456789abcdef")]
    [InlineData("1.2.3")]
    public void A_malformed_token_does_not_check(string? token) =>
        Assert.False(Tokens(new FakeTimeProvider(Now)).Check(token, Sara));

    [Fact]
    public void A_changed_signature_or_moment_does_not_check()
    {
        ConsoleTokens tokens = Tokens(new FakeTimeProvider(Now));
        string token = tokens.Create(Sara);
        string[] parts = token.Split('.');
        char last = parts[1][^1] == '0' ? '1' : '0';

        Assert.False(tokens.Check($"{parts[0]}.{parts[1][..^1]}{last}", Sara));
        Assert.False(tokens.Check($"{long.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture) + 1}.{parts[1]}", Sara));
    }

    [Fact]
    public void A_token_from_the_future_does_not_check()
    {
        var later = new FakeTimeProvider(Now + TimeSpan.FromHours(1));
        string token = Tokens(later).Create(Sara);

        Assert.False(Tokens(new FakeTimeProvider(Now)).Check(token, Sara));
    }

    [Fact]
    public void After_a_key_rotation_the_previous_key_checks_until_it_expires()
    {
        var clock = new FakeTimeProvider(Now);
        string token = Tokens(clock).Create(Sara);
        var previous = new Dictionary<string, PreviousSigningKey> { ["k1"] = new() { Key = Key1, ValidUntil = (Now + TimeSpan.FromHours(1)).ToString("O", System.Globalization.CultureInfo.InvariantCulture) } };

        Assert.True(Tokens(clock, Key2, previous, "k2").Check(token, Sara));
        Assert.False(Tokens(clock, Key2, keyId: "k2").Check(token, Sara));
    }
}
