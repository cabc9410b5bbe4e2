using NetworkFunctions.Kickoff;
using NetworkFunctions.Networks;

namespace NetworkFunctions.Tests.Unit.Networks;

public sealed class NetworkIdsTests
{
    [Theory]
    [InlineData("abc")]
    [InlineData("slagelse-samskabelse-2027")]
    [InlineData("2027")]
    [InlineData("---")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public void AcceptsSlugs(string id)
    {
        Assert.True(NetworkIds.IsValid(id));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ab")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("Slagelse")]
    [InlineData("slagelse_2027")]
    [InlineData("slagelse 2027")]
    [InlineData("slagelse.2027")]
    [InlineData("slagelse/2027")]
    [InlineData("../secret")]
    [InlineData("læring")]
    [InlineData(" abc")]
    [InlineData("net:meeting:1")]
    public void RefusesOtherIds(string? id)
    {
        Assert.False(NetworkIds.IsValid(id));
    }

    [Theory]
    [InlineData("Læringsnetværk for samskabelse", 2027, "k3f9q2", "laeringsnetvaerk-for-samskabelse-2027-k3f9q2")]
    [InlineData("ÆRØ & Ågård – Netværk!", 2027, "x1", "aeroe-aagaard-netvaerk-2027-x1")]
    [InlineData("Café Über-Ñandú", 2028, "s", "cafe-uber-nandu-2028-s")]
    [InlineData("  --Trafik  og   miljø--  ", 2027, "abc", "trafik-og-miljoe-2027-abc")]
    [InlineData("!!!", 2027, "abc123", "2027-abc123")]
    [InlineData("", 2027, "abc123", "2027-abc123")]
    [InlineData("Netværk", 2027, "", "netvaerk-2027")]
    public void GeneratesASlugOfNameYearAndSuffix(string name, int year, string suffix, string expected)
    {
        string id = NetworkIds.Generate(name, year, suffix);

        Assert.Equal(expected, id);
        Assert.True(NetworkIds.IsValid(id));
    }

    [Fact]
    public void CutsLongNamesToFortyCharactersWithoutATrailingHyphen()
    {
        string id = NetworkIds.Generate("Det tværgående læringsnetværk for samskabelse og borgerinddragelse i Slagelse Kommune", 2027, "k3f9q2");

        Assert.Equal("det-tvaergaaende-laeringsnetvaerk-for-sa-2027-k3f9q2", id);
        Assert.True(NetworkIds.IsValid(id));

        string hyphenAt40 = NetworkIds.Generate(new string('a', 39) + " bbbb", 2027, "z");
        Assert.Equal(new string('a', 39) + "-2027-z", hyphenAt40);
    }

    [Fact]
    public void GeneratesValidIdsForAnyName()
    {
        string[] names = ["Ø", "ß-Straße", "日本語のネットワーク", "🙂 netværk", new string('x', 300), "a\tb\nc", "Ærlighed\u0301"];

        Assert.All(names, name => Assert.True(NetworkIds.IsValid(NetworkIds.Generate(name, 2027, "k3f9q2")), name));
    }
}
