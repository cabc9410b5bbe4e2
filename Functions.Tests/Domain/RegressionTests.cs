using System.Buffers.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using System.Text.Json.Nodes;
using NetworkFunctions.Changes;
using NetworkFunctions.Forms;
using NetworkFunctions.Http;
using NetworkFunctions.Kickoff;
using NetworkFunctions.Networks;
using static NetworkFunctions.Tests.Domain.DomainFixtures;
using static NetworkFunctions.Tests.Domain.KickoffDocuments;

namespace NetworkFunctions.Tests.Domain;

/// <summary>
/// Bugs found in production code by the domain tests, each fixed and kept here as a regression test.
/// </summary>
public sealed class RegressionTests
{
    [Fact]
    public void IsoDurationRoundTripsSubMillisecondFractions()
    {
        foreach (string text in new[] { "PT0.0001S", "PT1.0004S", "PT0.00001H", "PT1.9999S" })
        {
            IsoDuration duration = IsoDuration.Parse(text);

            Assert.True(IsoDuration.TryParse(duration.ToString(), out IsoDuration back), $"{text} printed as {duration}");
            Assert.Equal(duration, back);
        }
    }

    [Fact]
    public void NetworkIdsRefuseATrailingNewline()
    {
        Assert.False(NetworkIds.IsValid("abc\n"));
        Assert.False(NetworkIds.IsValid("slagelse-samskabelse-2027\n"));
    }

    [Fact]
    public void KickoffReportsEveryOverlappingMeeting()
    {
        JsonObject document = Valid();
        document["meetings"] = new JsonArray(
            MeetingAt("2027-02-03T09:00:00+01:00", "2027-02-03T12:30:00+01:00"),
            MeetingAt("2027-02-03T10:00:00+01:00", "2027-02-03T11:00:00+01:00"),
            MeetingAt("2027-02-03T11:30:00+01:00", "2027-02-03T12:00:00+01:00"));

        var (_, errors) = Parse(document);

        // meetings[2] (11:30–12:00) lies inside meetings[0] (09:00–12:30) but only meetings[1] is reported.
        Assert.Equal(["meetings[1].start", "meetings[2].start"], Keys(errors));
    }

    [Fact]
    public void MeetingMoveTreatsANullLocationAsAbsent()
    {
        JsonElement body = JsonDocument.Parse("""{"start":"2027-04-14T09:00:00+02:00","end":"2027-04-14T12:30:00+02:00","location":null}""").RootElement.Clone();

        var (change, errors) = ChangeRequests.ReadMeetingChange(body, Network(), 2, Now);

        Assert.True(errors.IsEmpty, string.Join(", ", errors.ToDictionary().Keys));
        Assert.Null(change?.Location);
    }

    [Fact]
    public void FormTokensCallAnyTamperedPayloadABadSignature()
    {
        var tokens = new FormTokens(Options.Create(new FormOptions { SigningKeyId = "k1", SigningKey = "k1-secret-0123456789-abcdefghijklmnopqrstuvwxyz" }));
        string[] parts = tokens.Create(new FormGrant("slagelse-samskabelse-2027", 2, "m-7f3a9c", FormKind.Invitation, At("2027-01-24T08:00:00Z"))).Split('.');

        for (int i = 0; i < parts[1].Length; i++)
        {
            string payload = parts[1][..i] + (parts[1][i] == 'e' ? 'f' : 'e') + parts[1][(i + 1)..];

            Assert.Equal(TokenCheck.BadSignature, tokens.Verify($"{parts[0]}.{payload}.{parts[2]}", Now, out _));
        }

        // A payload that is not JSON, under a valid key id and signature, is a forgery too.
        Assert.Equal(TokenCheck.BadSignature, tokens.Verify($"{parts[0]}.{Base64Url.EncodeToString("{"u8)}.{parts[2]}", Now, out _));
    }

    [Fact]
    public void IsoDurationParsesDecimalFractionsExactly()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(570), IsoDuration.Parse("PT0.57S").Time);
        Assert.Equal("PT0.57S", IsoDuration.Parse("PT0.57S").ToString());
        Assert.Equal(TimeSpan.FromMilliseconds(1140), IsoDuration.Parse("PT1.14S").Time);
    }

    [Fact]
    public void IsoDurationTryParseLeavesDefaultOnFailure()
    {
        foreach (string text in new[] { "P3661D", "P523W", "PT99999H" })
        {
            Assert.False(IsoDuration.TryParse(text, out IsoDuration duration));
            Assert.Equal(IsoDuration.Zero, duration);
        }
    }

    [Theory]
    [InlineData("anne.@slagelse.dk")]
    [InlineData("\"anne\"@slagelse.dk")]
    [InlineData("anne@[127.0.0.1]")]
    [InlineData("anne@-slagelse.dk")]
    [InlineData("anne@slagelse-.dk")]
    [InlineData("anne@slagelse")]
    [InlineData("Anne <anne@slagelse.dk>")]
    [InlineData("anne@slagelse.dk\n")]
    public void EmailAddressesRefuseWhatPeopleDoNotType(string email) =>
        Assert.False(NetworkFunctions.Validation.EmailAddresses.IsValid(email));

    [Theory]
    [InlineData("gitte.moelgaard@example.org")]
    [InlineData("søren.lykke@slagelse.dk")]
    [InlineData("first+tag@sub.example.co.uk")]
    [InlineData("a@b.dk")]
    public void EmailAddressesAcceptOrdinaryAddresses(string email) =>
        Assert.True(NetworkFunctions.Validation.EmailAddresses.IsValid(email));

    [Fact]
    public void FormAnswersTurnALoneCarriageReturnIntoALineBreak()
    {
        var fields = new Dictionary<string, Microsoft.Extensions.Primitives.StringValues>
        {
            ["attendance"] = "yes",
            ["type"] = "theme",
            ["title"] = "Titel",
            ["description"] = "a\rb",
        };

        var (_, contributions, errors) = FormAnswers.ReadInvitation(fields);

        Assert.True(errors.IsEmpty);
        Assert.Equal("a\nb", Assert.Single(contributions).Description);
    }
}
