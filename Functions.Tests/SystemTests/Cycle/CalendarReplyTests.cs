using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NetworkFunctions.Inbound;
using CalendarReplyMail = NetworkFunctions.Local.Mail.CalendarReplyMail;
using InboundEndpoints = NetworkFunctions.Local.Mail.InboundEndpoints;
using NetworkFunctions.Tests.SystemTests.EndToEnd;
using NetworkFunctions.Tests.Support;

namespace NetworkFunctions.Tests.SystemTests.Cycle;

/// <summary>
/// Answers by calendar reply on the local host (in-memory engine, Azurite, the mail sink): members press Accept,
/// Decline or Tentative on their invitation through <c>/dev/inbound</c>, which posts to <c>/api/inbound/email</c> as
/// SendGrid Inbound Parse would; the reminder skips them, the export and the draft agenda count them, a later form
/// answer wins over an earlier reply, and forged, replayed, unauthenticated, oversized and hostile posts change nothing.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class CalendarReplyTests(InMemoryHostFixture fixture) : IClassFixture<InMemoryHostFixture>
{
    static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    /// <summary>One meeting at +45 s, 4 s long: invitation at once, a reminder at +20 s, deadline at +33 s.</summary>
    static readonly JsonObject Schedule = new()
    {
        ["invitationLead"] = "PT45S",
        ["contributionDeadlineLead"] = "PT12S",
        ["reminderLeads"] = new JsonArray("PT25S"),
        ["finalAgendaLead"] = "PT5S",
        ["surveyDelay"] = "PT1S",
        ["surveyOpenFor"] = "PT10S",
        ["surveyReminderAfter"] = "PT8S",
    };

    string Secret => fixture.Host.Services.GetRequiredService<IOptions<InboundOptions>>().Value.Secret!;

    [Fact]
    public async Task Members_answer_from_their_calendar_and_the_year_counts_it()
    {
        (HttpClient http, Mailbox mailbox, string id, string tag) = await PreparerYear.KickOffAsync(fixture, "calendar", Schedule, 45, 4);
        using (http)
        {
            string Email(string name) => CompressedYear.Email(name, tag);
            IReadOnlyList<ReceivedMail> invitations = await mailbox.WaitForAsync(
                m => m.Subject.StartsWith("Invitation", StringComparison.Ordinal) && m.Recipient.Contains(tag, StringComparison.Ordinal) && m.Recipient != Email("direktor"),
                5, Wait, "the five members' invitations");
            ReceivedMail Invitation(string name) => invitations.Single(m => m.Recipient == Email(name));

            // The calendar entry names the facilitator, at the member's own reply address.
            string anneIcs = Invitation("anne").Attachments.Single(a => a.Filename.EndsWith(".ics", StringComparison.Ordinal)).Unfolded;
            Match organizer = OrganizerLine().Match(anneIcs);
            Assert.True(organizer.Success, anneIcs);
            string anneAddress = organizer.Groups["address"].Value;
            Assert.EndsWith("@svar.localhost", anneAddress, StringComparison.Ordinal);
            Assert.Contains("CN=Frida Facilitator", organizer.Value, StringComparison.Ordinal);

            Assert.Equal("Recorded", await ReplyFromMailboxAsync(http, Invitation("anne"), "accept"));
            Assert.Equal("Recorded", await ReplyFromMailboxAsync(http, Invitation("bo"), "decline"));
            Assert.Equal("Recorded", await ReplyFromMailboxAsync(http, Invitation("cecilie"), "tentative"));

            // Bo changes his mind on the form; his earlier decline, posted again by SendGrid, does not undo it.
            string boIcs = Invitation("bo").Attachments.Single(a => a.Filename.EndsWith(".ics", StringComparison.Ordinal)).Text;
            string earlierDecline = CalendarReplyMail.Reply(boIcs, "DECLINED", DateTimeOffset.UtcNow.AddSeconds(-2))!;
            using var member = new HttpClient();
            Assert.Equal(HttpStatusCode.OK, (await PreparerYear.PostAsync(member, Invitation("bo").FormLink,
                [new("attendance", "yes"), new("type", "theme"), new("title", "Skolevejen"), new("description", "")])).Status);
            Assert.Equal("Superseded", await PostReplyAsync(http, CalendarReplyMail.Message(earlierDecline, "DECLINED", DateTimeOffset.UtcNow)));

            // A reply to Anne's address with one character of its code changed, and Bo's answer sent to Anne's address.
            string forgedAddress = new Regex("\\.(.)").Replace(anneAddress, m => "." + (m.Groups[1].Value == "a" ? "b" : "a"), 1);
            Assert.EndsWith("@svar.localhost", forgedAddress, StringComparison.Ordinal);
            string forged = anneIcs.Replace(anneAddress, forgedAddress, StringComparison.Ordinal);
            Assert.Equal("Forged", await PostReplyAsync(http, CalendarReplyMail.Message(CalendarReplyMail.Reply(forged, "DECLINED", DateTimeOffset.UtcNow)!, "DECLINED", DateTimeOffset.UtcNow)));
            string boUnfolded = Invitation("bo").Attachments.Single(a => a.Filename.EndsWith(".ics", StringComparison.Ordinal)).Unfolded;
            string boToAnne = CalendarReplyMail.Reply(boUnfolded.Replace(OrganizerLine().Match(boUnfolded).Groups["address"].Value, anneAddress, StringComparison.Ordinal), "DECLINED", DateTimeOffset.UtcNow)!;
            Assert.Equal("Unmatched", await PostReplyAsync(http, CalendarReplyMail.Message(boToAnne, "DECLINED", DateTimeOffset.UtcNow)));

            // The reminder goes to those who answered neither way: Dennis and Eva.
            IReadOnlyList<ReceivedMail> reminders = await mailbox.WaitForAsync(
                m => m.Subject.StartsWith("Påmindelse", StringComparison.Ordinal) && m.Recipient.Contains(tag, StringComparison.Ordinal), 2, Wait, "the reminders");
            await Task.Delay(TimeSpan.FromSeconds(2));
            Assert.Equal([Email("dennis"), Email("eva")],
                (await mailbox.AllAsync()).Where(m => m.Subject.StartsWith("Påmindelse", StringComparison.Ordinal) && m.Recipient.Contains(tag, StringComparison.Ordinal)).Select(m => m.Recipient).Order());

            string export = Encoding.UTF8.GetString(await http.GetByteArrayAsync($"/api/networks/{id}/export.csv?table=attendance"));
            Assert.Contains(";\"Anne Andersen\";\"Center for Teknik & Miljø\";ja;ja;", export, StringComparison.Ordinal);
            Assert.Contains(";\"Bo Berg\";\"Center for Skole\";ja;ja;", export, StringComparison.Ordinal);
            Assert.Contains(";\"Cecilie Carlsen\";\"Center for Sundhed & Ældre\";ja;måske;", export, StringComparison.Ordinal);
            Assert.Contains(";\"Dennis Dam\";\"Center for Skole\";ja;\"ikke svaret\";", export, StringComparison.Ordinal);

            // Bo's theme from the form is on the draft agenda; the attendance counts the calendar's answers.
            ReceivedMail agenda = (await mailbox.WaitForAsync(PreparerYear.To(Email("facilitator"), "Dagsorden til møde 1"), 1, Wait, "the draft agenda")).Single();
            Assert.Contains("Skolevejen", agenda.Text, StringComparison.Ordinal);
            Assert.Contains("Center for Sundhed & Ældre: Ja 0, Måske 1, Nej 0", agenda.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_inbound_endpoint_refuses_what_SendGrid_would_not_send()
    {
        using var anonymous = new HttpClient { BaseAddress = fixture.Host.BaseAddress };
        string mime = "From: a@example.org\r\nTo: b@example.org\r\nSubject: ja\r\n\r\nJa tak.\r\n";

        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(anonymous, Form(mime), null)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(anonymous, Form(mime), "not-the-secret-at-all")).Status);
        using (HttpResponseMessage query = await anonymous.PostAsync("/api/inbound/email?secret=wrong-secret-0123456789", Form(mime)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, query.StatusCode);
            Assert.Equal("Basic", query.Headers.WwwAuthenticate.Single().Scheme);
        }

        using (HttpResponseMessage query = await anonymous.PostAsync($"/api/inbound/email?secret={Secret}", Form(mime)))
        {
            Assert.Equal(HttpStatusCode.OK, query.StatusCode);
        }

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await PostAsync(anonymous, JsonContent.Create(new { email = mime }), Secret)).Status);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge,
            (await PostAsync(anonymous, Form(mime + new string('x', InboundEmailFunction.MaxBytes)), Secret)).Status);

        var nested = new StringBuilder("From: a@example.org\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b0\r\n\r\n");
        for (int depth = 1; depth < 2000; depth++)
        {
            nested.Append($"--b{depth - 1}\r\nContent-Type: multipart/mixed; boundary=b{depth}\r\n\r\n");
        }

        (HttpStatusCode status, string body) = await PostAsync(anonymous, Form(nested.ToString()), Secret);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("deeper", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(anonymous, new MultipartFormDataContent { { new StringContent("x"), "subject" } }, Secret)).Status);
        using var broken = new StringContent("--nope\r\nContent-Disposition: form-data; name=\"email\"\r\n\r\nunterminated", Encoding.UTF8);
        broken.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=other");
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(anonymous, broken, Secret)).Status);

        // A mail that matches nothing is taken (SendGrid would post it again otherwise) and dropped.
        (HttpStatusCode plain, string dropped) = await PostAsync(anonymous, Form(mime), Secret);
        Assert.Equal((HttpStatusCode.OK, "[]"), (plain, JsonDocument.Parse(dropped).RootElement.GetProperty("replies").GetRawText()));
    }

    /// <summary>The mailbox's reply button, as a script presses it: the reply's outcome as the app gave it.</summary>
    static async Task<string> ReplyFromMailboxAsync(HttpClient http, ReceivedMail invitation, string answer)
    {
        using HttpResponseMessage response = await http.PostAsJsonAsync(InboundEndpoints.Route, new { message = invitation.Id, answer });
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        using JsonDocument outer = JsonDocument.Parse(body);
        using JsonDocument app = JsonDocument.Parse(outer.RootElement.GetProperty("body").GetString()!);
        return app.RootElement.GetProperty("replies").EnumerateArray().Single().GetString()!;
    }

    async Task<string> PostReplyAsync(HttpClient http, MimeKit.MimeMessage message)
    {
        (HttpStatusCode status, string body) = await PostAsync(http, CalendarReplyMail.InboundParsePost(message), Secret);
        Assert.Equal(HttpStatusCode.OK, status);
        using JsonDocument json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("replies").EnumerateArray().Single().GetString()!;
    }

    static MultipartFormDataContent Form(string mime) => new() { { new StringContent(mime), "email" } };

    static async Task<(HttpStatusCode Status, string Body)> PostAsync(HttpClient http, HttpContent content, string? secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/inbound/email") { Content = content };
        if (secret is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("inbound:" + secret)));
        }

        using HttpResponseMessage response = await http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("ORGANIZER;[^\\r\\n]*:mailto:(?<address>[^\\r\\n]+)")]
    private static partial Regex OrganizerLine();
}
