using Microsoft.Extensions.Options;
using NetworkFunctions.Forms;
using NetworkFunctions.Inbound;
using static NetworkFunctions.Tests.Support.DomainFixtures;

namespace NetworkFunctions.Tests.Unit.Inbound;

/// <summary>The reply address per invitation: it names the member, and only its code proves which meeting it answers.</summary>
public sealed class ReplyAddressesTests
{
    const string Key1 = "k1-secret-0123456789-abcdefghijklmnopqrstuvwxyz";
    const string Key2 = "k2-secret-9876543210-ZYXWVUTSRQPONMLKJIHGFEDCBA";
    const string NetworkId = "slagelse-samskabelse-2027";

    static ReplyAddresses Addresses(string key = Key1, string? domain = "svar.slagelse.dk", Dictionary<string, PreviousSigningKey>? previous = null) =>
        new(new FormTokens(Options.Create(new FormOptions { SigningKeyId = "k1", SigningKey = key, PreviousSigningKeys = previous ?? [] })),
            Options.Create(new InboundOptions { ReplyDomain = domain }));

    [Fact]
    public void An_address_names_the_member_and_signs_its_meeting_only()
    {
        ReplyAddresses addresses = Addresses();
        string address = addresses.For(NetworkId, 2, "mabcdefghijkl")!;

        ReplyAddress read = addresses.Read(address)!;

        Assert.Matches("^svar\\+mabcdefghijkl\\.[0-9a-f]{32}@svar\\.slagelse\\.dk$", address);
        Assert.True(address.IndexOf('@', StringComparison.Ordinal) <= 64, "A local part is at most 64 characters.");
        Assert.Equal("mabcdefghijkl", read.MemberId);
        Assert.True(addresses.Signs(read, NetworkId, 2, Now));
        Assert.False(addresses.Signs(read, NetworkId, 3, Now));
        Assert.False(addresses.Signs(read, "other-network-2027", 2, Now));
        Assert.False(addresses.Signs(read with { MemberId = "mzzzzzzzzzzzz" }, NetworkId, 2, Now));
    }

    [Fact]
    public void A_mail_system_that_folds_case_does_not_break_it()
    {
        ReplyAddresses addresses = Addresses();
        string address = addresses.For(NetworkId, 2, "mabcdefghijkl")!;

        ReplyAddress read = addresses.Read(address.ToUpperInvariant())!;

        Assert.True(addresses.Signs(read, NetworkId, 2, Now));
    }

    [Fact]
    public void A_code_made_with_another_key_is_refused_and_a_previous_key_checks_until_its_end()
    {
        string address = Addresses(Key2).For(NetworkId, 2, "mabcdefghijkl")!;
        ReplyAddresses rotated = Addresses(Key1, previous: new() { ["k0"] = new PreviousSigningKey { Key = Key2, ValidUntil = "2027-03-01T00:00:00Z" } });

        Assert.False(Addresses().Signs(Addresses().Read(address)!, NetworkId, 2, Now));
        Assert.True(rotated.Signs(rotated.Read(address)!, NetworkId, 2, Now));
        Assert.False(rotated.Signs(rotated.Read(address)!, NetworkId, 2, At("2027-03-01T00:00:00Z")));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("frida@borgerdialog.dk")]
    [InlineData("svar@svar.slagelse.dk")]
    [InlineData("svar+mabc@svar.slagelse.dk")]
    [InlineData("svar+mabc.0123456789abcdef0123456789abcdef@svar.slagelse.dk.evil.org")]
    [InlineData("svar+mabc.0123456789abcdef0123456789abcdef@evil.org")]
    [InlineData("other+mabc.0123456789abcdef0123456789abcdef@svar.slagelse.dk")]
    [InlineData("svar+mabc.0123456789abcdef0123456789abcde@svar.slagelse.dk")]
    [InlineData("svar+.0123456789abcdef0123456789abcdef@svar.slagelse.dk")]
    public void Any_other_address_is_no_reply_address(string? address)
    {
        Assert.Null(Addresses().Read(address));
    }

    [Fact]
    public void Without_a_reply_domain_invitations_keep_the_facilitator_as_organizer()
    {
        Assert.Null(Addresses(domain: null).For(NetworkId, 2, "mabcdefghijkl"));
        Assert.Null(Addresses(domain: null).Read("svar+mabc.0123456789abcdef0123456789abcdef@svar.slagelse.dk"));
    }

    [Theory]
    [InlineData("0123456789ABCDEF0123456789ABCDEF")]
    [InlineData("0123456789abcdef0123456789abcdeg")]
    [InlineData("")]
    public void A_code_that_is_not_lowercase_hex_of_the_right_length_never_matches(string code)
    {
        Assert.False(Addresses().Signs(new ReplyAddress("mabcdefghijkl", code), NetworkId, 2, Now));
    }
}
