using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace NetworkFunctions.Tests.SystemTests.Mail;

/// <summary>
/// The sink's faults for uncertain sends (the mail is taken, then the answer is lost) and the activity feed that
/// resolves them, through the real SendGrid client.
/// </summary>
[Collection(Support.AzuriteCollection.Name)]
public sealed class ActivityFeedTests(MailSinkHost host) : IClassFixture<MailSinkHost>
{
    static SendGridMessage Message(string to, string intent)
    {
        var message = new SendGridMessage { From = new EmailAddress("netvaerk@example.org"), Subject = "Uvis", PlainTextContent = "tekst" };
        message.AddTo(to);
        message.AddCustomArg("nf_mail", intent);
        return message;
    }

    static string Query(string intent) => JsonSerializer.Serialize(new { query = $"unique_args['nf_mail']=\"{intent}\"", limit = 1 });

    [Fact]
    public async Task A_mail_taken_before_the_fault_is_in_the_mailbox_and_the_activity_feed()
    {
        await host.ResetAsync();
        string intent = Guid.NewGuid().ToString("N");
        using (HttpResponseMessage armed = await host.Http.PostAsJsonAsync("/dev/sendgrid/faults", new { status = 500, count = 1, accept = true }))
        {
            Assert.Equal(HttpStatusCode.OK, armed.StatusCode);
        }

        SendGridClient client = host.SendGrid();
        Response sent = await client.SendEmailAsync(Message("uvis@example.org", intent));
        Response unknown = await client.RequestAsync(BaseClient.Method.GET, urlPath: "messages", queryParams: Query("not-sent"));
        Response known = await client.RequestAsync(BaseClient.Method.GET, urlPath: "messages", queryParams: Query(intent));

        Assert.Equal(HttpStatusCode.InternalServerError, sent.StatusCode);
        Assert.Single(await host.MessagesAsync("uvis@example.org"));
        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
        JsonElement feed = JsonDocument.Parse(await known.Body.ReadAsStringAsync()).RootElement;
        Assert.Equal("uvis@example.org", Assert.Single(feed.GetProperty("messages").EnumerateArray()).GetProperty("to_email").GetString());
        Assert.Empty(JsonDocument.Parse(await unknown.Body.ReadAsStringAsync()).RootElement.GetProperty("messages").EnumerateArray());
    }

    [Fact]
    public async Task The_feed_refuses_a_query_it_cannot_read_and_a_request_without_a_key()
    {
        using HttpResponseMessage bad = await host.Http.GetAsync("/dev/sendgrid/v3/messages?query=" + Uri.EscapeDataString("subject LIKE \"%x%\""));
        Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);

        Response refused = await host.SendGrid().RequestAsync(BaseClient.Method.GET, urlPath: "messages", queryParams: JsonSerializer.Serialize(new { query = "subject LIKE \"%x%\"" }));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }
}
