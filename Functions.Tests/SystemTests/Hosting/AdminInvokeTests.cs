using System.Net;
using System.Text;
using Microsoft.Azure.Functions.Worker;
using NetworkFunctions.Tests.Support;

namespace NetworkFunctions.Tests.SystemTests.Hosting;

/// <summary>
/// Azure's admin API for running a non-HTTP function on demand (<c>POST /admin/functions/{name}</c>, master key only),
/// on the local host, with the probe timers that are due once a year so every run in the test is one it asked for.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AdminInvokeTests(InMemoryHostFixture fixture) : IClassFixture<InMemoryHostFixture>
{
    static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    HttpClient Http => fixture.Http;

    HttpRequestMessage Invoke(string function, string? key, string? body = "{\"input\": \"\"}")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/admin/functions/{function}");
        if (key is not null)
        {
            request.Headers.Add("x-functions-key", key);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        return request;
    }

    async Task<TimerInfo> NextRunAsync(int before) =>
        await Polling.UntilAsync(
            () => Task.FromResult(fixture.OnDemand.Runs.Count > before ? fixture.OnDemand.Runs[before] : null),
            Wait,
            "the on-demand probe timer to run");

    [Fact]
    public async Task Runs_a_timer_function_with_the_master_key_and_answers_202()
    {
        int before = fixture.OnDemand.Runs.Count;

        using HttpResponseMessage response = await Http.SendAsync(Invoke(nameof(ProbeOnDemandTimers.ProbeYearly), fixture.MasterKey));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        TimerInfo run = await NextRunAsync(before);
        Assert.False(run.IsPastDue);
        Assert.NotNull(run.ScheduleStatus);
        Assert.True(run.ScheduleStatus.Next > DateTime.UtcNow, "the next run is the schedule's next occurrence");
    }

    [Fact]
    public async Task Takes_the_master_key_in_the_code_query_and_an_empty_body()
    {
        int before = fixture.OnDemand.Runs.Count;

        using HttpResponseMessage empty = await Http.PostAsync($"/admin/functions/{nameof(ProbeOnDemandTimers.ProbeYearly)}?code={fixture.MasterKey}", null);
        await NextRunAsync(before);
        using HttpResponseMessage braces = await Http.SendAsync(Invoke("probeyearly", fixture.MasterKey, "{}"));

        Assert.Equal(HttpStatusCode.Accepted, empty.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, braces.StatusCode);
        await NextRunAsync(before + 1);
    }

    [Fact]
    public async Task Answers_401_without_the_master_key_and_runs_nothing()
    {
        int before = fixture.OnDemand.Runs.Count;

        using HttpResponseMessage none = await Http.SendAsync(Invoke(nameof(ProbeOnDemandTimers.ProbeYearly), key: null));
        using HttpResponseMessage functionKey = await Http.SendAsync(Invoke(nameof(ProbeOnDemandTimers.ProbeYearly), fixture.FunctionKey));
        using HttpResponseMessage wrong = await Http.SendAsync(Invoke(nameof(ProbeOnDemandTimers.ProbeYearly), "not-the-key"));
        using HttpResponseMessage functionKeyInQuery = await Http.PostAsync($"/admin/functions/{nameof(ProbeOnDemandTimers.ProbeYearly)}?code={fixture.FunctionKey}", null);

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, functionKey.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, functionKeyInQuery.StatusCode);
        await Task.Delay(500);
        Assert.Equal(before, fixture.OnDemand.Runs.Count);
    }

    [Fact]
    public async Task Answers_404_problem_for_an_unknown_function()
    {
        using HttpResponseMessage response = await Http.SendAsync(Invoke("NoSuchFunction", fixture.MasterKey));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("NoSuchFunction", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Answers_400_for_a_body_that_is_not_an_invocation_or_a_function_it_cannot_run_on_demand()
    {
        using HttpResponseMessage notJson = await Http.SendAsync(Invoke(nameof(ProbeOnDemandTimers.ProbeYearly), fixture.MasterKey, "input="));
        using HttpResponseMessage notString = await Http.SendAsync(Invoke(nameof(ProbeOnDemandTimers.ProbeYearly), fixture.MasterKey, "{\"input\": {\"a\": 1}}"));
        using HttpResponseMessage http = await Http.SendAsync(Invoke("Health", fixture.MasterKey));

        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notString.StatusCode);
        Assert.Contains("\"input\"", await notString.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, http.StatusCode);
        Assert.Equal("application/problem+json", http.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_function_that_throws_is_logged_and_the_host_keeps_serving()
    {
        using HttpResponseMessage response = await Http.SendAsync(Invoke(nameof(ProbeOnDemandTimers.ProbeFailing), fixture.MasterKey));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        string logged = await Polling.UntilAsync(
            () => Task.FromResult(fixture.Logs.Lines.FirstOrDefault(l => l.StartsWith("Error", StringComparison.Ordinal) && l.Contains(nameof(ProbeOnDemandTimers.ProbeFailing)))),
            Wait,
            "the failure to be logged");
        Assert.Contains("meant to", logged);
        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync("/api/health")).StatusCode);
        int before = fixture.OnDemand.Runs.Count;
        Assert.Equal(HttpStatusCode.Accepted, (await Http.SendAsync(Invoke(nameof(ProbeOnDemandTimers.ProbeYearly), fixture.MasterKey))).StatusCode);
        await NextRunAsync(before);
    }
}
