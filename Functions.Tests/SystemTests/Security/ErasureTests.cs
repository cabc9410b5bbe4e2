using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NetworkFunctions.Agenda;
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
        JsonObject schedule = CompressedYear.QuickSchedule();
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
        string anneId = await Roster.IdOfAsync(http, id, anne);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync($"/api/networks/{id}/members/{anne}")).StatusCode);
        JsonNode export = (await http.GetFromJsonAsync<JsonNode>($"/api/networks/{id}/members/{anneId}"))!;
        Assert.Equal("Annes hemmelige tema", export["answers"]![0]!["contributions"]![0]!["title"]!.GetValue<string>());
        Assert.Equal("Annes egne ord om mødet", export["surveys"]![0]!["worked"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.NoContent, (await http.DeleteAsync($"/api/networks/{id}/members/{anneId}")).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/api/networks/{id}/members/{anneId}")).StatusCode);
        IReadOnlyList<string> stored = await StoredTextsAsync(id);
        Assert.NotEmpty(stored);
        Assert.DoesNotContain(stored, text => traces.Any(t => text.Contains(t, StringComparison.OrdinalIgnoreCase)));
        string agenda = await http.GetStringAsync($"/api/networks/{id}/meetings/1/agenda");
        Assert.Contains("Fra frustration til handlemuligheder", agenda);
    }

    [Theory]
    [InlineData("a second DELETE")]
    [InlineData("a second DELETE, of a journal named by the address's hash")]
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
        string key = by.EndsWith("hash", StringComparison.Ordinal)
            ? Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{id}\n{anne}")))
            : member.Id;
        await store.BeginErasureAsync(id, new ErasureRecord(key, member.Id, DateTimeOffset.UtcNow));
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
            Assert.Equal(HttpStatusCode.Accepted, (await http.DeleteAsync($"/api/networks/{id}/members/{member.Id}")).StatusCode);
            Assert.Empty(await store.LoadErasuresAsync(id));
        }

        Assert.DoesNotContain(await StoredTextsAsync(id), text => text.Contains("Annes hemmelige tema", StringComparison.Ordinal) || text.Contains(member.Id, StringComparison.Ordinal) && text.Contains("attendance", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await http.DeleteAsync($"/api/networks/{id}/members/{member.Id}")).StatusCode);
    }

    [Fact]
    public async Task An_agenda_rewritten_while_another_writer_stores_a_new_version_loses_the_member_from_theirs()
    {
        (NetworkStore store, AgendaDocuments agendas, MeetingContext c) = await StoredNetworkAsync();
        await agendas.WriteAsync(c, AgendaOf(c, ("a", "Annes tema"), ("b", "Bos tema")));

        // Between the erasure's read and its write, another writer stores a version with a third contribution.
        bool came = false;
        Assert.True(await agendas.RewriteAsync(c, agenda =>
        {
            if (!came)
            {
                came = true;
                Assert.True(agendas.WriteAsync(c, AgendaOf(c, ("a", "Annes tema"), ("b", "Bos tema"), ("c", "Cecilies tema"))).GetAwaiter().GetResult());
            }

            return AgendaDocuments.Without(agenda, "a");
        }));

        string page = await store.ReadMeetingDocumentAsync(c.Network.Id, 1, MeetingDocument.AgendaPage) ?? "";
        string json = await store.ReadMeetingDocumentAsync(c.Network.Id, 1, MeetingDocument.AgendaJson) ?? "";
        foreach (string stored in new[] { page, json })
        {
            Assert.DoesNotContain("Annes tema", stored, StringComparison.Ordinal);
            Assert.Contains("Bos tema", stored, StringComparison.Ordinal);
            Assert.Contains("Cecilies tema", stored, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_document_built_while_the_network_changed_is_built_again_from_the_new_network()
    {
        (NetworkStore store, _, MeetingContext c) = await StoredNetworkAsync();
        var seen = new List<int>();

        int members = await store.BuildOnUnchangedNetworkAsync(c.Network.Id, async network =>
        {
            seen.Add(network.Members.Count);
            if (seen.Count == 1)
            {
                // A member is erased while the document is being built from the network that still has them.
                (Network current, Azure.ETag etag) = (await store.LoadNetworkAsync(network.Id))!.Value;
                Assert.True(await store.SaveNetworkAsync(current with { Members = [.. current.Members.Where(m => m.Id != "a")] }, etag));
            }

            return network.Members.Count;
        });

        Assert.Equal([3, 2], seen);
        Assert.Equal(2, members);
    }

    /// <summary>A network of three members (a, b, c) stored under a fresh id, and its meeting 1.</summary>
    async Task<(NetworkStore Store, AgendaDocuments Agendas, MeetingContext Meeting)> StoredNetworkAsync()
    {
        var store = fixture.Host.Services.GetRequiredService<NetworkStore>();
        Network network = DomainFixtures.Network() with { Id = $"rewrite-{Guid.NewGuid():N}"[..20] };
        Assert.True(await store.CreateNetworkAsync(network));
        return (store, fixture.Host.Services.GetRequiredService<AgendaDocuments>(), MeetingContext.Of(network, 1));
    }

    static MeetingAgenda AgendaOf(MeetingContext c, params (string Member, string Title)[] themes) => AgendaAssembler.Assemble(new AgendaInput(
        1, c.Meeting.Start, c.Meeting.End, DirectorWelcome: false,
        [.. themes.Select(t => new AgendaCandidate(t.Member, "Navn " + t.Member, DomainFixtures.Teknik, new Contribution(ContributionType.Theme, t.Title, ""), DomainFixtures.Now, 1))],
        []));

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
