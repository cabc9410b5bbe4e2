using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace NetworkFunctions.Http;

/// <summary>Reads request bodies within limits: the right content type (415), a bounded size (413), well-formed and shallow JSON (400).</summary>
public static class RequestBodies
{
    public const int MaxJsonBytes = 1024 * 1024;
    public const int MaxFormBytes = 64 * 1024;
    public const int MaxJsonDepth = 16;

    public sealed record Read<T>(T? Value, IResult? Problem);

    /// <summary>A multipart form: its text fields and its files, each by its field name.</summary>
    public sealed record MultipartForm(IReadOnlyDictionary<string, string> Fields, IReadOnlyDictionary<string, MultipartFile> Files);

    /// <summary>An uploaded file: its name as the browser sent it (without any path) and its bytes.</summary>
    public sealed record MultipartFile(string FileName, byte[] Content);

    public static async Task<Read<JsonDocument>> ReadJsonAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        Read<byte[]> body = await ReadJsonBytesAsync(request, maxBytes, cancellationToken);
        return body.Problem is not null ? new(null, body.Problem) : Parse(() => JsonDocument.Parse(body.Value, JsonLimits));
    }

    /// <summary>A JSON body as its exact text, unparsed: what a signature over the body covers.</summary>
    public static async Task<Read<string>> ReadJsonTextAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        Read<byte[]> body = await ReadJsonBytesAsync(request, maxBytes, cancellationToken);
        return body.Problem is not null ? new(null, body.Problem) : new(System.Text.Encoding.UTF8.GetString(body.Value!), null);
    }

    /// <summary>Well-formed, shallow JSON, or a 400 that says what is wrong.</summary>
    public static Read<JsonDocument> ParseJson(string text) => Parse(() => JsonDocument.Parse(text, JsonLimits));

    static readonly JsonDocumentOptions JsonLimits = new() { MaxDepth = MaxJsonDepth, AllowTrailingCommas = false };

    static Read<JsonDocument> Parse(Func<JsonDocument> parse)
    {
        try
        {
            return new(parse(), null);
        }
        catch (JsonException e)
        {
            return new(null, Problems.Status(StatusCodes.Status400BadRequest, "The body is not valid JSON.", Trim(e.Message)));
        }
    }

    /// <summary>The body's bytes when it is declared JSON (else 415) and within <paramref name="maxBytes"/> (else 413).</summary>
    static async Task<Read<byte[]>> ReadJsonBytesAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (!IsContentType(request, "application/json"))
        {
            return new(null, Problems.Status(StatusCodes.Status415UnsupportedMediaType, "Send the body as application/json."));
        }

        byte[]? body = await ReadBoundedAsync(request, maxBytes, cancellationToken);
        return body is null ? new(null, TooLarge(maxBytes)) : new(body, null);
    }

    public static async Task<Read<IFormCollection>> ReadFormAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!IsContentType(request, "application/x-www-form-urlencoded"))
        {
            return new(null, Problems.Status(StatusCodes.Status415UnsupportedMediaType, "Send the form as application/x-www-form-urlencoded."));
        }

        if (request.ContentLength > MaxFormBytes)
        {
            return new(null, TooLarge(MaxFormBytes));
        }

        byte[]? body = await ReadBoundedAsync(request, MaxFormBytes, cancellationToken);
        if (body is null)
        {
            return new(null, TooLarge(MaxFormBytes));
        }

        var fields = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery("?" + System.Text.Encoding.UTF8.GetString(body));
        return new(new FormCollection(fields), null);
    }

    /// <summary>
    /// The text fields of a <c>multipart/form-data</c> body (else 415) within <paramref name="maxBytes"/> (else 413), at
    /// most <paramref name="maxFields"/> of them, each read as UTF-8; a body that is not well-formed multipart gets 400.
    /// A field sent twice keeps its first value.
    /// </summary>
    public static async Task<Read<IReadOnlyDictionary<string, string>>> ReadMultipartAsync(HttpRequest request, int maxBytes, int maxFields, CancellationToken cancellationToken)
    {
        Read<MultipartForm> form = await ReadMultipartFormAsync(request, maxBytes, maxFields, cancellationToken);
        return form.Problem is not null ? new(null, form.Problem) : new(form.Value!.Fields, null);
    }

    /// <summary>
    /// A <c>multipart/form-data</c> body as <see cref="ReadMultipartAsync"/> reads it, with the parts that carry a file
    /// name kept as files (their bytes, unread) instead of text.
    /// </summary>
    public static async Task<Read<MultipartForm>> ReadMultipartFormAsync(HttpRequest request, int maxBytes, int maxFields, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out MediaTypeHeaderValue? type)
            || !string.Equals(type.MediaType.Value, "multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return new(null, Problems.Status(StatusCodes.Status415UnsupportedMediaType, "Send the body as multipart/form-data."));
        }

        string boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value ?? "";
        if (boundary.Length is 0 or > 200)
        {
            return new(null, Problems.Status(StatusCodes.Status400BadRequest, "The multipart body has no valid boundary."));
        }

        byte[]? body = await ReadBoundedAsync(request, maxBytes, cancellationToken);
        if (body is null)
        {
            return new(null, TooLarge(maxBytes));
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var files = new Dictionary<string, MultipartFile>(StringComparer.Ordinal);
        var reader = new Microsoft.AspNetCore.WebUtilities.MultipartReader(boundary, new MemoryStream(body)) { HeadersCountLimit = 16, HeadersLengthLimit = 8 * 1024 };
        try
        {
            int count = 0;
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (++count > maxFields)
                {
                    return new(null, Problems.Status(StatusCodes.Status400BadRequest, $"The multipart body has more than {maxFields} parts."));
                }

                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out ContentDispositionHeaderValue? disposition)
                    || HeaderUtilities.RemoveQuotes(disposition.Name).Value is not { Length: > 0 } name)
                {
                    continue;
                }

                if (disposition.IsFileDisposition())
                {
                    using var content = new MemoryStream();
                    await section.Body.CopyToAsync(content, cancellationToken);
                    string fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? "";
                    files.TryAdd(name, new MultipartFile(fileName[(fileName.LastIndexOfAny(['/', '\\']) + 1)..], content.ToArray()));
                    continue;
                }

                using var text = new StreamReader(section.Body, System.Text.Encoding.UTF8);
                string value = await text.ReadToEndAsync(cancellationToken);
                fields.TryAdd(name, value);
            }
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            return new(null, Problems.Status(StatusCodes.Status400BadRequest, "The body is not well-formed multipart/form-data.", Trim(e.Message)));
        }

        return new(new MultipartForm(fields, files), null);
    }

    static bool IsContentType(HttpRequest request, string expected) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out MediaTypeHeaderValue? type)
        && string.Equals(type.MediaType.Value, expected, StringComparison.OrdinalIgnoreCase);

    /// <summary>The body, or null when it is longer than <paramref name="maxBytes"/>.</summary>
    static async Task<byte[]?> ReadBoundedAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        byte[] chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    static IResult TooLarge(int maxBytes) =>
        Problems.Status(StatusCodes.Status413PayloadTooLarge, $"The body is larger than {maxBytes / 1024} KiB.");

    static string Trim(string message) => message.Length > 300 ? message[..300] : message;
}
