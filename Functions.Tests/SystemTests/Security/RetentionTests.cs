using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NetworkFunctions.Email;
using NetworkFunctions.Hosting;
using NetworkFunctions.Networks;
using NetworkFunctions.Storage;
using NetworkFunctions.Tests.SystemTests.EndToEnd;
using NetworkFunctions.Tests.Support;
using Xunit.Abstractions;

namespace NetworkFunctions.Tests.SystemTests.Security;

/// <summary>
/// Retention on the real host (AzureStorage engine on Azurite) with <c>Network:RetentionDays = 0</c>: a finished network's
/// personal data — every document and sent-mail record under its folder, and its orchestration history — is purged by
/// the housekeeping timer, run through Azure's admin API; a running network is left alone; the logs name ids only.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class RetentionTests(NoRetentionHostFixture fixture, ITestOutputHelper output) : IClassFixture<NoRetentionHostFixture>
{
    static readonly TimeSpan Wait = TimeSpan.FromSeconds(45);

    /// <summary>One 2-second meeting 10 s after kickoff: invitation at once, deadline at +4 s, survey closing at +17 s.</summary>
    static readonly JsonObject ShortSchedule = new()
    {
        ["invitationLead"] = "PT10S",
        ["contributionDeadlineLead"] = "PT6S",
        ["reminderLeads"] = new JsonArray("PT2S"),
        ["finalAgendaLead"] = "PT3S",
        ["surveyDelay"] = "PT1S",
        ["surveyOpenFor"] = "PT4S",
        ["surveyReminderAfter"] = "PT2S",
    };

    [Fact]
    public async Task Housekeeping_purges_a_finished_network_and_leaves_a_running_one()
    {
        using HttpClient http = fixture.Api();
        var mailbox = new Mailbox(http);
        string doneTag = Guid.NewGuid().ToString("N")[..10];
        string runningTag = Guid.NewGuid().ToString("N")[..10];
        string done = $"retention-done-{doneTag}";
        string running = $"retention-running-{runningTag}";
        DateTimeOffset now = DateTimeOffset.UtcNow;

        Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsJsonAsync("/api/networks", CompressedYear.Document(done, now, [10], ShortSchedule.DeepClone().AsObject(), doneTag, length: 2))).StatusCode);
        JsonObject runningDocument = CompressedYear.Document(running, now, [(int)TimeSpan.FromDays(20).TotalSeconds], new JsonObject(), runningTag, length: 7200);
        runningDocument.Remove("schedule"); // the default schedule: invitations now, everything else days away
        Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsJsonAsync("/api/networks", runningDocument)).StatusCode);

        // The short network runs its year (one answer, so answers are stored too); the long one sends its invitations.
        using var forms = new HttpClient();
        ReceivedMail invitation = (await mailbox.WaitForAsync(m => m.Recipient == CompressedYear.Email("anne", doneTag) && m.Subject.StartsWith("Invitation"), 1, Wait, "Anne's invitation"))[0];
        Assert.Equal(HttpStatusCode.OK, (await forms.PostAsync(invitation.FormLink, new FormUrlEncodedContent(
            [new("attendance", "yes"), new("type", "theme"), new("title", "Annes tema"), new("description", "Kun til netværket")]))).StatusCode);
        await mailbox.WaitForAsync(m => m.Recipient.Contains($".{runningTag}@") && m.Subject.StartsWith("Invitation"), 6, Wait, "invitations of the running network");
        await mailbox.WaitForAsync(m => m.Recipient.Contains($".{doneTag}@") && m.Subject.StartsWith("Årsrapport"), 3, Wait, "the year-end report of the short network");
        await Polling.UntilAsync(async () => await RuntimeStatusAsync(http, done) == "Completed" ? "done" : null, Wait, "the short network to complete");

        BlobContainerClient documents = Documents();
        IReadOnlyDictionary<string, string> doneBefore = await NetworkBlobsAsync(documents, done);
        IReadOnlyDictionary<string, string> runningBefore = await NetworkBlobsAsync(documents, running);
        Assert.Contains(doneBefore.Keys, name => name.Contains("/sent/", StringComparison.Ordinal));
        Assert.Contains(doneBefore.Keys, name => name.Contains("/answers/", StringComparison.Ordinal));
        Assert.Contains(doneBefore.Keys, name => name.EndsWith("/report/report.html", StringComparison.Ordinal));
        Assert.Contains(runningBefore.Keys, name => name.Contains("/sent/", StringComparison.Ordinal));
        string[] doneInstances = [done, $"{done}:meeting:1"];
        DurableTaskClient client = fixture.Host.DurableClient;
        foreach (string instance in doneInstances)
        {
            Assert.Equal(OrchestrationRuntimeStatus.Completed, (await client.GetInstanceAsync(instance))?.RuntimeStatus);
        }

        int hubRowsBefore = (await TaskHubAsync()).Count(text => text.Contains(done, StringComparison.Ordinal));
        Assert.True(hubRowsBefore > 0, "the task hub holds the finished network's history before the purge");

        // Run the daily housekeeping now, as an operator would in Azure.
        using var invoke = new HttpRequestMessage(HttpMethod.Post, "/admin/functions/Housekeeping") { Content = JsonContent.Create(new { input = "" }) };
        invoke.Headers.Add("x-functions-key", fixture.MasterKey);
        Assert.Equal(HttpStatusCode.Accepted, (await fixture.Http.SendAsync(invoke)).StatusCode);

        string purged = await Polling.UntilAsync(
            () => Task.FromResult(fixture.Logs.Lines.FirstOrDefault(l => l.Contains($"Retention: purged network {done} ", StringComparison.Ordinal))),
            Wait,
            "the purge to be logged");
        Assert.Contains($"({doneBefore.Count} documents, 2 instances)", purged);

        // The finished network: no documents, no instances, no history rows; the API knows it no more.
        Assert.Empty(await NetworkBlobsAsync(documents, done));
        foreach (string instance in doneInstances)
        {
            Assert.Null(await client.GetInstanceAsync(instance));
        }

        Assert.DoesNotContain(await TaskHubAsync(), text => text.Contains(done, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/api/networks/{done}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/api/networks/{done}/report")).StatusCode);

        // The running network: every document as it was, its instance still running; nothing else in the container.
        Assert.Equal(runningBefore, await NetworkBlobsAsync(documents, running));
        Assert.Equal(runningBefore.Keys, (await BlobsAsync(documents, prefix: "")).Keys);
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await client.GetInstanceAsync(running))?.RuntimeStatus);
        Assert.Equal("Running", await RuntimeStatusAsync(http, running));

        // The logs: the purge line names the network by id; no name or address of either network anywhere.
        string[] personal = CompressedYear.Members.Select(m => m.Name)
            .Concat(["Dorte Direktør", "Frida Facilitator", "Kim Konsulent", "Annes tema", "Kun til netværket"])
            .Concat(new[] { doneTag, runningTag }.SelectMany(tag => new[] { "anne", "bo", "cecilie", "dennis", "eva", "direktor", "facilitator", "konsulent" }
                .Select(member => CompressedYear.Email(member, tag))))
            .ToArray();
        IReadOnlyList<string> logs = fixture.Logs.Lines;
        Assert.DoesNotContain(logs, line => personal.Any(p => line.Contains(p, StringComparison.OrdinalIgnoreCase)));
        Assert.DoesNotContain(logs, line => line.Contains("@example.org", StringComparison.OrdinalIgnoreCase));
        output.WriteLine($"{purged.Split('|')[0].Trim()}; before: {doneBefore.Count} blobs of the finished network, {runningBefore.Count} of the running one, {hubRowsBefore} task hub rows and messages of the finished network");
    }

    BlobContainerClient Documents() =>
        new BlobServiceClient(fixture.Host.StorageConnectionString)
            .GetBlobContainerClient(fixture.Host.Services.GetRequiredService<IOptions<NetworkOptions>>().Value.DocumentsContainer);

    /// <summary>Every blob under the network's folder, by name, with its ETag (so a rewrite shows).</summary>
    static Task<IReadOnlyDictionary<string, string>> NetworkBlobsAsync(BlobContainerClient documents, string networkId) =>
        BlobsAsync(documents, prefix: $"networks/{networkId}/");

    /// <summary>Every blob whose name starts with the prefix ("" for the whole container).</summary>
    static async Task<IReadOnlyDictionary<string, string>> BlobsAsync(BlobContainerClient documents, string prefix)
    {
        var blobs = new SortedDictionary<string, string>(StringComparer.Ordinal);
        await foreach (BlobItem blob in documents.GetBlobsAsync(BlobTraits.None, BlobStates.Snapshots | BlobStates.Uncommitted, prefix, CancellationToken.None))
        {
            blobs[blob.Name] = blob.Properties.ETag?.ToString() ?? "";
        }

        return blobs;
    }

    Task<IReadOnlyList<string>> TaskHubAsync() => TaskHubContents.ReadAsync(fixture.Host.StorageConnectionString, fixture.Host.Options.TaskHub);

    static async Task<string?> RuntimeStatusAsync(HttpClient http, string networkId) =>
        (await http.GetFromJsonAsync<JsonElement>($"/api/networks/{networkId}")).GetProperty("runtimeStatus").GetString();
}
