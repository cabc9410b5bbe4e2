using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NetworkFunctions.Office;
using NetworkFunctions.Tests.SystemTests.EndToEnd;
using NetworkFunctions.Tests.Support;

namespace NetworkFunctions.Tests.SystemTests.Console;

/// <summary>
/// The console while storage is frozen (SIGSTOP of the host's own Azurite): its pages and forms answer 503 with
/// Retry-After instead of failing, the host survives, and the change sent again once storage is back is made once.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class ConsoleFaultTests
{
    [GeneratedRegex("name=\"__console\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    [Fact]
    public async Task While_storage_is_frozen_the_console_answers_503_and_the_change_sent_again_is_made_once()
    {
        string tag = Guid.NewGuid().ToString("N")[..10];
        string data = Path.Combine(Path.GetTempPath(), $"networkfunctions-console-freeze-{tag}");
        string id = $"console-freeze-{tag}";
        await using LocalHostProcess host = await LocalHostProcess.StartAsync(LocalHostProcess.FreePort(),
            "--data", data, "--azurite-port", Local.FreePorts.Pick(3).ToString(CultureInfo.InvariantCulture), "--task-hub", TestNames.TaskHub("consolefreeze"));
        try
        {
            using HttpClient api = LocalHostFixture.KeyedClient(host.BaseAddress, Local.LocalHostOptions.DefaultFunctionKey);
            Assert.Equal(HttpStatusCode.Accepted, (await api.PostAsJsonAsync("/api/networks",
                CompressedYear.Document(id, DateTimeOffset.UtcNow, [30 * 24 * 3600], CompressedYear.DefaultSchedule(), tag))).StatusCode);
            using var kim = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
            {
                BaseAddress = host.BaseAddress,
                Timeout = TimeSpan.FromSeconds(90),
            };
            Assert.Equal(HttpStatusCode.Redirect, (await kim.PostAsync("/.auth/login/aad", new FormUrlEncodedContent(
                [new("name", "Kim Konsulent"), new("email", CompressedYear.Email("konsulent", tag)), new("target", ConsoleRoutes.Home)]))).StatusCode);
            string token = TokenField().Match(await kim.GetStringAsync(ConsoleRoutes.Network(id))).Groups[1].Value;
            MultipartFormDataContent NewMember() => new()
            {
                { new StringContent(token, Encoding.UTF8), ConsoleTokens.Field },
                { new StringContent("Nanna Ny", Encoding.UTF8), "name" },
                { new StringContent($"nanna.{tag}@example.org", Encoding.UTF8), "email" },
                { new StringContent(CompressedYear.Departments[0], Encoding.UTF8), "department" },
            };

            int azurite = AzuriteProcesses.PidFor(data);
            Assert.True(AzuriteProcesses.Signal("STOP", azurite));
            HttpStatusCode posted;
            try
            {
                using HttpResponseMessage page = await kim.GetAsync(ConsoleRoutes.Network(id));
                Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
                Assert.NotNull(page.Headers.RetryAfter);
                Assert.Contains("Prøv igen om lidt", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

                using HttpResponseMessage change = await kim.PostAsync(ConsoleRoutes.Members(id), NewMember());
                posted = change.StatusCode;
                Assert.True(posted is HttpStatusCode.ServiceUnavailable or HttpStatusCode.SeeOther, $"A console change during the freeze answered {(int)posted}.");
            }
            finally
            {
                Assert.True(AzuriteProcesses.Signal("CONT", azurite));
            }

            Assert.False(host.HasExited, "The host survives the freeze.");
            using (HttpResponseMessage again = await kim.PostAsync(ConsoleRoutes.Members(id), NewMember()))
            {
                // Sent again as the page says: made now, or refused as a duplicate if the first one was made after all.
                Assert.True(again.StatusCode is HttpStatusCode.SeeOther || (posted == HttpStatusCode.ServiceUnavailable && again.StatusCode == HttpStatusCode.BadRequest),
                    $"The change sent again answered {(int)again.StatusCode}.");
            }

            JsonObject members = (await api.GetFromJsonAsync<JsonObject>($"/api/networks/{id}/members"))!;
            Assert.Single(members["members"]!.AsArray(), m => (string)m!["email"]! == $"nanna.{tag}@example.org");
        }
        finally
        {
            await host.DisposeAsync();
            AzuriteProcesses.StopFor(data);
            try
            {
                Directory.Delete(data, recursive: true);
            }
            catch (IOException)
            {
                // Azurite may still be closing its files.
            }
        }
    }
}
