using System.Text;
using System.Text.Json.Nodes;
using NetworkFunctions.Local.Mail;

namespace NetworkFunctions.Tests.Support;

/// <summary>SendGrid mail/send bodies for the tests: a small valid one to break on purpose, and the validator call.</summary>
internal static class Payloads
{
    public static JsonObject Valid() => new()
    {
        ["from"] = new JsonObject { ["email"] = "board@example.com", ["name"] = "The board" },
        ["personalizations"] = new JsonArray(new JsonObject { ["to"] = new JsonArray(Address("member@example.com")) }),
        ["subject"] = "Invitation",
        ["content"] = new JsonArray(
            new JsonObject { ["type"] = "text/plain", ["value"] = "Hello" },
            new JsonObject { ["type"] = "text/html", ["value"] = "<p>Hello</p>" }),
    };

    public static JsonObject Address(string email) => new() { ["email"] = email };

    public static JsonArray Addresses(IEnumerable<string> emails) => new([.. emails.Select(e => (JsonNode)Address(e))]);

    public static SendGridValidation Validate(JsonNode payload) => Validate(payload.ToJsonString());

    public static SendGridValidation Validate(string json) => SendGridPayloadValidator.Validate(Encoding.UTF8.GetBytes(json));

    public static JsonObject Personalization(JsonObject payload, int index = 0) =>
        payload["personalizations"]![index]!.AsObject();

    public static (string? Field, string Message)[] Errors(this SendGridValidation validation) =>
        [.. validation.Errors.Select(e => (e.Field, e.Message))];
}
