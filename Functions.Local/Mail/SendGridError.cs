using System.Text.Json.Serialization;

namespace NetworkFunctions.Local.Mail;

/// <summary>One entry of SendGrid's error body: <c>{"message":"…","field":"…","help":null}</c>.</summary>
public sealed record SendGridError(
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("field")] string? Field,
    [property: JsonPropertyName("help")] string? Help = null);

/// <summary>SendGrid's error body: <c>{"errors":[…]}</c>.</summary>
public sealed record SendGridErrorBody([property: JsonPropertyName("errors")] IReadOnlyList<SendGridError> Errors)
{
    public static SendGridErrorBody Of(string message, string? field = null) => new([new SendGridError(message, field)]);
}
