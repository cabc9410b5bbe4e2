using System.Text.Json;
using System.Text.Json.Nodes;
using NetworkFunctions.Local.Mail;
using static NetworkFunctions.Tests.Support.Payloads;

namespace NetworkFunctions.Tests.Unit.Local.Mail;

public sealed class MailboxEntryBuilderTests
{
    private static readonly DateTimeOffset ReceivedAt = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static IReadOnlyList<MailboxEntry> Build(JsonObject payload)
    {
        var validation = Validate(payload);
        Assert.Empty(validation.Errors);
        return MailboxEntryBuilder.Build(validation.Payload!, "msg-1", ReceivedAt);
    }

    [Fact]
    public void MakesOneEntryPerRecipientOfEveryPersonalization()
    {
        var payload = Valid();
        payload["personalizations"] = new JsonArray(
            new JsonObject
            {
                ["to"] = Addresses(["a@example.com", "b@example.com"]),
                ["cc"] = Addresses(["c@example.com"]),
                ["bcc"] = Addresses(["d@example.com"]),
            },
            new JsonObject { ["to"] = Addresses(["a@example.com"]) });

        var entries = Build(payload);

        Assert.Equal(
            ["a@example.com", "b@example.com", "c@example.com", "d@example.com", "a@example.com"],
            entries.Select(e => Assert.Single(e.To)));
        Assert.Equal(5, entries.Select(e => e.Id).Distinct().Count());
        Assert.All(entries, e =>
        {
            Assert.Equal("msg-1", e.MessageId);
            Assert.Equal(ReceivedAt, e.ReceivedAt);
            Assert.Equal("board@example.com", e.From);
            Assert.Equal("Invitation", e.Subject);
            Assert.Equal("Hello", e.Text);
            Assert.Equal("<p>Hello</p>", e.Html);
        });
    }

    [Fact]
    public void NamesNoOtherRecipientInAnEntry()
    {
        var payload = Valid();
        Personalization(payload)["to"] = Addresses(["a@example.com", "b@example.com"]);
        Personalization(payload)["bcc"] = Addresses(["secret@example.com"]);

        var entries = Build(payload);

        foreach (var entry in entries)
        {
            var json = JsonSerializer.Serialize(entry);
            var others = new[] { "a@example.com", "b@example.com", "secret@example.com" }.Except(entry.To);
            Assert.All(others, other => Assert.DoesNotContain(other, json, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public void PrefersThePersonalizationsSubjectAndFrom()
    {
        var payload = Valid();
        payload["personalizations"] = new JsonArray(
            new JsonObject { ["to"] = Addresses(["a@example.com"]), ["subject"] = "Just for A", ["from"] = Address("chair@example.com") },
            new JsonObject { ["to"] = Addresses(["b@example.com"]) });

        var entries = Build(payload);

        Assert.Equal(("Just for A", "chair@example.com"), (entries[0].Subject, entries[0].From));
        Assert.Equal(("Invitation", "board@example.com"), (entries[1].Subject, entries[1].From));
    }

    [Fact]
    public void AppliesEachPersonalizationsSubstitutions()
    {
        var payload = Valid();
        payload["subject"] = "Hi -name-";
        payload["content"] = new JsonArray(
            new JsonObject { ["type"] = "text/plain", ["value"] = "Dear -name-, -name- again. Room -room-." },
            new JsonObject { ["type"] = "text/html", ["value"] = "<p>Dear -name-</p>" });
        payload["personalizations"] = new JsonArray(
            new JsonObject { ["to"] = Addresses(["a@example.com"]), ["substitutions"] = new JsonObject { ["-name-"] = "Anna", ["-room-"] = "1" } },
            new JsonObject { ["to"] = Addresses(["b@example.com"]), ["substitutions"] = new JsonObject { ["-name-"] = "Bo" } });

        var entries = Build(payload);

        Assert.Equal(("Hi Anna", "Dear Anna, Anna again. Room 1.", "<p>Dear Anna</p>"), (entries[0].Subject, entries[0].Text, entries[0].Html));
        Assert.Equal(("Hi Bo", "Dear Bo, Bo again. Room -room-.", "<p>Dear Bo</p>"), (entries[1].Subject, entries[1].Text, entries[1].Html));
    }

    [Fact]
    public void SubstitutesLongerKeysFirst()
    {
        var substitutions = new Dictionary<string, string> { ["-name-"] = "Anna", ["-name-full-"] = "Anna Berg" };

        Assert.Equal("Anna / Anna Berg", MailboxEntryBuilder.Substitute("-name- / -name-full-", substitutions, new Dictionary<string, string>()));
    }

    [Fact]
    public void ExpandsSectionsThatSubstitutionsBringIn()
    {
        var substitutions = new Dictionary<string, string> { ["-greeting-"] = "-formal-" };
        var sections = new Dictionary<string, string> { ["-formal-"] = "Dear member" };

        Assert.Equal("Dear member,", MailboxEntryBuilder.Substitute("-greeting-,", substitutions, sections));
    }

    [Fact]
    public void MergesCustomArgsWithThePersonalizationWinning()
    {
        var payload = Valid();
        payload["custom_args"] = new JsonObject { ["meeting"] = "2025-03", ["kind"] = "global" };
        Personalization(payload)["custom_args"] = new JsonObject { ["kind"] = "personal", ["member"] = "17" };
        payload["categories"] = new JsonArray("invitation", "march");

        var entry = Assert.Single(Build(payload));

        Assert.Equal(
            new Dictionary<string, string> { ["meeting"] = "2025-03", ["kind"] = "personal", ["member"] = "17" },
            entry.CustomArgs);
        Assert.Equal(["invitation", "march"], entry.Categories);
    }

    [Fact]
    public void KeepsAttachmentsAsBase64WithADefaultType()
    {
        var payload = Valid();
        payload["attachments"] = new JsonArray(
            new JsonObject { ["content"] = "AQID", ["filename"] = "a.bin" },
            new JsonObject { ["content"] = "JVBERg==", ["filename"] = "agenda.pdf", ["type"] = "application/pdf" });

        var entry = Assert.Single(Build(payload));

        Assert.Equal(
            [new MailboxAttachment("a.bin", "application/octet-stream", "AQID"), new MailboxAttachment("agenda.pdf", "application/pdf", "JVBERg==")],
            entry.Attachments);
    }

    [Fact]
    public void LeavesBodiesEmptyForATemplate()
    {
        var payload = Valid();
        payload.Remove("content");
        payload.Remove("subject");
        payload["template_id"] = "d-1";

        var entry = Assert.Single(Build(payload));

        Assert.Equal((null, null, null), (entry.Subject, entry.Html, entry.Text));
    }
}
