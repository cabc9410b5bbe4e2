using Microsoft.Azure.Functions.Worker;
using NetworkFunctions.Durable;
using NetworkFunctions.Email;
using NetworkFunctions.Networks;
using NetworkFunctions.Reports;
using NetworkFunctions.Storage;

namespace NetworkFunctions.Cycle;

/// <summary>The network-wide steps: the kickoff confirmation to the director and the year-end report.</summary>
public sealed class NetworkActivities(NetworkStore store, YearReportDocuments reports, Delivery delivery, NetworkMessages messages, TimeProvider clock)
{
    /// <summary>The director's confirmation: the year plan, an .ics with every meeting and the departments still missing.</summary>
    [Function(nameof(SendKickoffConfirmation))]
    public async Task<StepResult> SendKickoffConfirmation([ActivityTrigger] NetworkRef reference)
    {
        Network network = await store.RequireNetworkAsync(reference.NetworkId);
        return await SendAsync(network, MailKinds.Kickoff, [messages.KickoffConfirmation(network, clock.GetUtcNow())]);
    }

    /// <summary>The year-end report: figures from every answer, two charts, stored as HTML with the charts embedded.</summary>
    [Function(nameof(BuildYearReport))]
    public async Task<StepResult> BuildYearReport([ActivityTrigger] NetworkRef reference)
    {
        await store.BuildOnUnchangedNetworkAsync(reference.NetworkId, async network =>
        {
            await reports.WriteAsync(network);
            return true;
        });
        return StepResult.Nothing;
    }

    /// <summary>The year-end report to the director, the facilitator and the internal consultant, charts inline.</summary>
    [Function(nameof(SendYearReport))]
    public async Task<StepResult> SendYearReport([ActivityTrigger] NetworkRef reference)
    {
        Network network = await store.RequireNetworkAsync(reference.NetworkId);
        var report = new DocumentParts(
            await store.ReadReportDocumentAsync(network.Id, ReportDocument.Body) ?? "",
            await store.ReadReportDocumentAsync(network.Id, ReportDocument.Text) ?? "");
        EmailAttachment[] charts = [.. (await reports.ReadChartsAsync(network.Id)).Select(c => new EmailAttachment(c.Name + ".png", "image/png", c.Png, c.Name))];
        return await SendAsync(network, MailKinds.Report, NetworkMessages.ReportRecipients(network)
            .Select(p => messages.YearReport(network, p.Person, p.Key, report, charts)));
    }

    async Task<StepResult> SendAsync(Network network, string kind, IEnumerable<EmailMessage> batch) =>
        new(await delivery.SendAsync(network, batch, MailKey.DeliveryNotice(network.Id, MailKinds.NetworkWide, kind, 0)));
}
