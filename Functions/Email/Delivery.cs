using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Options;
using NetworkFunctions.Networks;
using NetworkFunctions.Storage;

namespace NetworkFunctions.Email;

/// <summary>
/// Sends a batch of one step's emails and tells the internal consultant (the one who gets the support calls) about
/// any SendGrid refused for good: who did not get what. The notice itself is sent once per batch.
/// What went out before is found with one listing; the rest is handed to SendGrid a few at a time
/// (<see cref="EmailOptions.SendConcurrency"/>), and a failure is thrown for the retry policy only after every send
/// in flight has finished and been recorded, so a retry sends exactly what is missing.
/// </summary>
public sealed class Delivery(Mailer mailer, EmailComposer composer, NetworkStore store, IOptions<EmailOptions> options, TimeProvider clock)
{
    public async Task<int> SendAsync(Network network, IEnumerable<EmailMessage> messages, MailKey noticeKey, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<EmailMessage> batch = messages.ToList();
        IReadOnlyDictionary<MailKey, MailRecord> earlier = await mailer.EarlierRecordsAsync(batch, cancellationToken);
        var outcomes = new SendOutcome?[batch.Count];
        var failures = new ConcurrentQueue<Exception>();
        using var gate = new SemaphoreSlim(options.Value.SendConcurrency);
        await Task.WhenAll(batch.Select(async (message, i) =>
        {
            bool recorded = earlier.TryGetValue(message.Key, out MailRecord record);
            if (recorded && record != MailRecord.Intended)
            {
                outcomes[i] = record == MailRecord.Sent ? SendOutcome.AlreadySent : SendOutcome.Refused;
                return;
            }

            await gate.WaitAsync(cancellationToken);
            try
            {
                // Handed over before with no answer kept: SendGrid's activity feed says whether it went.
                outcomes[i] = recorded
                    ? await mailer.AfterAsync(message, record, cancellationToken)
                    : await mailer.DeliverAsync(message, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failures.Enqueue(e);
            }
            finally
            {
                gate.Release();
            }
        }));

        if (failures.TryPeek(out Exception? failure))
        {
            if (failures.OfType<EmailSendException>().FirstOrDefault(e => e.Failure == SendFailure.Configuration) is { } fault)
            {
                // Every mail of the network waits on this; the attention shows it on the status and the dashboard.
                await store.RaiseAttentionAsync(network.Id, new Attention(
                    AttentionKinds.EmailConfiguration, clock.GetUtcNow(), fault.Unconfigured
                        ? $"{fault.Detail} is an unresolved Key Vault reference: mail waits and goes out once the secret can be read."
                        : $"SendGrid answered {(int)fault.Status}: the app's key or sender is refused; mail waits and goes out once it is fixed."), cancellationToken);
            }

            ExceptionDispatchInfo.Throw(failure);
        }

        if (outcomes.Any(o => o == SendOutcome.Sent) && await store.ClearAttentionAsync(network.Id, AttentionKinds.EmailConfiguration, null, null, cancellationToken))
        {
            // Mail works again: the consultant hears of it by mail now, since mail was what broke.
            // A failure of this notice leaves the step's own mails as they are (sent and recorded).
            DateTimeOffset now = clock.GetUtcNow();
            try
            {
                await mailer.SendAsync(composer.ConsultantNotice(network, "recovered", [new DetailRow(composer.Text(network.Language, "recovered_row"), now.ToString("u", System.Globalization.CultureInfo.InvariantCulture))],
                    new MailKey(network.Id, MailKinds.NetworkWide, "email-recovered", MailKinds.Consultant, (int)(now.ToUnixTimeSeconds() / 60))), cancellationToken);
            }
            catch (EmailSendException)
            {
                // Logged by the mailer; the attention is cleared, and the dashboard shows the network is well.
            }
        }

        List<EmailMessage> refused = batch.Where((_, i) => outcomes[i] == SendOutcome.Refused).ToList();
        if (refused.Count > 0)
        {
            DetailRow[] rows = [.. refused.Select(m => new DetailRow($"{m.To.Name} <{m.To.Email}>", m.Subject))];
            await mailer.SendAsync(composer.ConsultantNotice(network, "delivery", rows, noticeKey), cancellationToken);
        }

        return outcomes.Count(o => o == SendOutcome.Sent);
    }
}
