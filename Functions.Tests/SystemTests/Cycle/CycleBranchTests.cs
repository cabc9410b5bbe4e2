using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using NetworkFunctions.Durable;
using NetworkFunctions.Forms;
using NetworkFunctions.Networks;
using NetworkFunctions.Storage;
using NetworkFunctions.Tests.SystemTests.EndToEnd;
using NetworkFunctions.Tests.Support;

namespace NetworkFunctions.Tests.SystemTests.Cycle;

/// <summary>
/// The branches of a meeting's life on the in-memory engine (durable timers fire exactly on time there): moving and
/// cancelling a meeting, members joining and leaving, answers after the deadline, bad links. Through HTTP and the mailbox.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CycleBranchTests(InMemoryHostFixture fixture) : IClassFixture<InMemoryHostFixture>
{
    static readonly TimeSpan Wait = TimeSpan.FromSeconds(40);

    /// <summary>Invitation at once, reminder 6 s later, deadline 10 s after kickoff, meeting 15 s after, survey 1 s after its end.</summary>
    static JsonObject Schedule(int start) => new()
    {
        ["invitationLead"] = $"PT{start}S",
        ["contributionDeadlineLead"] = $"PT{start - 10}S",
        ["reminderLeads"] = new JsonArray("PT4S"),
        ["finalAgendaLead"] = "PT3S",
        ["surveyDelay"] = "PT1S",
        ["surveyOpenFor"] = "PT6S",
        ["surveyReminderAfter"] = "PT3S",
    };

    async Task<(HttpClient Http, Mailbox Mailbox, string Id, string Tag)> KickOffAsync(int[] starts, int firstStart = 15)
    {
        string tag = Guid.NewGuid().ToString("N")[..10];
        string id = $"branch-{tag}";
        HttpClient http = fixture.Api();
        JsonObject document = CompressedYear.Document(id, DateTimeOffset.UtcNow, starts, Schedule(firstStart), tag, length: 4);
        using HttpResponseMessage response = await http.PostAsJsonAsync("/api/networks", document);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (http, new Mailbox(http), id, tag);
    }

    static Func<ReceivedMail, bool> To(string tag, string subjectStart) =>
        m => m.Recipient.Contains($".{tag}@", StringComparison.Ordinal) && m.Subject.StartsWith(subjectStart, StringComparison.Ordinal);

    [Fact]
    public async Task A_meeting_moved_later_after_its_agenda_keeps_its_agenda_and_its_form_closed()
    {
        // Deadline at +10 s, the agenda at +12 s, the meeting at +30 s: moved while it still lies ahead.
        (HttpClient http, Mailbox mailbox, string id, string tag) = await KickOffAsync([30], firstStart: 30);
        ReceivedMail invitation = (await mailbox.WaitForAsync(To(tag, "Invitation"), 6, Wait, "invitations")).First(m => m.Recipient.StartsWith("anne.", StringComparison.Ordinal));
        await mailbox.WaitForAsync(To(tag, "Dagsorden til møde 1"), 2, Wait, "the agenda");
        DateTimeOffset start = DateTimeOffset.UtcNow.AddSeconds(40);

        using HttpResponseMessage moved = await http.PatchAsync($"/api/networks/{id}/meetings/1",
            JsonContent.Create(new { start = CompressedYear.Instant(start), end = CompressedYear.Instant(start.AddSeconds(4)) }));
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);

        // The deadline now lies ahead again, but the answers were sealed for the agenda: the update offers no form, and
        // an answer is refused rather than acknowledged and left off the agenda.
        IReadOnlyList<ReceivedMail> updates = await mailbox.WaitForAsync(To(tag, "Ændret"), 6, Wait, "updated invitations");
        Assert.All(updates, u => Assert.DoesNotContain("/api/forms/", u.Text, StringComparison.Ordinal));
        // A link valid until the new deadline (as a fresh link would be) still meets the seal.
        var tokens = fixture.Host.Services.GetRequiredService<FormTokens>();
        string token = invitation.FormLink[(invitation.FormLink.LastIndexOf('/') + 1)..];
        Assert.Equal(TokenCheck.Valid, tokens.Verify(token, invitation.ReceivedAt, out FormGrant? grant));
        string fresh = tokens.Create(grant! with { ExpiresAt = start });
        using HttpResponseMessage shown = await http.GetAsync($"/api/forms/{fresh}");
        Assert.Equal(HttpStatusCode.Gone, shown.StatusCode);
        using HttpResponseMessage late = await http.PostAsync($"/api/forms/{fresh}",
            new FormUrlEncodedContent([new("attendance", "yes"), new("type", "theme"), new("title", "For sent")]));
        Assert.Equal(HttpStatusCode.Gone, late.StatusCode);
        IReadOnlyList<ReceivedMail> finals = await mailbox.WaitForAsync(To(tag, "Dagsorden: "), 5, Wait, "the final agenda");
        Assert.DoesNotContain("For sent", finals[0].Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_moved_meeting_sends_an_updated_calendar_entry_and_runs_on_its_new_times()
    {
        (HttpClient http, Mailbox mailbox, string id, string tag) = await KickOffAsync([15]);
        await mailbox.WaitForAsync(To(tag, "Invitation"), 6, Wait, "invitations");
        DateTimeOffset start = DateTimeOffset.UtcNow.AddSeconds(25);

        using HttpResponseMessage moved = await http.PatchAsync($"/api/networks/{id}/meetings/1",
            JsonContent.Create(new { start = CompressedYear.Instant(start), end = CompressedYear.Instant(start.AddSeconds(4)), location = "Byrådssalen" }));

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        IReadOnlyList<ReceivedMail> updates = await mailbox.WaitForAsync(To(tag, "Ændret"), 6, Wait, "updated invitations");
        foreach (ReceivedMail update in updates)
        {
            string ics = Assert.Single(update.Attachments).Unfolded;
            Assert.Contains("SEQUENCE:1", ics);
            Assert.Contains("METHOD:REQUEST", ics);
            Assert.Contains("LOCATION:Byrådssalen", ics);
            Assert.Contains($"UID:{id}-meeting-1@networkfunctions", ics);
        }

        IReadOnlyList<ReceivedMail> agenda = await mailbox.WaitForAsync(To(tag, "Dagsorden til møde 1"), 2, Wait, "the agenda");
        Assert.All(agenda, m => Assert.True(m.ReceivedAt >= start.AddSeconds(-10).AddSeconds(-2), "the agenda followed the new deadline"));
        JsonElement status = await StatusAsync(http, id);
        Assert.Equal(1, status.GetProperty("meetings")[0].GetProperty("revision").GetInt32());
    }

    [Fact]
    public async Task A_meeting_cancelled_before_its_invitations_sends_nothing_and_the_year_still_ends()
    {
        (HttpClient http, Mailbox mailbox, string id, string tag) = await KickOffAsync([15, 200]);

        using HttpResponseMessage cancelled = await http.PatchAsync($"/api/networks/{id}/meetings/2", JsonContent.Create(new { cancelled = true }));
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        using HttpResponseMessage again = await http.PatchAsync($"/api/networks/{id}/meetings/2", JsonContent.Create(new { cancelled = true }));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        await mailbox.WaitForAsync(To(tag, "Årsrapport"), 3, Wait * 2, "the year-end report");
        IReadOnlyList<ReceivedMail> all = (await mailbox.AllAsync()).Where(m => m.Recipient.Contains($".{tag}@")).ToList();
        Assert.DoesNotContain(all, m => m.Subject.Contains("møde 2"));
        Assert.DoesNotContain(all, m => m.Subject.StartsWith("Aflyst"));
        JsonElement status = await StatusAsync(http, id);
        Assert.Equal(["closed", "cancelled"], status.GetProperty("meetings").EnumerateArray().Select(m => m.GetProperty("phase").GetString()));
    }

    [Fact]
    public async Task A_change_whose_event_was_lost_is_seen_when_the_meetings_timer_fires()
    {
        DateTimeOffset kickedOff = DateTimeOffset.UtcNow;
        (_, Mailbox mailbox, string id, string tag) = await KickOffAsync([15, 40, 70]);
        DurableTaskClient client = fixture.Host.DurableClient;
        foreach (int waiting in new[] { 2, 3 })
        {
            await Polling.UntilAsync(
                async () => await client.GetInstanceAsync(InstanceIds.Meeting(id, waiting), getInputsAndOutputs: true) is { SerializedCustomStatus: not null } asleep ? asleep : null,
                Wait,
                $"meeting {waiting} to read its plan and sleep");
        }

        // Changed in the document only, as when the API saved a change but could not tell the meeting: meeting 2 moved
        // 15 s later (its invitation from +25 s to +40 s), meeting 3 cancelled before its invitation at +55 s.
        var store = fixture.Host.Services.GetRequiredService<NetworkStore>();
        (Network network, Azure.ETag etag) = (await store.LoadNetworkAsync(id))!.Value;
        Network changed = network with
        {
            Meetings = [.. network.Meetings.Select(m => m.Number switch
            {
                2 => m with { Start = m.Start.AddSeconds(15), End = m.End.AddSeconds(15), Revision = m.Revision + 1 },
                3 => m with { Cancelled = true, Revision = m.Revision + 1 },
                _ => m,
            })],
        };
        Assert.True(await store.SaveNetworkAsync(changed, etag));

        IReadOnlyList<ReceivedMail> second = await mailbox.WaitForAsync(m => To(tag, "Invitation")(m) && m.Subject.Contains("møde 2"), 5, Wait * 2, "invitations to meeting 2");
        Assert.All(second, m => Assert.True(m.ReceivedAt >= kickedOff.AddSeconds(39), $"invited at {m.ReceivedAt:O}, on the old schedule"));
        Assert.All(second, m => Assert.Contains("SEQUENCE:1", Assert.Single(m.Attachments).Unfolded, StringComparison.Ordinal));

        OrchestrationMetadata third = await Polling.UntilAsync(
            async () => await client.GetInstanceAsync(InstanceIds.Meeting(id, 3), getInputsAndOutputs: true) is { RuntimeStatus: OrchestrationRuntimeStatus.Completed } done ? done : null,
            Wait * 2,
            "meeting 3 to end");
        Assert.Equal(MeetingSteps.Cancelled, third.ReadOutputAs<MeetingOutcome>()!.Phase);
        Assert.DoesNotContain(await mailbox.AllAsync(), m => m.Recipient.Contains($".{tag}@", StringComparison.Ordinal) && m.Subject.Contains("møde 3", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_member_whose_address_is_corrected_gets_the_steps_still_to_come_there_and_keeps_their_answer()
    {
        (HttpClient http, Mailbox mailbox, string id, string tag) = await KickOffAsync([15]);
        IReadOnlyList<ReceivedMail> invitations = await mailbox.WaitForAsync(To(tag, "Invitation"), 6, Wait, "invitations");
        string eva = CompressedYear.Email("eva", tag), evaNew = CompressedYear.Email("evany", tag);
        string bo = CompressedYear.Email("bo", tag), boNew = CompressedYear.Email("bony", tag);
        using var forms = new HttpClient();
        Assert.Equal(HttpStatusCode.OK, (await forms.PostAsync(invitations.Single(m => m.Recipient == eva).FormLink,
            new FormUrlEncodedContent([new("attendance", "yes"), new("type", "theme"), new("title", "Evas tema")]))).StatusCode);
        string evaId = await Roster.IdOfAsync(http, id, eva), boId = await Roster.IdOfAsync(http, id, bo);

        // Refused with every field error, and by id only: nothing changes.
        using (HttpResponseMessage taken = await http.PatchAsJsonAsync($"/api/networks/{id}/members/{boId}", new { email = eva.ToUpperInvariant(), department = "Center for Kultur" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
            Assert.Equal("application/problem+json", taken.Content.Headers.ContentType!.MediaType);
            Assert.Equal(["department", "email"], (await taken.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name).Order());
        }

        using (HttpResponseMessage byAddress = await http.PatchAsJsonAsync($"/api/networks/{id}/members/{bo}", new { email = boNew }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, byAddress.StatusCode);
            Assert.True((await byAddress.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("memberId", out _));
        }

        Assert.Equal(HttpStatusCode.NotFound, (await http.PatchAsJsonAsync($"/api/networks/{id}/members/mnosuchmember", new { email = boNew })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.PatchAsJsonAsync($"/api/networks/no-such-network/members/{boId}", new { email = boNew })).StatusCode);

        using (HttpResponseMessage corrected = await http.PatchAsJsonAsync($"/api/networks/{id}/members/{evaId}", new { email = evaNew }))
        {
            Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
            Assert.Equal(evaNew, (await corrected.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("email").GetString());
        }

        Assert.Equal(HttpStatusCode.OK, (await http.PatchAsJsonAsync($"/api/networks/{id}/members/{boId}", new { email = boNew, name = "Bo Berg-Nielsen" })).StatusCode);
        Assert.Equal(boId, await Roster.IdOfAsync(http, id, boNew));

        // Bo had not answered: the reminder goes to his new address. Eva keeps her answer, and the final agenda reaches her new address.
        IReadOnlyList<ReceivedMail> reminders = await mailbox.WaitForAsync(To(tag, "Påmindelse: svar"), 4, Wait, "reminders");
        ReceivedMail boReminder = Assert.Single(reminders, m => m.Recipient == boNew);
        Assert.Contains("Bo Berg-Nielsen", boReminder.Html, StringComparison.Ordinal);
        IReadOnlyList<ReceivedMail> finals = await mailbox.WaitForAsync(To(tag, "Dagsorden: "), 5, Wait, "final agendas");
        Assert.Contains(finals, m => m.Recipient == evaNew);
        Assert.Contains("Evas tema", finals[0].Html, StringComparison.Ordinal);
        IReadOnlyList<ReceivedMail> all = await mailbox.AllAsync();
        Assert.DoesNotContain(all, m => (m.Recipient == bo || m.Recipient == eva) && !m.Subject.StartsWith("Invitation", StringComparison.Ordinal));
        JsonElement export = await http.GetFromJsonAsync<JsonElement>($"/api/networks/{id}/members/{evaId}");
        Assert.Equal("Evas tema", export.GetProperty("answers")[0].GetProperty("contributions")[0].GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_member_who_joins_is_invited_at_once_to_the_meeting_still_open_and_one_who_leaves_gets_nothing_more()
    {
        (HttpClient http, Mailbox mailbox, string id, string tag) = await KickOffAsync([15, 40]);
        IReadOnlyList<ReceivedMail> first = await mailbox.WaitForAsync(To(tag, "Invitation"), 6, Wait, "invitations to meeting 1");
        string eva = CompressedYear.Email("eva", tag);
        string frank = CompressedYear.Email("frank", tag);
        using var forms = new HttpClient();
        Assert.Equal(HttpStatusCode.OK, (await forms.PostAsync(first.Single(m => m.Recipient == eva).FormLink,
            new FormUrlEncodedContent([new("attendance", "yes"), new("type", "theme"), new("title", "Evas tema")]))).StatusCode);

        using HttpResponseMessage joined = await http.PostAsJsonAsync($"/api/networks/{id}/members", new { name = "Frank Frost", email = frank, department = "Center for Økonomi" });
        Assert.Equal(HttpStatusCode.Created, joined.StatusCode);
        string evaId = await Roster.IdOfAsync(http, id, eva);
        Assert.Equal($"/api/networks/{id}/members/{await Roster.IdOfAsync(http, id, frank)}", joined.Headers.Location!.AbsolutePath);
        using HttpResponseMessage left = await http.DeleteAsync($"/api/networks/{id}/members/{evaId}");
        Assert.Equal(HttpStatusCode.NoContent, left.StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/api/networks/{id}/members/{evaId}")).StatusCode);
        JsonElement export = await http.GetFromJsonAsync<JsonElement>($"/api/networks/{id}/members/{await Roster.IdOfAsync(http, id, frank)}");
        Assert.Equal("Frank Frost", export.GetProperty("member").GetProperty("name").GetString());
        JsonElement status = await StatusAsync(http, id);
        Assert.Empty(status.GetProperty("missingDepartments").EnumerateArray());

        // Meeting 1's form is still open: Frank gets its invitation now, with the calendar entry and his own link.
        ReceivedMail late = Assert.Single(await mailbox.WaitForAsync(m => m.Recipient == frank && m.Subject.StartsWith("Invitation") && m.Subject.Contains("møde 1"), 1, Wait, "Frank's invitation to meeting 1"));
        Assert.Contains("/api/forms/", late.FormLink);
        Assert.Contains(late.Attachments, a => a.Filename == "meeting-1.ics");
        IReadOnlyList<ReceivedMail> reminders = await mailbox.WaitForAsync(To(tag, "Påmindelse: svar"), 4, Wait, "reminders for meeting 1");
        Assert.DoesNotContain(reminders, m => m.Recipient == eva);
        IReadOnlyList<ReceivedMail> second = await mailbox.WaitForAsync(m => To(tag, "Invitation")(m) && m.Subject.Contains("møde 2"), 5, Wait, "invitations to meeting 2");
        Assert.Contains(second, m => m.Recipient == frank);
        Assert.DoesNotContain(second, m => m.Recipient == eva);

        IReadOnlyList<ReceivedMail> agenda = await mailbox.WaitForAsync(To(tag, "Dagsorden til møde 1"), 2, Wait, "the agenda of meeting 1");
        Assert.DoesNotContain("Evas tema", agenda[0].Html);
    }

    [Fact]
    public async Task An_answer_after_the_deadline_is_refused_with_410_and_a_bad_link_with_403_or_404()
    {
        (HttpClient http, Mailbox mailbox, string id, string tag) = await KickOffAsync([12]);
        ReceivedMail invitation = (await mailbox.WaitForAsync(To(tag, "Invitation"), 6, Wait, "invitations")).First(m => m.Recipient.StartsWith("anne."));
        string link = invitation.FormLink;
        using var forms = new HttpClient();

        Assert.Equal(HttpStatusCode.Forbidden, (await forms.GetAsync(FormLinks.Tampered(link))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await forms.GetAsync(FormLinks.NotAToken(link))).StatusCode);
        using HttpResponseMessage wrongType = await forms.PostAsync(link, JsonContent.Create(new { attendance = "yes" }));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, wrongType.StatusCode);
        using HttpResponseMessage invalid = await forms.PostAsync(link, new FormUrlEncodedContent([new("attendance", "perhaps")]));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("id=\"attendance-error\"", await invalid.Content.ReadAsStringAsync());

        await mailbox.WaitForAsync(To(tag, "Dagsorden til møde 1"), 2, Wait, "the agenda (the deadline has passed)");
        using HttpResponseMessage late = await forms.PostAsync(link, new FormUrlEncodedContent([new("attendance", "yes")]));
        Assert.Equal(HttpStatusCode.Gone, late.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await forms.GetAsync(link)).StatusCode);
        Assert.Equal(0, (await StatusAsync(http, id)).GetProperty("meetings")[0].GetProperty("answered").GetInt32());
    }

    [Fact]
    public async Task A_form_opened_by_a_link_scanner_changes_nothing()
    {
        (HttpClient http, Mailbox mailbox, string id, string tag) = await KickOffAsync([30]);
        ReceivedMail invitation = (await mailbox.WaitForAsync(To(tag, "Invitation"), 6, Wait, "invitations")).First(m => m.Recipient.StartsWith("bo."));
        using var forms = new HttpClient();

        using HttpResponseMessage get = await forms.GetAsync(invitation.FormLink);
        using HttpResponseMessage head = await forms.SendAsync(new HttpRequestMessage(HttpMethod.Head, invitation.FormLink));

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal("no-referrer", get.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("default-src 'none'", get.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", get.Headers.GetValues("X-Content-Type-Options").Single());
        JsonElement meeting = (await StatusAsync(http, id)).GetProperty("meetings")[0];
        Assert.Equal(0, meeting.GetProperty("answered").GetInt32());
        Assert.Equal("collecting", meeting.GetProperty("phase").GetString());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, meeting.GetProperty("nextStepAt").ValueKind);
    }

    static async Task<JsonElement> StatusAsync(HttpClient http, string id) =>
        await http.GetFromJsonAsync<JsonElement>($"/api/networks/{id}");
}
