using System.Text.Json;
using System.Text.Json.Serialization;

namespace NetworkFunctions.Storage;

/// <summary>How documents are written to Blob Storage and read back.</summary>
public static class DocumentJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        WriteIndented = false,
    };
}
