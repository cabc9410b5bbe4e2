using System.Net;
using System.Net.Http.Json;
using System.Text;
using MiniExcelLibs;
using NetworkFunctions.Tests.SystemTests.EndToEnd;
using NetworkFunctions.Tests.Support;

namespace NetworkFunctions.Tests.SystemTests.Overview;

/// <summary>The export through HTTP on the local host (in-memory engine, Azurite): a network kicked off and one member answering.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ExportApiTests(InMemoryHostFixture fixture) : IClassFixture<InMemoryHostFixture>
{
    static readonly TimeSpan Wait = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task The_consultant_downloads_the_year_as_a_workbook_and_as_csv_with_the_key()
    {
        string tag = Guid.NewGuid().ToString("N")[..10];
        string id = $"export-{tag}";
        using HttpClient http = fixture.Api();
        using (HttpResponseMessage kickoff = await http.PostAsJsonAsync("/api/networks", CompressedYear.Document(id, DateTimeOffset.UtcNow, [60], CompressedYear.DefaultSchedule(), tag)))
        {
            Assert.Equal(HttpStatusCode.Accepted, kickoff.StatusCode);
        }

        var mailbox = new Mailbox(http);
        ReceivedMail invitation = (await mailbox.WaitForAsync(
            m => m.Recipient == CompressedYear.Email("anne", tag) && m.Subject.StartsWith("Invitation", StringComparison.Ordinal), 1, Wait, "Anne's invitation")).Single();
        using var forms = new HttpClient();
        using (HttpResponseMessage answered = await forms.PostAsync(invitation.FormLink, new FormUrlEncodedContent(
            [new("attendance", "yes"), new("type", "theme"), new("title", "=Frivillige; og foreninger"), new("description", "")])))
        {
            Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        }

        using HttpResponseMessage workbook = await http.GetAsync($"/api/networks/{id}/export.xlsx");
        Assert.Equal(HttpStatusCode.OK, workbook.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", workbook.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"{id}.xlsx", workbook.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal("no-store", workbook.Headers.CacheControl?.ToString());
        using (var stream = new MemoryStream(await workbook.Content.ReadAsByteArrayAsync()))
        {
            Assert.Equal(["Medlemmer", "Fremmøde", "Bidrag", "Evaluering", "Tilsagn"], stream.GetSheetNames());
            var contributions = stream.Query(useHeaderRow: true, sheetName: "Bidrag").Cast<IDictionary<string, object>>().ToList();
            Assert.Equal("=Frivillige; og foreninger", Assert.Single(contributions)["Titel"]);
        }

        string attendance = Encoding.UTF8.GetString(await http.GetByteArrayAsync($"/api/networks/{id}/export.csv"));
        Assert.StartsWith("\uFEFFMøde;Dato;Navn;Center;Inviteret;Tilmelding;Kom\r\n", attendance, StringComparison.Ordinal);
        Assert.Contains(";ja;ja;\"intet referat sendt\"", attendance, StringComparison.Ordinal);
        string contributionsCsv = Encoding.UTF8.GetString(await http.GetByteArrayAsync($"/api/networks/{id}/export.csv?table=contributions"));
        Assert.Contains("\"'=Frivillige; og foreninger\"", contributionsCsv, StringComparison.Ordinal);

        using HttpResponseMessage badTable = await http.GetAsync($"/api/networks/{id}/export.csv?table=everything");
        Assert.Equal(HttpStatusCode.BadRequest, badTable.StatusCode);
        Assert.Equal("application/problem+json", badTable.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"table\"", await badTable.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Needs_the_key_and_answers_404_for_an_unknown_network()
    {
        using var anonymous = new HttpClient { BaseAddress = fixture.Host.BaseAddress };
        using HttpClient http = fixture.Api();

        using HttpResponseMessage noKey = await anonymous.GetAsync("/api/networks/no-such-network/export.xlsx");
        using HttpResponseMessage noKeyCsv = await anonymous.GetAsync("/api/networks/no-such-network/export.csv");
        using HttpResponseMessage unknown = await http.GetAsync("/api/networks/no-such-network/export.xlsx");
        using HttpResponseMessage invalid = await http.GetAsync("/api/networks/NOT_AN_ID/export.csv");

        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, noKeyCsv.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, invalid.StatusCode);
    }
}
