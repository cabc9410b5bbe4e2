using Microsoft.Extensions.Configuration;
using NetworkFunctions.Local;

namespace NetworkFunctions.Tests.Unit.Local;

public sealed class LocalHostOptionsTests
{
    static LocalHostOptions From(params string[] args) =>
        LocalHostOptions.From(new ConfigurationBuilder().AddCommandLine(LocalHostOptions.ExpandFlags(args), LocalHostOptions.Switches.ToDictionary(p => p.Key, p => p.Value)).Build());

    [Fact]
    public void Defaults_hold_queue_messages_of_a_dead_host_five_minutes_as_in_azure() =>
        Assert.Equal(TimeSpan.FromMinutes(5), From().MessageVisibility);

    [Fact]
    public void The_message_visibility_is_read_from_its_switch() =>
        Assert.Equal(TimeSpan.FromSeconds(20), From("--message-visibility", "00:00:20").MessageVisibility);

    [Theory]
    [InlineData("00:00:04")]
    [InlineData("8.00:00:00")]
    public void A_message_visibility_outside_five_seconds_to_seven_days_is_refused(string value)
    {
        var error = Assert.Throws<ArgumentException>(() => From("--message-visibility", value));
        Assert.Contains("--message-visibility", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_demo_flag_is_a_setting() =>
        Assert.True(From("--demo").Demo);
}
