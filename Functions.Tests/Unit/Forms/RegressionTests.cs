using System.Buffers.Text;
using Microsoft.Extensions.Options;
using NetworkFunctions.Forms;
using NetworkFunctions.Http;
using static NetworkFunctions.Tests.Support.DomainFixtures;

namespace NetworkFunctions.Tests.Unit.Forms;

/// <summary>
/// Bugs found in production code by the domain tests, each fixed and kept here as a regression test.
/// </summary>
public sealed class RegressionTests
{
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
