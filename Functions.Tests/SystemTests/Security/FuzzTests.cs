using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using NetworkFunctions.Tests.SystemTests.EndToEnd;
using NetworkFunctions.Tests.Support;

namespace NetworkFunctions.Tests.SystemTests.Security;

/// <summary>
/// Hundreds of mutated kickoff documents and form posts against the running API: whatever arrives, the answer is a
/// 2xx or a 4xx with problem+json (or the form page), never a 5xx. Seeded, so a failure repeats.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class FuzzTests(InMemoryHostFixture fixture) : IClassFixture<InMemoryHostFixture>
{
    const int KickoffCases = 300;
    const int FormCases = 200;

    static readonly JsonNode?[] Oddities =
    [
        null, true, 0, -1, 1e308, long.MaxValue, "", " ", new string('x', 5000), "\u0000", "<script>alert(1)</script>",
        "😀🎉", "\u202Eevil", "2027-13-45T99:99:99+01:00", "P-1D", "PT", "Center for Teknik & Miljø",
        new JsonArray(), new JsonArray(1, 2, 3), new JsonObject(), new JsonObject { ["a"] = new JsonObject { ["b"] = new JsonArray(new JsonArray()) } },
    ];

    [Fact]
    public async Task Mutated_kickoff_documents_never_get_a_server_error()
    {
        using HttpClient http = fixture.Api();
        var random = new Random(20271);
        var statuses = new Dictionary<HttpStatusCode, int>();
        for (int i = 0; i < KickoffCases; i++)
        {
            JsonObject document = CompressedYear.Document($"fuzz-{i}-{Guid.NewGuid():N}"[..24], DateTimeOffset.UtcNow.AddDays(60), [0, 3600], CompressedYear.DefaultSchedule(), $"f{i}");
            int mutations = random.Next(1, 4);
            for (int m = 0; m < mutations; m++)
            {
                Mutate(document, random);
            }

            using var content = new StringContent(random.Next(10) == 0 ? Corrupt(document.ToJsonString(), random) : document.ToJsonString(), Encoding.UTF8, "application/json");
            using HttpResponseMessage response = await http.PostAsync("/api/networks", content);
            statuses[response.StatusCode] = statuses.GetValueOrDefault(response.StatusCode) + 1;
            Assert.True((int)response.StatusCode < 500, $"case {i}: {(int)response.StatusCode} for {Shorten(document.ToJsonString())}");
            if ((int)response.StatusCode >= 400)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }

        Assert.True(statuses.GetValueOrDefault(HttpStatusCode.BadRequest) > KickoffCases / 2, string.Join(", ", statuses));
    }

    [Fact]
    public async Task Mutated_form_posts_and_tokens_never_get_a_server_error()
    {
        using HttpClient http = fixture.Api();
        string tag = Guid.NewGuid().ToString("N")[..10];
        Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsJsonAsync("/api/networks",
            CompressedYear.Document($"fuzzform-{tag}", DateTimeOffset.UtcNow, [600], CompressedYear.DefaultSchedule(), tag))).StatusCode);
        // The invitation lead is 45 s before a meeting 10 minutes away: open the form by the survey-free route instead,
        // via a meeting moved close enough to be invited now.
        var mailbox = new Mailbox(http);
        // Invited at once (the invitation lead is 45 s); the form stays open 38 s, time enough on a loaded machine.
        DateTimeOffset start = DateTimeOffset.UtcNow.AddSeconds(60);
        Assert.Equal(HttpStatusCode.OK, (await http.PatchAsync($"/api/networks/fuzzform-{tag}/meetings/1",
            JsonContent.Create(new { start = CompressedYear.Instant(start), end = CompressedYear.Instant(start.AddSeconds(5)) }))).StatusCode);
        string link = (await mailbox.WaitForAsync(m => m.Recipient == CompressedYear.Email("anne", tag) && m.Subject.StartsWith("Invitation"), 1, TimeSpan.FromSeconds(35), "an invitation"))[0].FormLink;

        using var forms = new HttpClient();
        var random = new Random(20272);
        string[] names = ["attendance", "type", "title", "description", "usefulness", "worked", "x", "", "title[]", "attendance"];
        string[] values = ["yes", "no", "maybe", "theme", "case", "challenge", "%FF%FE", "%00", "<script>", new string('a', 3000), "", "3", "😀", "\r\n"];
        for (int i = 0; i < FormCases; i++)
        {
            var body = new StringBuilder();
            int fields = random.Next(0, 12);
            for (int f = 0; f < fields; f++)
            {
                body.Append(f == 0 ? "" : "&").Append(Uri.EscapeDataString(names[random.Next(names.Length)])).Append('=')
                    .Append(random.Next(4) == 0 ? values[random.Next(values.Length)] : Uri.EscapeDataString(values[random.Next(values.Length)]));
            }

            string target = random.Next(8) switch
            {
                0 => link[..^3] + "abc",
                1 => link + "." + new string('A', random.Next(1, 600)),
                _ => link,
            };
            using var content = new StringContent(body.ToString(), Encoding.UTF8, random.Next(10) == 0 ? "text/plain" : "application/x-www-form-urlencoded");
            using HttpResponseMessage response = await forms.PostAsync(target, content);
            Assert.True((int)response.StatusCode < 500, $"case {i}: {(int)response.StatusCode} for {body}");
        }
    }

    static void Mutate(JsonNode node, Random random)
    {
        // Walk to a random object or array inside the document, then change, drop or add something there.
        JsonNode current = node;
        for (int depth = random.Next(0, 4); depth > 0; depth--)
        {
            JsonNode? next = current switch
            {
                JsonObject o when o.Count > 0 => o.ElementAt(random.Next(o.Count)).Value,
                JsonArray a when a.Count > 0 => a[random.Next(a.Count)],
                _ => null,
            };
            if (next is not (JsonObject or JsonArray))
            {
                break;
            }

            current = next;
        }

        JsonNode? odd = Oddities[random.Next(Oddities.Length)]?.DeepClone();
        switch (current)
        {
            case JsonObject o when o.Count > 0 && random.Next(3) == 0:
                o.Remove(o.ElementAt(random.Next(o.Count)).Key);
                break;
            case JsonObject o when o.Count > 0:
                o[o.ElementAt(random.Next(o.Count)).Key] = odd;
                break;
            case JsonObject o:
                o["extra"] = odd;
                break;
            case JsonArray a when a.Count > 0 && random.Next(2) == 0:
                a[random.Next(a.Count)] = odd;
                break;
            case JsonArray a:
                a.Add(odd);
                break;
        }
    }

    static string Corrupt(string json, Random random) => random.Next(3) switch
    {
        0 => json[..random.Next(json.Length)],
        1 => json.Replace("\"", "'", StringComparison.Ordinal),
        _ => json + "}",
    };

    static string Shorten(string text) => text.Length > 400 ? text[..400] + "…" : text;
}
