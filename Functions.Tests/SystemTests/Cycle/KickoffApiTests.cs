using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NetworkFunctions.Tests.SystemTests.EndToEnd;
using NetworkFunctions.Tests.Support;

namespace NetworkFunctions.Tests.SystemTests.Cycle;

/// <summary>The kickoff endpoint's answers to bad input: problem+json with every field error, 409, 413, 415, 401.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class KickoffApiTests(InMemoryHostFixture fixture) : IClassFixture<InMemoryHostFixture>
{
    [Fact]
    public async Task Reports_every_violation_as_problem_json_field_errors()
    {
        using HttpClient http = fixture.Api();
        JsonObject document = CompressedYear.Document("bad-doc", DateTimeOffset.UtcNow.AddDays(30), [0, 60], CompressedYear.DefaultSchedule(), null);
        document["language"] = "fr";
        document["members"]![0]!["email"] = "not-an-email";
        document["members"]![1]!["department"] = "Center for Ingenting";
        document["meetings"]![1]!["start"] = "2020-01-01T09:00:00+01:00"; // in the past, longer than 12 h, overlapping meeting 1
        document["colour"] = "blue";

        using HttpResponseMessage response = await http.PostAsJsonAsync("/api/networks", document);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        JsonElement errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(
            new[] { "colour", "language", "meetings[0].start", "meetings[1].end", "meetings[1].start", "members[0].email", "members[1].department" }.Order(),
            errors.EnumerateObject().Select(e => e.Name).Order());
    }

    [Fact]
    public async Task Refuses_a_running_network_id_with_409()
    {
        using HttpClient http = fixture.Api();
        string id = $"twice-{Guid.NewGuid():N}"[..20];
        JsonObject document = CompressedYear.Document(id, DateTimeOffset.UtcNow, [3600], CompressedYear.DefaultSchedule(), Guid.NewGuid().ToString("N")[..8]);

        Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsJsonAsync("/api/networks", document)).StatusCode);
        using HttpResponseMessage second = await http.PostAsJsonAsync("/api/networks", document);

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType!.MediaType);
    }

    [Theory]
    [InlineData("{", HttpStatusCode.BadRequest)]
    [InlineData("[1,2,3]", HttpStatusCode.BadRequest)]
    [InlineData("{\"a\":{\"b\":{\"c\":{\"d\":{\"e\":{\"f\":{\"g\":{\"h\":{\"i\":{\"j\":{\"k\":{\"l\":{\"m\":{\"n\":{\"o\":{\"p\":{\"q\":1}}}}}}}}}}}}}}}}}", HttpStatusCode.BadRequest)]
    public async Task Refuses_malformed_or_deeply_nested_json_with_400(string body, HttpStatusCode expected)
    {
        using HttpClient http = fixture.Api();
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        using HttpResponseMessage response = await http.PostAsync("/api/networks", content);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Refuses_another_content_type_with_415_and_a_huge_body_with_413()
    {
        using HttpClient http = fixture.Api();

        using HttpResponseMessage text = await http.PostAsync("/api/networks", new StringContent("{}", Encoding.UTF8, "text/plain"));
        using HttpResponseMessage huge = await http.PostAsync("/api/networks", new StringContent("{\"name\":\"" + new string('x', 2_000_000) + "\"}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, text.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
    }

    [Fact]
    public async Task Needs_the_function_key()
    {
        using var http = new HttpClient { BaseAddress = fixture.Host.BaseAddress };

        Assert.Equal(HttpStatusCode.Unauthorized, (await http.PostAsync("/api/networks", JsonContent.Create(new { }))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/networks/anything")).StatusCode);
    }

    [Fact]
    public async Task Answers_404_for_an_unknown_network_agenda_or_report()
    {
        using HttpClient http = fixture.Api();

        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/networks/no-such-network")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/networks/no-such-network/meetings/1/agenda")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/networks/no-such-network/report")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/networks/NOT_VALID/report")).StatusCode);
    }
}
