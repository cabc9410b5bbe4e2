using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NetworkFunctions.Local.Mail;
using SendGrid.Helpers.Mail;
using static NetworkFunctions.Local.Mail.SendGridMessages;
using static NetworkFunctions.Tests.Support.Payloads;

namespace NetworkFunctions.Tests.Unit.Local.Mail;

public sealed class SendGridPayloadValidatorTests
{
    [Fact]
    public void AcceptsAMinimalPayload()
    {
        var result = Validate(Valid());

        Assert.True(result.IsValid);
        Assert.Equal(202, result.StatusCode);
        Assert.Empty(result.Errors);
        Assert.Equal("board@example.com", result.Payload!.From!.Email);
        Assert.Equal("member@example.com", Assert.Single(result.Payload.Personalizations![0].To!).Email);
    }

    [Fact]
    public void AcceptsWhatTheSendGridClientSerializes()
    {
        var message = MailHelper.CreateSingleEmail(
            new EmailAddress("board@example.com", "Bestyrelsen"), new EmailAddress("jørgen@example.dk", "Jørgen"),
            "Indkaldelse", "Hej Jørgen", "<p>Hej <b>Jørgen</b></p>");
        message.SetReplyTo(new EmailAddress("reply@example.com"));
        message.AddCc(new EmailAddress("cc@example.com"));
        message.AddBcc(new EmailAddress("bcc@example.com"));
        message.AddAttachment("agenda.pdf", Convert.ToBase64String([1, 2, 3]), "application/pdf", "attachment", "agenda");
        message.AddCategory("invitation");
        message.AddCustomArg("meeting", "2025-03");
        message.AddHeader("X-Meeting", "2025-03");
        message.SetAsm(42, [42, 43]);
        message.SetClickTracking(false, false);
        message.SetSendAt(1_700_000_000);

        var result = Validate(message.Serialize());

        Assert.Empty(result.Errors);
        Assert.True(result.IsValid);
        Assert.Equal("agenda.pdf", Assert.Single(result.Payload!.Attachments!).Filename);
        Assert.Equal(42, result.Payload.Asm!.GroupId);
    }

    [Fact]
    public void AcceptsOnePersonalizationPerRecipientFromTheClient()
    {
        var tos = Enumerable.Range(0, 3).Select(i => new EmailAddress($"m{i}@example.com")).ToList();
        var message = MailHelper.CreateMultipleEmailsToMultipleRecipients(
            new EmailAddress("board@example.com"), tos, ["S0", "S1", "S2"], "Hi -name-", "<p>Hi -name-</p>",
            [.. tos.Select(t => new Dictionary<string, string> { ["-name-"] = t.Email })]);

        var result = Validate(message.Serialize());

        Assert.True(result.IsValid);
        Assert.Equal(3, result.Payload!.Personalizations!.Count);
    }

    [Fact]
    public void AnswersSandboxModeWith200()
    {
        var payload = Valid();
        payload["mail_settings"] = new JsonObject { ["sandbox_mode"] = new JsonObject { ["enable"] = true } };

        var result = Validate(payload);

        Assert.True(result.IsValid);
        Assert.True(result.IsSandbox);
        Assert.Equal(200, result.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("\"text\"")]
    [InlineData("{} {}")]
    [InlineData("{\"from\": }")]
    public void RejectsWhatIsNotAJsonObject(string body)
    {
        var result = Validate(body);

        Assert.False(result.IsValid);
        Assert.Equal(400, result.StatusCode);
        Assert.Equal([((string?)null, "Bad Request")], result.Errors());
    }

    [Fact]
    public void AcceptsAByteOrderMark()
    {
        var body = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Valid().ToJsonString())).ToArray();

