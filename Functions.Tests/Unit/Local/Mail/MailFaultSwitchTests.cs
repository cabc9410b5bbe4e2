using NetworkFunctions.Local.Mail;

namespace NetworkFunctions.Tests.Unit.Local.Mail;

public sealed class MailFaultSwitchTests
{
    private static readonly MailFault TooMany = new(429, 3);

    [Fact]
    public void LetsSendsThroughWhenNotArmed()
    {
        var faults = new MailFaultSwitch();

        Assert.Null(faults.TryTrip());
        Assert.Equal(new MailFaultState(false, null, null, null), faults.State());
    }

    [Fact]
    public void FailsTheArmedNumberOfSendsThenDisarms()
    {
        var faults = new MailFaultSwitch();
        faults.Arm(TooMany, 2);

        Assert.Equal(new MailFaultState(true, 429, 2, 3), faults.State());
        Assert.Equal(TooMany, faults.TryTrip());
        Assert.Equal(new MailFaultState(true, 429, 1, 3), faults.State());
        Assert.Equal(TooMany, faults.TryTrip());
        Assert.Null(faults.TryTrip());
        Assert.Equal(new MailFaultState(false, null, null, null), faults.State());
    }

    [Fact]
    public void FailsUntilClearedWhenCountIsZero()
    {
        var faults = new MailFaultSwitch();
        faults.Arm(new MailFault(500, null), 0);

        Assert.All(Enumerable.Range(0, 50), _ => Assert.Equal(500, faults.TryTrip()?.Status));
        Assert.Equal(new MailFaultState(true, 500, null, null), faults.State());

        faults.Clear();

        Assert.Null(faults.TryTrip());
    }

    [Fact]
    public void ReplacesAnEarlierFaultWhenArmedAgain()
    {
        var faults = new MailFaultSwitch();
        faults.Arm(TooMany, 5);
        faults.Arm(new MailFault(503, null), 1);

        Assert.Equal(503, faults.TryTrip()?.Status);
        Assert.Null(faults.TryTrip());
    }

    [Fact]
    public void FailsExactlyTheArmedNumberUnderConcurrentSends()
    {
        var faults = new MailFaultSwitch();
        faults.Arm(TooMany, 100);
        var tripped = 0;

        Parallel.For(0, 10_000, new ParallelOptions { MaxDegreeOfParallelism = 16 }, _ =>
        {
            if (faults.TryTrip() is not null)
            {
                Interlocked.Increment(ref tripped);
            }
        });

        Assert.Equal(100, tripped);
        Assert.False(faults.State().Active);
    }
}
