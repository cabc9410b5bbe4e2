using NetworkFunctions.Networks;

namespace NetworkFunctions.Tests.Unit.Networks;

/// <summary>How long a step waits between tries while a fault lasts.</summary>
public sealed class PatienceTests
{
    static readonly DateTimeOffset Now = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);
    static readonly Patience Patience = new(4, TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(1), TimeSpan.FromHours(1), TimeSpan.FromDays(3));

    [Theory]
    [InlineData(0, 60)]
    [InlineData(1, 120)]
    [InlineData(2, 240)]
    [InlineData(5, 1920)]
    [InlineData(6, 3600)]
    [InlineData(40, 3600)]
    public void The_wait_doubles_from_the_first_up_to_the_longest(int wait, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), Patience.WaitBefore(wait, Now, Now.AddDays(30)));
    }

    [Fact]
    public void The_last_wait_ends_at_the_limit_and_none_is_left_after_it()
    {
        Assert.Equal(TimeSpan.FromSeconds(90), Patience.WaitBefore(10, Now, Now.AddSeconds(90)));
        Assert.Equal(TimeSpan.Zero, Patience.WaitBefore(10, Now, Now.AddSeconds(-5)));
    }

    [Fact]
    public void The_options_make_the_patience_they_describe()
    {
        var options = new PatienceOptions { QuickAttempts = 2, QuickFirstRetrySeconds = 1, FirstWaitSeconds = 2, LongestWaitSeconds = 5, NetworkWideForSeconds = 600 };

        Assert.Equal(new Patience(2, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(10)), options.ToPatience());
    }
}
