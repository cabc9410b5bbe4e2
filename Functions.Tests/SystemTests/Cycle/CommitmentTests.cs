using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using NetworkFunctions.Tests.SystemTests.EndToEnd;
using NetworkFunctions.Tests.Support;

namespace NetworkFunctions.Tests.SystemTests.Cycle;

/// <summary>
/// A commitment carried from one meeting to the next on the local host (in-memory engine, Azurite, the mail sink): made
/// in meeting 1's survey, shown on meeting 2's invitation form, answered there, opening meeting 2's agenda as an
/// anonymous round, and in the export without a name. The same form tells the member what became of their theme.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CommitmentTests(InMemoryHostFixture fixture) : IClassFixture<InMemoryHostFixture>
{
    static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    /// <summary>Meetings at +25 s and +85 s, 4 s long: invitations 60 s before (the first at once), deadline 12 s before, survey 1 s after the end.</summary>
    static readonly JsonObject Schedule = new()
    {
        ["invitationLead"] = "PT60S",
        ["contributionDeadlineLead"] = "PT12S",
        ["reminderLeads"] = new JsonArray(),
        ["finalAgendaLead"] = "PT5S",
        ["surveyDelay"] = "PT1S",
        ["surveyOpenFor"] = "PT90S",
        ["surveyReminderAfter"] = "PT80S",
    };

    [Fact]
    public async Task A_commitment_made_in_the_survey_is_followed_up_on_the_next_form_and_opens_the_next_agenda()
    {
        string tag = Guid.NewGuid().ToString("N")[..10];
        string id = $"commitment-{tag}";
        using HttpClient http = fixture.Api();
        using (HttpResponseMessage kickoff = await http.PostAsJsonAsync("/api/networks", CompressedYear.Document(id, DateTimeOffset.UtcNow, [25, 85], Schedule.DeepClone().AsObject(), tag, length: 4)))
        {
            Assert.Equal(HttpStatusCode.Accepted, kickoff.StatusCode);
        }

        var mailbox = new Mailbox(http);
        using var member = new HttpClient();
        string anne = CompressedYear.Email("anne", tag);
        ReceivedMail first = (await mailbox.WaitForAsync(PreparerYear.To(anne, "Invitation"), 1, Wait, "Anne's invitation to meeting 1")).Single();
        Assert.Equal(HttpStatusCode.OK, (await PreparerYear.PostAsync(member, first.FormLink,
            [new("attendance", "yes"), new("type", "theme"), new("title", "Frivillige <foreninger>"), new("description", "")])).Status);
        ReceivedMail survey = (await mailbox.WaitForAsync(PreparerYear.To(anne, "Hvordan var møde 1"), 1, Wait, "Anne's survey of meeting 1")).Single();
        (HttpStatusCode surveyed, string receipt) = await PreparerYear.PostAsync(member, survey.FormLink,
            [new("usefulness", "4"), new("relations", "4"), new("courage", "5"), new("commitment", "Invitere <foreningerne> ind")]);
        Assert.Equal(HttpStatusCode.OK, surveyed);
        Assert.Contains("Invitere &lt;foreningerne&gt; ind", receipt, StringComparison.Ordinal);

        ReceivedMail invitation = (await mailbox.WaitForAsync(PreparerYear.To(anne, "Invitation"), 2, Wait, "Anne's invitation to meeting 2"))
            .Single(m => m.Subject.Contains("møde 2", StringComparison.OrdinalIgnoreCase));
        string form = await member.GetStringAsync(invitation.FormLink);
        Assert.Contains("Sidst ville du prøve dette – nåede du det?", form, StringComparison.Ordinal);
        Assert.Contains("Invitere &lt;foreningerne&gt; ind", form, StringComparison.Ordinal);
        Assert.Contains("<summary>Det blev der af dine tidligere bidrag</summary>", form, StringComparison.Ordinal);
        Assert.Contains("<dt>Møde 1: Frivillige &lt;foreninger&gt;</dt><dd>På dagsordenen til møde 1 – Tema: Frivillige &lt;foreninger&gt;</dd>", form, StringComparison.Ordinal);
        string bo = CompressedYear.Email("bo", tag);
        string boForm = await member.GetStringAsync((await mailbox.WaitForAsync(PreparerYear.To(bo, "Invitation"), 2, Wait, "Bo's invitation to meeting 2"))
            .Single(m => m.Subject.Contains("møde 2", StringComparison.OrdinalIgnoreCase)).FormLink);
        Assert.DoesNotContain("name=\"tried\"", boForm, StringComparison.Ordinal);

        // A form sent back with a problem still shows what became of her earlier contributions.
        (HttpStatusCode refused, string refusedPage) = await PreparerYear.PostAsync(member, invitation.FormLink,
            [new("tried", "yes"), new("triedNote", "Tre foreninger kom & blev"), new("type", "theme"), new("title", ""), new("description", "")]);
        Assert.Equal(HttpStatusCode.BadRequest, refused);
        Assert.Contains("<dt>Møde 1: Frivillige &lt;foreninger&gt;</dt>", refusedPage, StringComparison.Ordinal);

        (HttpStatusCode answered, string answeredPage) = await PreparerYear.PostAsync(member, invitation.FormLink,
            [new("attendance", "yes"), new("tried", "yes"), new("triedNote", "Tre foreninger kom & blev"), new("type", "theme"), new("title", ""), new("description", "")]);
        Assert.Equal(HttpStatusCode.OK, answered);
        Assert.Contains("Tre foreninger kom &amp; blev", answeredPage, StringComparison.Ordinal);

        // The preparers' draft of meeting 2 opens with the round, without Anne's name in it.
        ReceivedMail agenda = (await mailbox.WaitForAsync(PreparerYear.To(CompressedYear.Email("facilitator", tag), "Dagsorden til møde 2"), 1, Wait, "the draft agenda of meeting 2")).Single();
        int round = agenda.Text.IndexOf("Runde: Det har vi prøvet siden sidst – 1 af 1", StringComparison.Ordinal);
        Assert.True(round >= 0, "the round is on the agenda");
        Assert.True(round < agenda.Text.IndexOf("\n  – Tre foreninger kom & blev", StringComparison.Ordinal), "each note indented under the round");
        Assert.DoesNotContain("Anne", agenda.Text[round..agenda.Text.IndexOf("Tre foreninger kom & blev", StringComparison.Ordinal)], StringComparison.Ordinal);

        string export = Encoding.UTF8.GetString(await http.GetByteArrayAsync($"/api/networks/{id}/export.csv?table=commitments"));
        Assert.Contains("2;\"Invitere <foreningerne> ind\";ja;\"Tre foreninger kom & blev\"", export, StringComparison.Ordinal);
        Assert.DoesNotContain("Anne", export, StringComparison.Ordinal);
    }
}
