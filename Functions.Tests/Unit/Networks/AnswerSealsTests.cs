using NetworkFunctions.Networks;

namespace NetworkFunctions.Tests.Unit.Networks;

/// <summary>No answer acknowledged and then left out, whatever the seal's time; and a step that runs late does not wait for nothing.</summary>
public sealed class AnswerSealsTests
{
    static readonly DateTimeOffset Closed = new(2027, 2, 15, 23, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_seal_records_when_the_answers_closed_when_the_step_runs_after_that()
    {
        Assert.Equal(Closed, AnswerSeals.SealAt(Closed, Closed.AddSeconds(2.5)));
        Assert.Equal(Closed, AnswerSeals.SealAt(Closed, Closed.AddDays(3)));
    }

    [Fact]
    public void A_seal_never_records_a_time_after_it_was_written()
    {
        DateTimeOffset early = Closed.AddSeconds(-30);
        Assert.Equal(early, AnswerSeals.SealAt(Closed, early));
        Assert.Equal(Closed, AnswerSeals.SealAt(Closed, Closed));
    }

    [Theory]
    [InlineData(2.0, 1.0)]
    [InlineData(2.9, 0.1)]
    [InlineData(3.0, 0.0)]
    [InlineData(60.0, 0.0)]
    public void A_step_running_after_the_close_waits_only_what_is_left_of_the_settle(double runsAfterClose, double waits)
    {
        DateTimeOffset now = Closed.AddSeconds(runsAfterClose);
        Assert.Equal(TimeSpan.FromSeconds(waits), AnswerSeals.WaitBeforeReading(AnswerSeals.SealAt(Closed, now), now));
    }

    [Fact]
    public void An_answer_is_read_when_stored_before_the_seal_plus_the_settle_less_the_clock_margin()
    {
        Assert.True(AnswerSeals.IsRead(Closed.AddDays(1), null));
        Assert.True(AnswerSeals.IsRead(Closed.AddSeconds(1.999), Closed));
        Assert.False(AnswerSeals.IsRead(Closed.AddSeconds(2), Closed));
        Assert.False(AnswerSeals.IsRead(Closed.AddMinutes(5), Closed));
    }

    /// <summary>
    /// The invariant, on a grid of timings: an answer stored at <c>stored</c> and checked against the seal at
    /// <c>stored + check</c>, a seal written at <c>written</c> recording <c>SealAt(closed, written)</c>, and a read after
    /// the wait. Whatever the answer was told, "kept" means it was stored before the read began.
    /// </summary>
    [Fact]
    public void Every_answer_told_it_was_kept_is_stored_before_the_step_reads()
    {
        foreach (double writtenAfterClose in new[] { -5.0, 0.0, 1.0, 2.5, 4.0, 30.0 })
        {
            DateTimeOffset written = Closed.AddSeconds(writtenAfterClose);
            DateTimeOffset sealedAt = AnswerSeals.SealAt(Closed, written);
            DateTimeOffset read = written + AnswerSeals.WaitBeforeReading(sealedAt, written);
            for (double stored = -10; stored <= 40; stored += 0.25)
            {
                foreach (double check in new[] { 0.0, 0.5, 3.0 })
                {
                    DateTimeOffset storedAt = Closed.AddSeconds(stored);
                    DateTimeOffset checkedAt = storedAt.AddSeconds(check);
                    bool kept = checkedAt < written || AnswerSeals.IsRead(storedAt, sealedAt);
                    Assert.False(kept && storedAt >= read, $"seal written {writtenAfterClose} s after the close, answer stored at {stored} s, checked {check} s later: kept but not read");
                }
            }
        }
    }
}
