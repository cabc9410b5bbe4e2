using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NetworkFunctions.Tests.Support;

namespace NetworkFunctions.Tests.SystemTests.Hosting;

[Collection(AzuriteCollection.Name)]
public sealed class LocalHostHttpTests(InMemoryHostFixture fixture) : IClassFixture<InMemoryHostFixture>
{
    HttpClient Http => fixture.Http;

    [Fact]
    public async Task Health_answers_without_a_key_with_storage_the_engine_email_and_forms_checked()
    {
        using HttpResponseMessage response = await Http.GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        JsonElement body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        JsonElement checks = body.GetProperty("checks");
        Assert.Equal(["durable", "email", "forms", "inbound", "storage"], checks.EnumerateObject().Select(c => c.Name).Order());
        Assert.All(checks.EnumerateObject(), c => Assert.Equal("Healthy", c.Value.GetProperty("status").GetString()));
    }

    [Theory]
    [InlineData("/dev/mailbox")]
    [InlineData("/dev/mailbox/messages")]
    [InlineData("/api/health")]
    public async Task A_request_for_another_host_name_is_refused_so_a_web_page_cannot_reach_the_local_host_by_DNS_rebinding(string path)
    {
        using var foreign = new HttpRequestMessage(HttpMethod.Get, path);
        foreign.Headers.Host = "attacker.example";
        using HttpResponseMessage refused = await Http.SendAsync(foreign);
        var answered = new List<HttpStatusCode>();
        foreach (string host in new[] { "localhost", "127.0.0.1", $"localhost:{fixture.Host.BaseAddress.Port}" })
        {
            using var local = new HttpRequestMessage(HttpMethod.Get, path);
            local.Headers.Host = host;
            using HttpResponseMessage response = await Http.SendAsync(local);
            answered.Add(response.StatusCode);
        }

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.DoesNotContain("mailbox", await refused.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.All(answered, status => Assert.Equal(HttpStatusCode.OK, status));
    }

    [Fact]
    public async Task A_function_level_route_answers_401_without_the_key_and_with_a_wrong_key()
    {
        using HttpResponseMessage without = await Http.PostAsync("/api/probe/orchestrations/auth-none", null);
        using var wrong = new HttpRequestMessage(HttpMethod.Post, "/api/probe/orchestrations/auth-wrong");
        wrong.Headers.Add("x-functions-key", "not-the-key");
        using HttpResponseMessage wrongResponse = await Http.SendAsync(wrong);

        Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongResponse.StatusCode);
        Assert.Null(await fixture.Host.DurableClient.GetInstanceAsync("auth-none"));
        Assert.Null(await fixture.Host.DurableClient.GetInstanceAsync("auth-wrong"));
    }

    [Fact]
    public async Task A_function_level_route_runs_with_the_key_in_the_header_or_the_code_query()
    {
        using var header = new HttpRequestMessage(HttpMethod.Post, "/api/probe/orchestrations/auth-header");
        header.Headers.Add("x-functions-key", fixture.FunctionKey);
        using HttpResponseMessage byHeader = await Http.SendAsync(header);
        using HttpResponseMessage byQuery = await Http.PostAsync($"/api/probe/orchestrations/auth-query?code={fixture.FunctionKey}", null);

        Assert.Equal(HttpStatusCode.Accepted, byHeader.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, byQuery.StatusCode);
        Assert.NotNull(await fixture.Host.DurableClient.GetInstanceAsync("auth-header"));
    }

    [Fact]
    public async Task An_admin_route_takes_the_master_key_only()
    {
        using var withFunctionKey = new HttpRequestMessage(HttpMethod.Get, "/api/probe/admin");
        withFunctionKey.Headers.Add("x-functions-key", fixture.FunctionKey);
        using var withMasterKey = new HttpRequestMessage(HttpMethod.Get, "/api/probe/admin");
        withMasterKey.Headers.Add("x-functions-key", fixture.Host.Options.MasterKey);

        Assert.Equal(HttpStatusCode.Unauthorized, (await Http.SendAsync(withFunctionKey)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Http.SendAsync(withMasterKey)).StatusCode);
    }

    [Fact]
    public async Task A_wrong_method_or_unknown_route_is_not_served()
    {
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await Http.PostAsync("/api/health", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task The_timer_function_runs_on_its_schedule()
    {
        int before = fixture.Ticks.Count;

        await Polling.UntilAsync(
            () => Task.FromResult(fixture.Ticks.Count >= before + 2 ? "ticked" : null),
            TimeSpan.FromSeconds(15),
            "two runs of the every-second probe timer");
    }

    [Fact]
    public async Task An_orchestration_with_a_sub_orchestration_and_an_event_completes_through_the_http_api()
    {
        await AssertOrchestrationRoundTripAsync(fixture.Host.BaseAddress, fixture.FunctionKey, $"inmem-{Guid.NewGuid():N}");
    }

    /// <summary>Start via HTTP, wait for the sub-orchestration to finish, raise the event, see the output.</summary>
    internal static async Task AssertOrchestrationRoundTripAsync(Uri baseAddress, string key, string instanceId)
    {
        using HttpClient http = LocalHostFixture.KeyedClient(baseAddress, key);
        Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsync($"/api/probe/orchestrations/{instanceId}?word=durable", null)).StatusCode);
        await WaitForStatusAsync(http, instanceId, s => s.GetProperty("customStatus").GetString() == "\"waiting\"", "the sub-orchestration to finish");
        Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsync($"/api/probe/orchestrations/{instanceId}/proceed?word=go", null)).StatusCode);
        JsonElement done = await WaitForStatusAsync(http, instanceId, s => s.GetProperty("status").GetString() == "Completed", "completion");
        Assert.Equal("\"DURABLE|go\"", done.GetProperty("output").GetString());
    }

    internal static async Task<JsonElement> WaitForStatusAsync(HttpClient http, string instanceId, Func<JsonElement, bool> condition, string what)
    {
        string json = await Polling.UntilAsync(async () =>
        {
            using HttpResponseMessage response = await http.GetAsync($"/api/probe/orchestrations/{instanceId}");
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return null;
            }

            string text = await response.Content.ReadAsStringAsync();
            using JsonDocument status = JsonDocument.Parse(text);
            Assert.NotEqual("Failed", status.RootElement.GetProperty("status").GetString());
            return condition(status.RootElement) ? text : null;
        }, TimeSpan.FromSeconds(60), $"{instanceId}: {what}");
        return JsonDocument.Parse(json).RootElement.Clone();
    }
}
