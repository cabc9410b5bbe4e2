using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using NetworkFunctions.Tests.Support;

namespace NetworkFunctions.Tests.SystemTests.EndToEnd;

/// <summary>
/// A whole network-year, compressed into about two minutes, through HTTP on the local host with the AzureStorage
/// engine on Azurite. The test reads only what people read: the mailbox and the HTTP API.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class YearEndToEndTests(AzureStorageHostFixture fixture) : IClassFixture<AzureStorageHostFixture>
{
    static readonly TimeSpan Step = TimeSpan.FromSeconds(45);
    const string Xss = "<script>alert(\"x\")</script>";
    const string ImgXss = "\"><img src=x onerror=alert(1)>";

    [Fact]
    public async Task A_compressed_year_runs_from_kickoff_to_the_year_end_report()
    {
        string networkId = $"e2e-{Guid.NewGuid():N}"[..20];
        using HttpClient http = fixture.Api();
        var mailbox = new Mailbox(http);
        string subjectOf(ReceivedMail m) => m.Subject;

        // Kickoff.
        using HttpResponseMessage kickoff = await http.PostAsJsonAsync("/api/networks", CompressedYear.Document(networkId, DateTimeOffset.UtcNow));
        Assert.Equal(HttpStatusCode.Accepted, kickoff.StatusCode);
        JsonElement accepted = await kickoff.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(networkId, accepted.GetProperty("networkId").GetString());
        Assert.Equal(["Center for Økonomi"], accepted.GetProperty("missingDepartments").EnumerateArray().Select(d => d.GetString()));
        Assert.EndsWith($"/api/networks/{networkId}", kickoff.Headers.Location!.ToString());

        ReceivedMail confirmation = Assert.Single(await mailbox.WaitForAsync(m => m.Recipient == CompressedYear.Director && m.Subject.StartsWith("Netværket er sat i gang"), 1, Step, "kickoff confirmation"));
        Assert.Contains("Center for Økonomi", confirmation.Text);
        MailAttachment plan = Assert.Single(confirmation.Attachments);
        Assert.Contains("METHOD:PUBLISH", plan.Text);
        Assert.Equal(3, plan.Text.Split("BEGIN:VEVENT").Length - 1);

        // Meeting 1: invitations with .ics and personal links to every member, and to the director.
        IReadOnlyList<ReceivedMail> invitations = await mailbox.WaitForAsync(m => m.Subject.StartsWith("Invitation") && m.Subject.Contains("møde 1"), 6, Step, "invitations to meeting 1");
        Assert.Equal(CompressedYear.Members.Select(m => m.Email).Append(CompressedYear.Director).Order(), invitations.Select(m => m.Recipient).Order());
        foreach (ReceivedMail invitation in invitations)
        {
            string ics = Assert.Single(invitation.Attachments).Unfolded;
            Assert.Contains("METHOD:REQUEST", ics);
            Assert.Contains($"mailto:{invitation.Recipient}", ics, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(CompressedYear.Members.Select(m => m.Email).Where(e => e != invitation.Recipient), e => invitation.Html.Contains(e) || ics.Contains(e));
        }

        ReceivedMail Invitation(string email) => invitations.Single(m => m.Recipient == email);

        // Anne, Bo (twice: the latest answer counts) and Dennis (who cannot come) answer; Cecilie and Eva do not.
        using var forms = new HttpClient();
        await SubmitAsync(forms, Invitation("anne@example.org").FormLink, ("attendance", "yes"), ("type", "theme"), ("title", Xss + " Borgerinddragelse i landdistrikterne"), ("description", ImgXss));
        await SubmitAsync(forms, Invitation("bo@example.org").FormLink, ("attendance", "maybe"), ("type", "challenge"), ("title", "Første udkast"), ("description", ""));
        string boPage = await SubmitAsync(forms, Invitation("bo@example.org").FormLink, ("attendance", "yes"), ("type", "case"), ("title", "Byen møder vandet"), ("description", "Et stort tværgående projekt"));
        Assert.Contains("Byen møder vandet", boPage);
        await SubmitAsync(forms, Invitation("dennis@example.org").FormLink, ("attendance", "no"));
        string prefilled = await forms.GetStringAsync(Invitation("bo@example.org").FormLink);
        Assert.Contains("value=\"Byen møder vandet\"", prefilled);

        // The reminder reaches only those who have not answered.
        IReadOnlyList<ReceivedMail> reminders = await mailbox.WaitForAsync(m => m.Subject.StartsWith("Påmindelse: svar") && m.Subject.Contains("møde 1"), 2, Step, "reminders for meeting 1");
        Assert.Equal(["cecilie@example.org", "eva@example.org"], reminders.Select(m => m.Recipient).Order());

        // The facilitator and the consultant receive the agenda, with the contributions escaped.
        IReadOnlyList<ReceivedMail> agendas = await mailbox.WaitForAsync(m => m.Subject.StartsWith("Dagsorden til møde 1"), 2, Step, "agenda of meeting 1");
        Assert.Equal(new[] { CompressedYear.Consultant, CompressedYear.Facilitator }.Order(), agendas.Select(m => m.Recipient).Order());
        ReceivedMail agenda = agendas.Single(m => m.Recipient == CompressedYear.Facilitator);
        Assert.Contains("Borgerinddragelse i landdistrikterne", agenda.Html);
        Assert.Contains("&lt;script&gt;", agenda.Html);
        Assert.DoesNotContain("<script>", agenda.Html);
        Assert.DoesNotContain("<img src=x", agenda.Html);
        Assert.Contains("Byen møder vandet", agenda.Html);
        Assert.DoesNotContain("Første udkast", agenda.Html);
        string agendaPage = await http.GetStringAsync($"/api/networks/{networkId}/meetings/1/agenda");
        Assert.Contains("Byen møder vandet", agendaPage);
        Assert.DoesNotContain("<script>", agendaPage);

        // After the meeting: the survey to everyone who did not decline; Anne answers.
        IReadOnlyList<ReceivedMail> surveys = await mailbox.WaitForAsync(m => m.Subject.StartsWith("Hvordan var møde 1"), 4, Step * 2, "surveys for meeting 1");
        Assert.Equal(["anne@example.org", "bo@example.org", "cecilie@example.org", "eva@example.org"], surveys.Select(m => m.Recipient).Order());
        await SubmitAsync(forms, surveys.Single(m => m.Recipient == "anne@example.org").FormLink,
            ("usefulness", "4"), ("relations", "5"), ("courage", "3"), ("worked", ImgXss + " sparring på tværs"), ("improve", ""), ("nextThemes", "Borgerbudgetter"));
        IReadOnlyList<ReceivedMail> summaries = await mailbox.WaitForAsync(m => m.Subject.Contains("møde 1") && m.Recipient == CompressedYear.Facilitator && m.Text.Contains("sparring på tværs"), 1, Step * 2, "survey summary of meeting 1");
        Assert.DoesNotContain("<img src=x", summaries[0].Html);

        // Meeting 3 is cancelled after its invitations went out: everyone invited gets a CANCEL.
        await mailbox.WaitForAsync(m => m.Subject.StartsWith("Invitation") && m.Subject.Contains("møde 3"), 5, Step * 2, "invitations to meeting 3");
        using (HttpResponseMessage cancel = await http.PatchAsync($"/api/networks/{networkId}/meetings/3", JsonContent.Create(new { cancelled = true })))
        {
            Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        }

        IReadOnlyList<ReceivedMail> cancellations = await mailbox.WaitForAsync(m => m.Subject.StartsWith("Aflyst"), 5, Step, "cancellations of meeting 3");
        Assert.All(cancellations, m => Assert.Contains("METHOD:CANCEL", Assert.Single(m.Attachments).Text));

        // The year-end report with its charts, and the status.
        IReadOnlyList<ReceivedMail> reports = await mailbox.WaitForAsync(m => m.Subject.StartsWith("Årsrapport"), 3, Step * 3, "year-end reports");
        Assert.Equal(new[] { CompressedYear.Consultant, CompressedYear.Director, CompressedYear.Facilitator }.Order(), reports.Select(m => m.Recipient).Order());
        Assert.All(reports, m => Assert.Contains(m.Attachments, a => a.Type == "image/png" && a.Bytes.AsSpan(0, 4).SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47 })));
        string report = await http.GetStringAsync($"/api/networks/{networkId}/report");
        Assert.Contains("data:image/png;base64,", report);
        Assert.DoesNotContain("<img src=x", report);

        JsonElement status = await Polling.UntilAsync(async () =>
        {
            string json = await http.GetStringAsync($"/api/networks/{networkId}");
            return json.Contains("\"runtimeStatus\":\"Completed\"") ? json : null;
        }, Step, "the network to complete") is { } done ? JsonDocument.Parse(done).RootElement : default;
        Assert.EndsWith($"/api/networks/{networkId}/report", status.GetProperty("reportUrl").GetString());
        JsonElement[] meetings = status.GetProperty("meetings").EnumerateArray().ToArray();
        Assert.Equal(["closed", "closed", "cancelled"], meetings.Select(m => m.GetProperty("phase").GetString()));
        Assert.Equal((5, 3, 2, 2, 1), (
            meetings[0].GetProperty("invited").GetInt32(),
            meetings[0].GetProperty("answered").GetInt32(),
            meetings[0].GetProperty("attending").GetInt32(),
            meetings[0].GetProperty("contributions").GetInt32(),
            meetings[0].GetProperty("surveyAnswers").GetInt32()));
        Assert.NotNull(meetings[0].GetProperty("agendaUrl").GetString());

        // Every email went out once.
        IReadOnlyList<ReceivedMail> all = (await mailbox.AllAsync()).Where(m => m.Text.Contains("Netværk for samskabelse")).ToList();
        Assert.Empty(all.GroupBy(m => (m.Recipient, subjectOf(m))).Where(g => g.Count() > 1).Select(g => g.Key));

        // No mail carries a key or a Durable management address.
        Assert.DoesNotContain(all, m => m.Html.Contains("runtime/webhooks") || m.Text.Contains("code=") || m.Text.Contains(fixture.FunctionKey));

        // Personal data stays in Blob Storage: none in the Durable task hub (tables, queues, large-message blobs) nor in the logs.
        string[] personal =
        [
            .. CompressedYear.Members.SelectMany(m => new[] { m.Name, m.Email }),
            CompressedYear.Director, CompressedYear.Facilitator, CompressedYear.Consultant,
            "Dorte Direktør", "Frida Facilitator", "Kim Konsulent", "Borgerinddragelse", "Byen møder vandet", "sparring på tværs",
        ];
        IReadOnlyList<string> hub = await TaskHubContents.ReadAsync(fixture.Host.StorageConnectionString, fixture.Host.Options.TaskHub);
        Assert.Contains(hub, text => text.Contains(networkId));
        Assert.DoesNotContain(hub, text => personal.Any(p => text.Contains(p, StringComparison.OrdinalIgnoreCase)));
        IReadOnlyList<string> logs = fixture.Logs.Lines;
        Assert.Contains(logs, line => line.Contains(networkId));
        string[] secrets = [fixture.FunctionKey, fixture.Host.Options.MasterKey, "SG.local-mail-sink", "local-development-form-signing-key", "/api/forms/"];
        Assert.DoesNotContain(logs, line => personal.Concat(secrets).Any(p => line.Contains(p, StringComparison.OrdinalIgnoreCase)));
    }

    static async Task<string> SubmitAsync(HttpClient http, string link, params (string Name, string Value)[] fields)
    {
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(link)).StatusCode);
        using var content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        using HttpResponseMessage response = await http.PostAsync(link, content);
        string page = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {page}");
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        return page;
    }
}
