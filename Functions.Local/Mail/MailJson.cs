using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace NetworkFunctions.Local.Mail;

/// <summary>The serializer settings the sink uses, independent of whatever the host configures for its own APIs.</summary>
internal static class MailJson
{
    /// <summary>camelCase, for the mailbox entries and the sink's own endpoints.</summary>
    public static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    /// <summary>snake_case, as SendGrid's activity feed answers.</summary>
    public static readonly JsonSerializerOptions SnakeCase = new(JsonSerializerDefaults.General)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    /// <summary>SendGrid's wire names come from the attributes on the payload records.</summary>
    public static readonly JsonSerializerOptions SendGrid = new(JsonSerializerDefaults.General);
}
