using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using NetworkFunctions.Local.Mail;
using NetworkFunctions.Tests.Support;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace NetworkFunctions.Tests.SystemTests.Mail;

/// <summary>The real SendGrid client against the real sink on Kestrel, with the mailbox in Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class MailSinkTests(MailSinkHost host) : IClassFixture<MailSinkHost>, IAsyncLifetime
{
    private static readonly EmailAddress Board = new("board@example.com", "Bestyrelsen");

    public Task InitializeAsync() => host.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task DeliversSubjectBodiesAndAttachmentAsSent()
    {
        var bytes = Enumerable.Range(0, 256).Select(i => (byte)i).Concat("æøå"u8.ToArray()).ToArray();
        var message = MailHelper.CreateSingleEmail(
            Board, new EmailAddress("jørgen@example.dk", "Jørgen"), "Indkaldelse til møde", "Hej Jørgen\nVel mødt", "<p>Hej <b>Jørgen</b></p>");
        message.AddAttachment("dagsorden 3.pdf", Convert.ToBase64String(bytes), "application/pdf");
        message.AddCategory("invitation");

        var response = await host.SendGrid().SendEmailAsync(message);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("", await response.Body.ReadAsStringAsync());
        var messageId = Assert.Single(response.Headers.GetValues("X-Message-Id"));
        var entry = Assert.Single(await host.MessagesAsync());
        Assert.Equal("board@example.com", entry.From);
        Assert.Equal(["jørgen@example.dk"], entry.To);
        Assert.Equal("Indkaldelse til møde", entry.Subject);
        Assert.Equal("<p>Hej <b>Jørgen</b></p>", entry.Html);
        Assert.Equal("Hej Jørgen\nVel mødt", entry.Text);
        Assert.Equal(["invitation"], entry.Categories);
        Assert.Equal(messageId, entry.MessageId);
        Assert.True(entry.ReceivedAt > DateTimeOffset.UtcNow.AddMinutes(-1));
        var attachment = Assert.Single(entry.Attachments);
        Assert.Equal(("dagsorden 3.pdf", "application/pdf"), (attachment.Filename, attachment.Type));
        Assert.Equal(bytes, Convert.FromBase64String(attachment.Content));

        using var download = await host.Http.GetAsync($"/dev/mailbox/messages/{entry.Id}/attachments/0");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("dagsorden 3.pdf", download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await host.Http.GetAsync($"/dev/mailbox/messages/{entry.Id}/attachments/1")).StatusCode);
    }

    [Fact]
    public async Task KeepsOnePersonalisedEntryPerRecipient()
    {
        var members = new[] { "anna@example.com", "bo@example.com", "carl@example.com" };
        var message = MailHelper.CreateMultipleEmailsToMultipleRecipients(
            Board,
            [.. members.Select(m => new EmailAddress(m))],
            ["Invitation for -name-", "Invitation for -name-", "Invitation for -name-"],
            "Dear -name-, your code is -code-.",
            "<p>Dear -name-, your code is <b>-code-</b>.</p>",
            [.. members.Select((m, i) => new Dictionary<string, string> { ["-name-"] = m[..m.IndexOf('@')], ["-code-"] = $"C{i}" })]);
        message.AddCc(new EmailAddress("secretary@example.com"), personalizationIndex: 2);
        message.AddBcc(new EmailAddress("archive@example.com"), personalizationIndex: 2);

        var response = await host.SendGrid().SendEmailAsync(message);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var entries = await host.MessagesAsync();
        Assert.Equal(
            ["anna@example.com", "bo@example.com", "carl@example.com", "secretary@example.com", "archive@example.com"],
            entries.Select(e => Assert.Single(e.To)));
        Assert.Equal(entries.Count, entries.Select(e => e.Id).Distinct().Count());
        Assert.Equal(("Invitation for anna", "Dear anna, your code is C0.", "<p>Dear anna, your code is <b>C0</b>.</p>"), (entries[0].Subject, entries[0].Text, entries[0].Html));
        Assert.Equal(("Invitation for bo", "Dear bo, your code is C1."), (entries[1].Subject, entries[1].Text));
        Assert.All(entries.Skip(2), e => Assert.Equal("Dear carl, your code is C2.", e.Text));

        var everyone = members.Append("secretary@example.com").Append("archive@example.com").ToArray();
        foreach (var entry in entries)
        {
            var json = JsonSerializer.Serialize(entry);
            Assert.All(everyone.Except(entry.To), other => Assert.DoesNotContain(other, json, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task RejectsAnInvalidPayloadListingEveryError()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/dev/sendgrid/v3/mail/send")
        {
            Content = new StringContent("""{"personalizations":[{"to":[{"email":"not-an-email"}]}],"subject":"Hi"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "SG.test");

        using var response = await host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = body.RootElement.GetProperty("errors").EnumerateArray().ToArray();
        Assert.Equal(
            [
                ("from", SendGridMessages.FromRequired),
                ("personalizations.0.to.0.email", "Does not contain a valid address."),
                ("content", SendGridMessages.ContentRequired),
            ],
            errors.Select(e => (e.GetProperty("field").GetString(), e.GetProperty("message").GetString())));
        Assert.All(errors, e => Assert.Equal(JsonValueKind.Null, e.GetProperty("help").ValueKind));
        Assert.Empty(await host.MessagesAsync());
    }

    [Fact]
    public async Task RejectsBadJsonAsSendGridDoes()
    {
        using var response = await PostRawAsync("{\"from\":", "Bearer SG.test");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("""{"errors":[{"message":"Bad Request","field":null,"help":null}]}""", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer")]
    [InlineData("Bearer   ")]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task RequiresABearerToken(string? authorization)
    {
        using var response = await PostRawAsync(Payloads.Valid().ToJsonString(), authorization);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(
            """{"errors":[{"message":"The provided authorization grant is invalid, expired, or revoked","field":null,"help":null}]}""",
            await response.Content.ReadAsStringAsync());
        Assert.Empty(await host.MessagesAsync());
    }

    [Fact]
    public async Task RequiresJsonContent()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/dev/sendgrid/v3/mail/send")
        {
            Content = new StringContent(Payloads.Valid().ToJsonString(), Encoding.UTF8, "text/plain"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "SG.test");

        using var response = await host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task FailsAsToldThenRecovers()
    {
        var armed = await host.Http.PostAsJsonAsync("/dev/sendgrid/faults", new { status = 429, count = 2, retryAfterSeconds = 3 });
        Assert.Equal(HttpStatusCode.OK, armed.StatusCode);
        Assert.Equal(new MailFaultState(true, 429, 2, 3), await armed.Content.ReadFromJsonAsync<MailFaultState>());
        var client = host.SendGrid();
        var message = MailHelper.CreateSingleEmail(Board, new EmailAddress("member@example.com"), "Retry me", "Text", "<p>Html</p>");

        var first = await client.SendEmailAsync(message);
        var second = await client.SendEmailAsync(message);
        var third = await client.SendEmailAsync(message);

        foreach (var failed in new[] { first, second })
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, failed.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(3), failed.Headers.RetryAfter?.Delta);
            Assert.Equal("""{"errors":[{"message":"too many requests","field":null,"help":null}]}""", await failed.Body.ReadAsStringAsync());
        }

        Assert.Equal(HttpStatusCode.Accepted, third.StatusCode);
        Assert.Equal("Retry me", Assert.Single(await host.MessagesAsync()).Subject);
        Assert.Equal(new MailFaultState(false, null, null, null), await host.Http.GetFromJsonAsync<MailFaultState>("/dev/sendgrid/faults"));
    }

    [Fact]
    public async Task FailsUntilClearedWithoutACount()
    {
        (await host.Http.PostAsJsonAsync("/dev/sendgrid/faults", new { status = 503 })).EnsureSuccessStatusCode();
        var client = host.SendGrid();
        var message = MailHelper.CreateSingleEmail(Board, new EmailAddress("member@example.com"), "Down", "Text", null);

        for (var i = 0; i < 3; i++)
        {
            var failed = await client.SendEmailAsync(message);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
            Assert.Contains("\"errors\"", await failed.Body.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(new MailFaultState(true, 503, null, null), await host.Http.GetFromJsonAsync<MailFaultState>("/dev/sendgrid/faults"));
        Assert.Empty(await host.MessagesAsync());
        Assert.Equal(HttpStatusCode.NoContent, (await host.Http.DeleteAsync("/dev/sendgrid/faults")).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await client.SendEmailAsync(message)).StatusCode);
    }

    [Fact]
    public async Task AHangingFaultAnswersNothingBeforeTheClientGivesUpAndStoresNothing()
    {
        (await host.Http.PostAsJsonAsync("/dev/sendgrid/faults", new { status = 504, count = 1, hangSeconds = 30 })).EnsureSuccessStatusCode();
        Assert.Equal(new MailFaultState(true, 504, 1, null, 30), await host.Http.GetFromJsonAsync<MailFaultState>("/dev/sendgrid/faults"));
        using var impatient = new HttpClient { Timeout = TimeSpan.FromSeconds(1) };
        var client = new SendGridClient(impatient, new SendGridClientOptions { ApiKey = "SG.test", Host = host.BaseUrl + "/dev/sendgrid" });
        var message = MailHelper.CreateSingleEmail(Board, new EmailAddress("member@example.com"), "Lost", "Text", null);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.SendEmailAsync(message));

        Assert.Empty(await host.MessagesAsync());
        Assert.Equal(HttpStatusCode.Accepted, (await host.SendGrid().SendEmailAsync(message)).StatusCode);
    }

    [Theory]
    [InlineData("""{"status":200}""")]
    [InlineData("""{"status":429,"count":-1}""")]
    [InlineData("""{"count":1}""")]
    [InlineData("""not json""")]
    [InlineData("""{"status":504,"hangSeconds":-1}""")]
    [InlineData("""{"status":504,"hangSeconds":601}""")]
    public async Task RefusesANonsensicalFault(string body)
    {
        using var response = await host.Http.PostAsync("/dev/sendgrid/faults", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False((await host.Http.GetFromJsonAsync<MailFaultState>("/dev/sendgrid/faults"))!.Active);
    }

    [Fact]
    public async Task FiltersByRecipient()
    {
        var client = host.SendGrid();
        foreach (var (to, subject) in new[] { ("anna@example.com", "One"), ("bo@example.com", "Two"), ("anna@example.com", "Three") })
        {
            Assert.Equal(HttpStatusCode.Accepted, (await client.SendEmailAsync(MailHelper.CreateSingleEmail(Board, new EmailAddress(to), subject, "Text", null))).StatusCode);
        }

        Assert.Equal(["One", "Three"], (await host.MessagesAsync("ANNA@Example.com")).Select(e => e.Subject));
        Assert.Equal(["Two"], (await host.MessagesAsync("bo@example.com")).Select(e => e.Subject));
        Assert.Empty(await host.MessagesAsync("nobody@example.com"));
        Assert.Equal(["One", "Two", "Three"], (await host.MessagesAsync()).Select(e => e.Subject));
    }

    [Fact]
    public async Task ShowsThePageEscapedWithTheBodySandboxed()
    {
        var message = MailHelper.CreateSingleEmail(
            Board, new EmailAddress("member@example.com"), "<script>alert(1)</script>", "Plain <b>text</b>", "<p onclick=\"x()\">Body</p><script>alert(2)</script>");
        Assert.Equal(HttpStatusCode.Accepted, (await host.SendGrid().SendEmailAsync(message)).StatusCode);

        using var response = await host.Http.GetAsync("/dev/mailbox?to=member@example.com");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("script-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("<h2>&lt;script&gt;alert(1)&lt;/script&gt;</h2>", page, StringComparison.Ordinal);
        Assert.Contains("<iframe sandbox srcdoc=\"&lt;p onclick=&quot;x()&quot;&gt;Body&lt;/p&gt;&lt;script&gt;alert(2)&lt;/script&gt;\"", page, StringComparison.Ordinal);
        Assert.Contains("Plain &lt;b&gt;text&lt;/b&gt;", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<p onclick", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmptiesTheMailbox()
    {
        await host.SendGrid().SendEmailAsync(MailHelper.CreateSingleEmail(Board, new EmailAddress("member@example.com"), "Bye", "Text", null));
        Assert.Single(await host.MessagesAsync());

        var cleared = await host.Http.DeleteAsync("/dev/mailbox/messages");

        Assert.Equal(HttpStatusCode.NoContent, cleared.StatusCode);
        Assert.Empty(await host.MessagesAsync());
        Assert.Contains("No messages.", await host.Http.GetStringAsync("/dev/mailbox"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AcceptsSandboxModeWithoutKeepingAnything()
    {
        var message = MailHelper.CreateSingleEmail(Board, new EmailAddress("member@example.com"), "Sandbox", "Text", null);
        message.SetSandBoxMode(true);

        var response = await host.SendGrid().SendEmailAsync(message);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await host.MessagesAsync());
    }

    [Fact]
    public async Task RefusesMoreThan30Megabytes()
    {
        var message = MailHelper.CreateSingleEmail(Board, new EmailAddress("member@example.com"), "Huge", "Text", null);
        message.AddAttachment("huge.bin", Convert.ToBase64String(new byte[23 * 1024 * 1024]));

        var response = await host.SendGrid().SendEmailAsync(message);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains(SendGridMessages.PayloadTooLarge, await response.Body.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await host.MessagesAsync());
    }

    private async Task<HttpResponseMessage> PostRawAsync(string json, string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/dev/sendgrid/v3/mail/send")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return await host.Http.SendAsync(request);
    }
}
