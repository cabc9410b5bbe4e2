using NetworkFunctions.Networks;

namespace NetworkFunctions.Tests.Unit.Networks;

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
}
