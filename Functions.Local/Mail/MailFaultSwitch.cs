namespace NetworkFunctions.Local.Mail;

/// <summary>
/// Body of <c>POST /dev/sendgrid/faults</c>: fail the next <see cref="Count"/> sends (0 or absent: until cleared). With
/// <see cref="HangSeconds"/> the sink first holds each failed request that long without answering (a SendGrid that does
/// not answer: the client's timeout fires first), and stores nothing. With <see cref="Accept"/> the sink first takes the
/// message as SendGrid would (it is in the mailbox and in the activity feed), and only then hangs or fails: a SendGrid
/// whose answer is lost after it accepted.
/// </summary>
public sealed record MailFaultRequest(int Status, int? Count, int? RetryAfterSeconds, int? HangSeconds = null, bool? Accept = null);

/// <summary>What <c>GET /dev/sendgrid/faults</c> shows; <see cref="Remaining"/> is null while it holds until cleared.</summary>
public sealed record MailFaultState(bool Active, int? Status, int? Remaining, int? RetryAfterSeconds, int? HangSeconds = null, bool? Accept = null);

/// <summary>A failure to answer instead of accepting a send.</summary>
public sealed record MailFault(int Status, int? RetryAfterSeconds, int? HangSeconds = null, bool Accept = false);

/// <summary>
/// The sink's failure switch: when armed, send requests fail with the chosen status instead of being stored.
/// A singleton held in memory; lock-free (Interlocked) so concurrent sends consume exactly the armed count.
/// </summary>
public sealed class MailFaultSwitch
{
    private Armed? armed;

    public void Arm(MailFault fault, int count) =>
        Interlocked.Exchange(ref armed, new Armed(fault, Math.Max(count, 0)));

    public void Clear() => Interlocked.Exchange(ref armed, null);

    /// <summary>Consumes one failure if the switch is armed; null when the send should go through.</summary>
    public MailFault? TryTrip()
    {
        while (true)
        {
            var current = Volatile.Read(ref armed);
            if (current is null)
            {
                return null;
            }

            if (current.UntilCleared)
            {
                return current.Fault;
            }

            var left = Interlocked.Decrement(ref current.Remaining);
            if (left >= 0)
            {
                if (left == 0)
                {
                    Interlocked.CompareExchange(ref armed, null, current);
                }

                return current.Fault;
            }

            // Used up by concurrent sends: disarm it (unless re-armed meanwhile) and look again.
            Interlocked.CompareExchange(ref armed, null, current);
        }
    }

    public MailFaultState State()
    {
        var current = Volatile.Read(ref armed);
        if (current is null)
        {
            return new MailFaultState(false, null, null, null);
        }

        int? remaining = current.UntilCleared ? null : Math.Max(Volatile.Read(ref current.Remaining), 0);
        return remaining == 0
            ? new MailFaultState(false, null, null, null)
            : new MailFaultState(true, current.Fault.Status, remaining, current.Fault.RetryAfterSeconds, current.Fault.HangSeconds, current.Fault.Accept ? true : null);
    }

    private sealed class Armed(MailFault fault, int count)
    {
        public readonly MailFault Fault = fault;
        public readonly bool UntilCleared = count == 0;
        public int Remaining = count;
    }
}
