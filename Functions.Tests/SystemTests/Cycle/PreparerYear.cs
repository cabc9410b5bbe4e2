using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NetworkFunctions.Tests.SystemTests.EndToEnd;
using NetworkFunctions.Tests.Support;

namespace NetworkFunctions.Tests.SystemTests.Cycle;

/// <summary>What the tests of the preparers' pages share: a one-meeting year of their own, mail to one address, and a form post.</summary>
internal static class PreparerYear
{
    /// <summary>Kicks off a network of one meeting <paramref name="start"/> s from now, <paramref name="length"/> s long, tagged so its mail is its own.</summary>
    public static async Task<(HttpClient Http, Mailbox Mailbox, string Id, string Tag)> KickOffAsync(InMemoryHostFixture fixture, string prefix, JsonObject schedule, int start, int length)
    {
        string tag = Guid.NewGuid().ToString("N")[..10];
        string id = $"{prefix}-{tag}";
        HttpClient http = fixture.Api();
        using HttpResponseMessage response = await http.PostAsJsonAsync("/api/networks", CompressedYear.Document(id, DateTimeOffset.UtcNow, [start], schedule.DeepClone().AsObject(), tag, length));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (http, new Mailbox(http), id, tag);
    }

    public static Func<ReceivedMail, bool> To(string address, string subjectStart) =>
        m => m.Recipient == address && m.Subject.StartsWith(subjectStart, StringComparison.Ordinal);

    /// <summary>Posts a form as a browser does and returns the status and the page.</summary>
    public static async Task<(HttpStatusCode Status, string Html)> PostAsync(HttpClient client, string link, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using HttpResponseMessage response = await client.PostAsync(link, new FormUrlEncodedContent(fields));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
