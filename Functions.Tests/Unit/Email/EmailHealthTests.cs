using NetworkFunctions.Email;

namespace NetworkFunctions.Tests.Unit.Email;

public sealed class EmailHealthTests
{
    static readonly DateTimeOffset First = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_configuration_fault_is_kept_with_when_it_began_until_a_send_is_accepted()
    {
        var health = new EmailHealth();
        Assert.Null(health.Fault);

        Assert.True(health.ConfigurationFault(401, First));
        Assert.False(health.ConfigurationFault(403, First.AddMinutes(5)));

        Assert.Equal(new EmailFault(401, First), health.Fault);
        health.Accepted();
        Assert.Null(health.Fault);
    }
}
