using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NetworkFunctions.Email;
using NetworkFunctions.Hosting;
using NetworkFunctions.Networks;
using NetworkFunctions.Storage;
using NetworkFunctions.Tests.SystemTests.EndToEnd;
using NetworkFunctions.Tests.Support;

namespace NetworkFunctions.Tests.SystemTests.Security;

/// <summary>
/// The right to erasure and access: after a whole (compressed) year, removing a member leaves nothing of them in any
/// stored document — answers, agendas, carry-overs, survey summaries, the report — and the export shows what was held.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ErasureTests(InMemoryHostFixture fixture) : IClassFixture<InMemoryHostFixture>
{
    static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Removing_a_member_erases_them_from_every_stored_document()
    {
        using HttpClient http = fixture.Api();
        var mailbox = new Mailbox(http);
        string tag = Guid.NewGuid().ToString("N")[..10];
        string id = $"erase-{tag}";
        string anne = CompressedYear.Email("anne", tag);
        var schedule = new JsonObject
        {
            ["invitationLead"] = "PT15S", ["contributionDeadlineLead"] = "PT7S", ["reminderLeads"] = new JsonArray("PT3S"),
            ["finalAgendaLead"] = "PT3S", ["surveyDelay"] = "PT1S", ["surveyOpenFor"] = "PT8S", ["surveyReminderAfter"] = "PT4S",
        };
        Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsJsonAsync("/api/networks", CompressedYear.Document(id, DateTimeOffset.UtcNow, [15], schedule, tag, length: 3))).StatusCode);

        using var forms = new HttpClient();
        ReceivedMail invitation = (await mailbox.WaitForAsync(m => m.Recipient == anne && m.Subject.StartsWith("Invitation"), 1, Wait, "Anne's invitation"))[0];
        Assert.Equal(HttpStatusCode.OK, (await forms.PostAsync(invitation.FormLink, new FormUrlEncodedContent(
            [new("attendance", "yes"), new("type", "theme"), new("title", "Annes hemmelige tema"), new("description", "Kun Anne ved det")]))).StatusCode);
        ReceivedMail survey = (await mailbox.WaitForAsync(m => m.Recipient == anne && m.Subject.StartsWith("Hvordan var"), 1, Wait, "Anne's survey"))[0];
        Assert.Equal(HttpStatusCode.OK, (await forms.PostAsync(survey.FormLink, new FormUrlEncodedContent(
            [new("usefulness", "5"), new("relations", "5"), new("courage", "5"), new("worked", "Annes egne ord om mødet"), new("improve", ""), new("nextThemes", "")]))).StatusCode);
        await mailbox.WaitForAsync(m => m.Recipient.Contains($".{tag}@") && m.Subject.StartsWith("Årsrapport"), 3, Wait, "the year-end report");

        string[] traces = ["Anne Andersen", anne, "Annes hemmelige tema", "Kun Anne ved det", "Annes egne ord"];
        Assert.Contains(await StoredTextsAsync(id), text => traces.Any(t => text.Contains(t)));
        JsonNode export = (await http.GetFromJsonAsync<JsonNode>($"/api/networks/{id}/members/{anne}"))!;
        Assert.Equal("Annes hemmelige tema", export["answers"]![0]!["contributions"]![0]!["title"]!.GetValue<string>());
        Assert.Equal("Annes egne ord om mødet", export["surveys"]![0]!["worked"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.NoContent, (await http.DeleteAsync($"/api/networks/{id}/members/{anne}")).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/api/networks/{id}/members/{anne}")).StatusCode);
        IReadOnlyList<string> stored = await StoredTextsAsync(id);
        Assert.NotEmpty(stored);
        Assert.DoesNotContain(stored, text => traces.Any(t => text.Contains(t, StringComparison.OrdinalIgnoreCase)));
        string agenda = await http.GetStringAsync($"/api/networks/{id}/meetings/1/agenda");
        Assert.Contains("Fra frustration til handlemuligheder", agenda);
    }

    [Theory]
    [InlineData("a second DELETE")]
    [InlineData("housekeeping")]
    public async Task An_erasure_whose_request_died_half_way_is_finished(string by)
    {
        using HttpClient http = fixture.Api();
        var mailbox = new Mailbox(http);
        string tag = Guid.NewGuid().ToString("N")[..10];
        string id = $"erase-died-{tag}";
        string anne = CompressedYear.Email("anne", tag);
        var schedule = new JsonObject
        {
            ["invitationLead"] = "PT60S", ["contributionDeadlineLead"] = "PT30S", ["reminderLeads"] = new JsonArray("PT3S"),
            ["finalAgendaLead"] = "PT3S", ["surveyDelay"] = "PT1S", ["surveyOpenFor"] = "PT8S", ["surveyReminderAfter"] = "PT4S",
        };
        Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsJsonAsync("/api/networks", CompressedYear.Document(id, DateTimeOffset.UtcNow, [60], schedule, tag, length: 3))).StatusCode);
        ReceivedMail invitation = (await mailbox.WaitForAsync(m => m.Recipient == anne && m.Subject.StartsWith("Invitation"), 1, Wait, "Anne's invitation"))[0];
        using var forms = new HttpClient();
        Assert.Equal(HttpStatusCode.OK, (await forms.PostAsync(invitation.FormLink, new FormUrlEncodedContent(
            [new("attendance", "yes"), new("type", "theme"), new("title", "Annes hemmelige tema")]))).StatusCode);

        // What a DELETE leaves when it dies after journaling and removing the member, before erasing the documents.
        var store = fixture.Host.Services.GetRequiredService<NetworkStore>();
        (Network network, Azure.ETag etag) = (await store.LoadNetworkAsync(id))!.Value;
        Member member = network.FindMemberByEmail(anne)!;
        await store.BeginErasureAsync(id, new ErasureRecord(MemberKeys.Of(id, anne), member.Id, DateTimeOffset.UtcNow));
        Assert.True(await store.SaveNetworkAsync(network with { Members = [.. network.Members.Where(m => m.Id != member.Id)] }, etag));
        Assert.Contains(await StoredTextsAsync(id), text => text.Contains("Annes hemmelige tema", StringComparison.Ordinal));

        if (by == "housekeeping")
        {
            using var admin = LocalHostFixture.KeyedClient(fixture.Host.BaseAddress, fixture.MasterKey);
            Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsJsonAsync("/admin/functions/Housekeeping", new { input = "" })).StatusCode);
            await Polling.UntilAsync(async () => (await store.LoadErasuresAsync(id)).Count == 0 ? "done" : null, Wait, "housekeeping to finish the erasure");
        }
        else
        {
            Assert.Equal(HttpStatusCode.Accepted, (await http.DeleteAsync($"/api/networks/{id}/members/{anne}")).StatusCode);
            Assert.Empty(await store.LoadErasuresAsync(id));
        }

        Assert.DoesNotContain(await StoredTextsAsync(id), text => text.Contains("Annes hemmelige tema", StringComparison.Ordinal) || text.Contains(member.Id, StringComparison.Ordinal) && text.Contains("attendance", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await http.DeleteAsync($"/api/networks/{id}/members/{anne}")).StatusCode);
    }

    /// <summary>Every blob of the network in the documents container, as text (images and other binaries skipped).</summary>
    async Task<IReadOnlyList<string>> StoredTextsAsync(string networkId)
    {
        string container = fixture.Host.Services.GetRequiredService<IOptions<NetworkOptions>>().Value.DocumentsContainer;
        BlobContainerClient documents = new BlobServiceClient(fixture.Host.StorageConnectionString).GetBlobContainerClient(container);
        var texts = new List<string>();
        await foreach (BlobItem blob in documents.GetBlobsAsync(BlobTraits.None, BlobStates.None, $"networks/{networkId}/", CancellationToken.None))
        {
            if (!blob.Name.EndsWith(".png", StringComparison.Ordinal))
            {
                texts.Add(System.Net.WebUtility.HtmlDecode((await documents.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToString()));
            }
        }

        return texts;
    }
}