        Assert.True(SendGridPayloadValidator.Validate(body).IsValid);
    }

    [Fact]
    public void RejectsInvalidUtf8With415()
    {
        var body = Encoding.UTF8.GetBytes(Valid().ToJsonString());
        body[Array.IndexOf(body, (byte)'H')] = 0xFF;

        var result = SendGridPayloadValidator.Validate(body);

        Assert.Equal(415, result.StatusCode);
        Assert.Equal([((string?)null, "Invalid UTF8 in request")], result.Errors());
    }

    [Fact]
    public void RejectsAPayloadOver30MegabytesWith413()
    {
        var result = SendGridPayloadValidator.Validate(new byte[SendGridPayloadValidator.MaxPayloadBytes + 1]);

        Assert.Equal(413, result.StatusCode);
        Assert.Equal([((string?)null, PayloadTooLarge)], result.Errors());
    }

    [Fact]
    public void RequiresFrom()
    {
        var payload = Valid();
        payload.Remove("from");

        Assert.Equal([("from", FromRequired)], Validate(payload).Errors());
    }

    [Fact]
    public void RequiresTheEmailOfFrom()
    {
        var payload = Valid();
        payload["from"] = new JsonObject { ["name"] = "Nobody" };

        Assert.Equal([("from.email", FromRequired)], Validate(payload).Errors());
    }

    [Theory]
    [InlineData("board")]
    [InlineData("board@")]
    [InlineData("@example.com")]
    [InlineData("board@example")]
    [InlineData("bo ard@example.com")]
    [InlineData("board@@example.com")]
    [InlineData(".board@example.com")]
    [InlineData("bo..ard@example.com")]
    [InlineData("board@-example.com")]
    [InlineData("The board <board@example.com>")]
    [InlineData("")]
    public void RejectsAnInvalidFromAddress(string email)
    {
        var payload = Valid();
        payload["from"] = Address(email);

        Assert.Equal([("from.email", "The from email does not contain a valid address.")], Validate(payload).Errors());
    }

    [Fact]
    public void RejectsAFromEmailThatIsNotAString()
    {
        var payload = Valid();
        payload["from"] = new JsonObject { ["email"] = 42 };

        Assert.Equal([("from.email", FromInvalid)], Validate(payload).Errors());
    }

    [Theory]
    [InlineData("a@example.com")]
    [InlineData("first.last+tag@sub.example.co.uk")]
    [InlineData("jørgen@æblehave.dk")]
    [InlineData("o'brien@example.ie")]
    [InlineData("member@xn--blehave-fxa.dk")]
    [InlineData("UPPER@EXAMPLE.COM")]
    public void AcceptsValidAddresses(string email)
    {
        var payload = Valid();
        payload["from"] = Address(email);
        Personalization(payload)["to"] = new JsonArray(Address(email == "a@example.com" ? "b@example.com" : "a@example.com"));

        Assert.Empty(Validate(payload).Errors());
    }

    [Fact]
    public void RejectsAnAddressLongerThan320Characters()
    {
        var payload = Valid();
        Personalization(payload)["to"] = new JsonArray(Address(new string('a', 60) + "@" + string.Join('.', Enumerable.Repeat(new string('b', 60), 5)) + ".dk"));

        Assert.Equal([("personalizations.0.to.0.email", "The To email exceeds the maximum total length of 320 characters")], Validate(payload).Errors());
    }

    [Fact]
    public void RejectsANonStringName()
    {
        var payload = Valid();
        payload["from"]!["name"] = 7;

        Assert.Equal([("from.name", "The From name must be a string.")], Validate(payload).Errors());
    }

    [Fact]
    public void RequiresPersonalizations()
    {
        var payload = Valid();
        payload.Remove("personalizations");

        Assert.Equal([("personalizations", PersonalizationsRequired)], Validate(payload).Errors());
    }

    [Fact]
    public void RejectsPersonalizationsThatAreNotAnArray()
    {
        var payload = Valid();
        payload["personalizations"] = new JsonObject();

        Assert.Equal([("personalizations", PersonalizationsRequired)], Validate(payload).Errors());
    }

    [Fact]
    public void RejectsAnEmptyPersonalizationsArray()
    {
        var payload = Valid();
        payload["personalizations"] = new JsonArray();

        Assert.Equal([("personalizations", "You must have at least one personalization.")], Validate(payload).Errors());
    }

    [Fact]
    public void AcceptsAThousandPersonalizations()
    {
        var payload = Valid();
        payload["personalizations"] = new JsonArray([.. Enumerable.Range(0, 1000).Select(i => (JsonNode)new JsonObject { ["to"] = Addresses([$"m{i}@example.com"]) })]);

        Assert.True(Validate(payload).IsValid);
    }

    [Fact]
    public void RejectsMoreThanAThousandPersonalizations()
    {
        var payload = Valid();
        payload["personalizations"] = new JsonArray([.. Enumerable.Range(0, 1001).Select(i => (JsonNode)new JsonObject { ["to"] = Addresses([$"m{i}@example.com"]) })]);

        Assert.Equal(
            [
                ("personalizations", TooManyPersonalizations(1001)),
                ("personalizations", "There is a limit of 1000 total recipients (to + cc + bcc) per request."),
            ],
            Validate(payload).Errors());
        Assert.Contains("You have provided 1001 personalizations.", TooManyPersonalizations(1001), StringComparison.Ordinal);
    }

    [Fact]
    public void RejectsMoreThanAThousandRecipientsAcrossPersonalizations()
    {
        var payload = Valid();
        payload["personalizations"] = new JsonArray(
            new JsonObject { ["to"] = Addresses(Enumerable.Range(0, 500).Select(i => $"a{i}@example.com")) },
            new JsonObject
            {
                ["to"] = Addresses(Enumerable.Range(0, 300).Select(i => $"b{i}@example.com")),
                ["cc"] = Addresses(Enumerable.Range(0, 100).Select(i => $"c{i}@example.com")),
                ["bcc"] = Addresses(Enumerable.Range(0, 101).Select(i => $"d{i}@example.com")),
            });

        Assert.Equal([("personalizations", TooManyRecipients)], Validate(payload).Errors());
    }

    [Fact]
    public void RequiresAToInEveryPersonalization()
    {
        var payload = Valid();
        payload["personalizations"] = new JsonArray(
            new JsonObject { ["to"] = Addresses(["a@example.com"]) },
            new JsonObject { ["cc"] = Addresses(["b@example.com"]) },
            new JsonObject { ["to"] = new JsonArray() },
            JsonValue.Create("not an object"));

        Assert.Equal(
            [
                ("personalizations.1.to", "The to parameter is required for all personalization objects."),
                ("personalizations.2.to", ToRequired),
                ("personalizations.3.to", ToRequired),
            ],
            Validate(payload).Errors());
    }

    [Fact]
    public void RejectsRecipientListsThatAreNotArrays()
    {
        var payload = Valid();
        Personalization(payload)["cc"] = Address("cc@example.com");

        Assert.Equal([("personalizations.0.cc", RecipientArray("cc"))], Validate(payload).Errors());
    }

    [Fact]
    public void RejectsEveryInvalidRecipientWithItsField()
    {
        var payload = Valid();
        var personalization = Personalization(payload);
        personalization["to"] = new JsonArray(Address("ok@example.com"), Address("not-an-email"));
        personalization["cc"] = new JsonArray(new JsonObject { ["name"] = "No address" });
        personalization["bcc"] = new JsonArray(JsonValue.Create("bcc@example.com"));

        Assert.Equal(
            [
                ("personalizations.0.to.1.email", "Does not contain a valid address."),
                ("personalizations.0.cc.0.email", AddressInvalid),
                ("personalizations.0.bcc.0.email", AddressInvalid),
            ],
            Validate(payload).Errors());
    }

    [Fact]
    public void RejectsTheSameAddressTwiceInOnePersonalization()
    {
        var payload = Valid();
        var personalization = Personalization(payload);
        personalization["to"] = Addresses(["member@example.com", "other@example.com"]);
        personalization["cc"] = Addresses(["x@example.com"]);
        personalization["bcc"] = Addresses(["Member@Example.com", "other@example.com"]);

        Assert.Equal(
            [("personalizations.0", DuplicateRecipient("Member@Example.com", "personalizations.0.bcc"))],
            Validate(payload).Errors());
        Assert.StartsWith("Each email address in the personalization block should be unique between to, cc, and bcc.", DuplicateRecipient("a", "b"), StringComparison.Ordinal);
    }

    [Fact]
    public void AllowsTheSameAddressInDifferentPersonalizations()
    {
        var payload = Valid();
        payload["personalizations"] = new JsonArray(
            new JsonObject { ["to"] = Addresses(["member@example.com"]) },
            new JsonObject { ["to"] = Addresses(["member@example.com"]) });

        Assert.True(Validate(payload).IsValid);
    }

    [Fact]
    public void ChecksAPersonalizationsOwnFrom()
    {
        var payload = Valid();
        Personalization(payload)["from"] = Address("nobody");

        Assert.Equal([("personalizations.0.from.email", FromInvalid)], Validate(payload).Errors());
    }

    [Fact]
    public void RequiresASubject()
    {
        var payload = Valid();
        payload.Remove("subject");

        Assert.Equal([("subject", SubjectRequired)], Validate(payload).Errors());
    }

    [Fact]
    public void AcceptsASubjectInEveryPersonalizationInsteadOfAGlobalOne()
    {
        var payload = Valid();
        payload.Remove("subject");
        payload["personalizations"] = new JsonArray(
            new JsonObject { ["to"] = Addresses(["a@example.com"]), ["subject"] = "A" },
            new JsonObject { ["to"] = Addresses(["b@example.com"]), ["subject"] = "B" });

        Assert.True(Validate(payload).IsValid);
    }

    [Fact]
    public void RequiresAGlobalSubjectWhenOnePersonalizationHasNone()
    {
        var payload = Valid();
        payload.Remove("subject");
        payload["personalizations"] = new JsonArray(
            new JsonObject { ["to"] = Addresses(["a@example.com"]), ["subject"] = "A" },
            new JsonObject { ["to"] = Addresses(["b@example.com"]) });

        Assert.Equal([("subject", SubjectRequired)], Validate(payload).Errors());
    }

    [Fact]
    public void RejectsEmptySubjects()
    {
        var payload = Valid();
        payload["subject"] = "";
        Personalization(payload)["subject"] = "";

        Assert.Equal(
            [
                ("personalizations.0.subject", "The subject of your email must be a string at least one character in length."),
                ("subject", SubjectEmpty),
            ],
            Validate(payload).Errors());
    }

    [Fact]
    public void LetsATemplateStandInForSubjectAndContent()
    {
        var payload = Valid();
        payload.Remove("subject");
        payload.Remove("content");
        payload["template_id"] = "d-0123456789abcdef";
        Personalization(payload)["dynamic_template_data"] = new JsonObject { ["name"] = "Jørgen", ["items"] = new JsonArray(1, 2) };

        var result = Validate(payload);

        Assert.True(result.IsValid);
        Assert.Equal("d-0123456789abcdef", result.Payload!.TemplateId);
    }

    [Fact]
    public void RejectsATemplateIdThatIsNotAString()
    {
        var payload = Valid();
        payload["template_id"] = 12;

        Assert.Equal([("template_id", "The template ID must be a string, you provided 12.")], Validate(payload).Errors());
    }

    [Fact]
    public void RequiresContent()
    {
        var payload = Valid();
        payload.Remove("content");

        Assert.Equal([("content", ContentRequired)], Validate(payload).Errors());
    }

    [Fact]
    public void RequiresAtLeastOneContentBlock()
    {
        var payload = Valid();
        payload["content"] = new JsonArray();

        Assert.Equal([("content", ContentEmpty)], Validate(payload).Errors());
    }

    [Fact]
    public void RequiresTypeAndValueInEveryContentBlock()
    {
        var payload = Valid();
        payload["content"] = new JsonArray(
            new JsonObject { ["type"] = "text/plain", ["value"] = "" },
            new JsonObject { ["value"] = "<p>Hi</p>" },
            new JsonObject { ["type"] = "", ["value"] = "x" },
            new JsonObject { ["type"] = "text/calendar" },
            new JsonObject { ["type"] = "text/html; charset=utf-8", ["value"] = "x" });

        Assert.Equal(
            [
                ("content.0.value", "The content value must be a string at least one character in length."),
                ("content.1.type", ContentTypeRequired),
                ("content.2.type", ContentTypeEmpty),
                ("content.3.value", ContentValueRequired),
                ("content.4.type", ContentTypeCharacters),
            ],
            Validate(payload).Errors());
    }

    [Fact]
    public void RequiresTextPlainFirst()
    {
        var payload = Valid();
        payload["content"] = new JsonArray(
            new JsonObject { ["type"] = "text/html", ["value"] = "<p>Hi</p>" },
            new JsonObject { ["type"] = "text/plain", ["value"] = "Hi" });

        Assert.Equal([("content", ContentOrder)], Validate(payload).Errors());
    }

    [Fact]
    public void AcceptsHtmlAlone()
    {
        var payload = Valid();
        payload["content"] = new JsonArray(new JsonObject { ["type"] = "text/html", ["value"] = "<p>Hi</p>" });

        Assert.True(Validate(payload).IsValid);
    }

    [Fact]
    public void RejectsRepeatedContentTypes()
    {
        var payload = Valid();
        payload["content"] = new JsonArray(
            new JsonObject { ["type"] = "text/plain", ["value"] = "a" },
            new JsonObject { ["type"] = "text/html", ["value"] = "b" },
            new JsonObject { ["type"] = "TEXT/HTML", ["value"] = "c" },
            new JsonObject { ["type"] = "text/calendar", ["value"] = "d" },
            new JsonObject { ["type"] = "text/calendar", ["value"] = "e" });

        Assert.Equal(
            [
                ("content", "If present, text/plain and text/html may only be provided once."),
                ("content", ContentTypeRepeated("text/calendar")),
            ],
            Validate(payload).Errors());
    }

    [Fact]
    public void RequiresContentAndFilenameOfEveryAttachment()
    {
        var payload = Valid();
        payload["attachments"] = new JsonArray(
            new JsonObject { ["content"] = "AQID", ["filename"] = "ok.bin" },
            new JsonObject { ["filename"] = "empty.bin" },
            new JsonObject { ["content"] = "not base64!", ["filename"] = "bad.bin" },
            new JsonObject { ["content"] = "AQID" },
            new JsonObject { ["content"] = "AQID", ["filename"] = 5 });

        Assert.Equal(
            [
                ("attachments.1.content", "The attachment content must be a string at least one character in length."),
                ("attachments.2.content", "The attachment content must be base64 encoded."),
                ("attachments.3.filename", "filename is required."),
                ("attachments.4.filename", AttachmentFilenameString),
            ],
            Validate(payload).Errors());
    }

    [Fact]
    public void RejectsBadAttachmentTypeDispositionAndHeaders()
    {
        var payload = Valid();
        payload["attachments"] = new JsonArray(
            new JsonObject { ["content"] = "AQID", ["filename"] = "a\r\nb.txt", ["type"] = "" },
            new JsonObject { ["content"] = "AQID", ["filename"] = "b.txt", ["type"] = "text/plain; charset=utf-8", ["disposition"] = "download" },
            new JsonObject { ["content"] = "AQID", ["filename"] = "c.png", ["type"] = "image/png", ["disposition"] = "inline", ["content_id"] = "a\nb" },
            new JsonObject { ["content"] = "AQID", ["filename"] = "d.png", ["content_id"] = 9 });

        Assert.Equal(
            [
                ("attachments.0.filename", AttachmentFilenameCharacters),
                ("attachments.0.type", AttachmentTypeEmpty),
                ("attachments.1.type", AttachmentTypeCharacters),
                ("attachments.1.disposition", "The disposition of your attachment can be either \"inline\" or \"attachment\". You provided download."),
                ("attachments.2.content_id", AttachmentContentIdCharacters),
                ("attachments.3.content_id", AttachmentContentIdString("9")),
            ],
            Validate(payload).Errors());
    }

    [Fact]
    public void AcceptsBase64WithLineBreaks()
    {
        var payload = Valid();
        var content = Convert.ToBase64String(new byte[200], Base64FormattingOptions.InsertLineBreaks);
        payload["attachments"] = new JsonArray(new JsonObject { ["content"] = content, ["filename"] = "zeros.bin" });

        Assert.Contains('\n', content);
        Assert.True(Validate(payload).IsValid);
    }

    [Fact]
    public void RejectsBadCategories()
    {
        var payload = Valid();
        payload["categories"] = new JsonArray(
            "a", "b", "c", "d", "e", "f", "g", "h", "i", "a", 3, "kø", new string('x', 256));

        Assert.Equal(
            [
                ("categories", TooManyCategories(13)),
                ("categories", CategoryRepeated("a")),
                ("categories", CategoriesStrings),
                ("categories", CategoriesAscii),
                ("categories", CategoryTooLong(new string('x', 256))),
            ],
            Validate(payload).Errors());
    }

    [Fact]
    public void RequiresStringValuesInCustomArgsSubstitutionsSectionsAndHeaders()
    {
        var payload = Valid();
        payload["custom_args"] = new JsonObject { ["meeting"] = 3 };
        payload["sections"] = new JsonObject { ["-s-"] = true };
        payload["headers"] = new JsonObject { ["X-A"] = new JsonArray() };
        var personalization = Personalization(payload);
        personalization["substitutions"] = new JsonObject { ["-name-"] = null };
        personalization["custom_args"] = new JsonObject();
        personalization["headers"] = new JsonArray();

        Assert.Equal(
            [
                ("personalizations.0.substitutions", SubstitutionsStrings),
                ("personalizations.0.custom_args", CustomArgsEmpty),
                ("personalizations.0.headers", HeadersStrings),
                ("custom_args", "All values of custom arguments object must be strings"),
                ("headers", HeadersStrings),
                ("sections", SectionsStrings),
            ],
            Validate(payload).Errors());
    }

    [Fact]
    public void RejectsReservedAndMalformedHeaderNames()
    {
        var payload = Valid();
        payload["headers"] = new JsonObject { ["Subject"] = "x", ["X Spaced"] = "y" };
        Personalization(payload)["headers"] = new JsonObject { ["reply-to"] = "z", ["X-Ok"] = "1" };

        Assert.Equal(
            [
                ("personalizations.0.headers", HeaderReserved),
                ("headers", HeaderKeys),
                ("headers", HeaderReserved),
            ],
            Validate(payload).Errors());
    }

    [Fact]
    public void RequiresIntegersWhereSendGridDoes()
    {
        var payload = Valid();
        payload["send_at"] = "tomorrow";
        Personalization(payload)["send_at"] = 1.5;
        payload["batch_id"] = 4;
        payload["ip_pool_name"] = false;
        payload["asm"] = new JsonObject { ["group_id"] = "42", ["groups_to_display"] = new JsonArray([.. Enumerable.Range(0, 26).Select(i => (JsonNode)i)]) };

        Assert.Equal(
            [
                ("personalizations.0.send_at", SendAtInteger),
                ("send_at", SendAtInteger),
                ("batch_id", BatchIdString),
                ("ip_pool_name", IpPoolString),
                ("asm.group_id", AsmGroupId),
                ("asm.groups_to_display", AsmGroupsLimit),
            ],
            Validate(payload).Errors());
    }

    [Fact]
    public void RequiresBooleanSettings()
    {
        var payload = Valid();
        payload["mail_settings"] = new JsonObject { ["sandbox_mode"] = new JsonObject { ["enable"] = "yes" } };
        payload["tracking_settings"] = new JsonObject
        {
            ["click_tracking"] = new JsonObject { ["enable"] = false, ["enable_text"] = false },
            ["ganalytics"] = new JsonObject { ["enable"] = 1 },
        };

        var result = Validate(payload);

        Assert.Equal(
            [
                ("mail_settings.sandbox_mode.enable", "The sandbox mode enable param should be a boolean value."),
                ("tracking_settings.ganalytics.enable", SettingEnable("Google Analytics")),
            ],
            result.Errors());
    }

    [Fact]
    public void ChecksReplyToAddresses()
    {
        var payload = Valid();
        payload["reply_to"] = Address("nobody");
        payload["reply_to_list"] = new JsonArray(Address("ok@example.com"), Address("bad"));

        Assert.Equal(
            [("reply_to.email", ReplyToInvalid), ("reply_to_list.1.email", AddressInvalid)],
            Validate(payload).Errors());
    }

    [Fact]
    public void ListsEveryViolationAtOnce()
    {
        const string body = """
            {
              "personalizations": [{ "to": [{ "email": "member@example" }], "cc": [{ "email": "member@example" }] }],
              "content": [{ "type": "text/html", "value": "" }],
              "attachments": [{ "content": "%%%" }]
            }
            """;

        var result = Validate(body);

        Assert.Equal(400, result.StatusCode);
        Assert.Null(result.Payload);
        Assert.Equal(
            [
                ("from", FromRequired),
                ("personalizations.0.to.0.email", AddressInvalid),
                ("personalizations.0.cc.0.email", AddressInvalid),
                ("subject", SubjectRequired),
                ("content.0.value", ContentValueEmpty),
                ("attachments.0.content", AttachmentContentBase64),
                ("attachments.0.filename", AttachmentFilenameRequired),
            ],
            result.Errors());
    }

    [Fact]
    public void WritesErrorsInSendGridsShape()
    {
        var json = JsonSerializer.Serialize(new SendGridErrorBody([new SendGridError("Does not contain a valid address.", "personalizations.0.to.0.email"), new SendGridError("Bad Request", null)]));

        Assert.Equal(
            """{"errors":[{"message":"Does not contain a valid address.","field":"personalizations.0.to.0.email","help":null},{"message":"Bad Request","field":null,"help":null}]}""",
            json);
    }
}
