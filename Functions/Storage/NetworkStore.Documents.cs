using System.Text.Json;
using Azure;
using Azure.Storage.Blobs.Models;
using NetworkFunctions.Networks;

namespace NetworkFunctions.Storage;

/// <summary>The documents built from answers: a meeting's agenda and survey summary, the year-end report and its charts.</summary>
public sealed partial class NetworkStore
{
    const string Html = "text/html; charset=utf-8";
    const string PlainText = "text/plain; charset=utf-8";
    const string Json = "application/json";

    public Task WriteMeetingDocumentAsync(string networkId, int meeting, MeetingDocument document, string content, CancellationToken cancellationToken = default) =>
        WriteTextAsync(DocumentPaths.Of(networkId, meeting, document), content, ContentType(document), cancellationToken);

    public Task<string?> ReadMeetingDocumentAsync(string networkId, int meeting, MeetingDocument document, CancellationToken cancellationToken = default) =>
        ReadTextAsync(DocumentPaths.Of(networkId, meeting, document), cancellationToken);

    public Task<bool> MeetingDocumentExistsAsync(string networkId, int meeting, MeetingDocument document, CancellationToken cancellationToken = default) =>
        ExistsAsync(DocumentPaths.Of(networkId, meeting, document), cancellationToken);

    /// <summary>
    /// A meeting document that is JSON (<see cref="MeetingDocument.AgendaJson"/>, <see cref="MeetingDocument.CarryOver"/>),
    /// written from its model only if it is still at <paramref name="ifMatch"/> (any version when null); its new ETag,
    /// or null when another writer came first and nothing was written.
    /// </summary>
    public async Task<ETag?> WriteMeetingJsonAsync<T>(string networkId, int meeting, MeetingDocument document, T value, ETag? ifMatch, CancellationToken cancellationToken = default)
    {
        try
        {
            return await UploadAsync(DocumentPaths.Of(networkId, meeting, document), BinaryData.FromString(JsonSerializer.Serialize(value, DocumentJson.Options)), Json,
                ifMatch is { } tag ? new BlobRequestConditions { IfMatch = tag } : null, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return null;
        }
    }

    /// <summary>A meeting document that is JSON, written only if there is none yet; its ETag, or null when one was there.</summary>
    public async Task<ETag?> CreateMeetingJsonAsync<T>(string networkId, int meeting, MeetingDocument document, T value, CancellationToken cancellationToken = default)
    {
        try
        {
            return await UploadAsync(DocumentPaths.Of(networkId, meeting, document), BinaryData.FromString(JsonSerializer.Serialize(value, DocumentJson.Options)), Json,
                new BlobRequestConditions { IfNoneMatch = ETag.All }, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return null;
        }
    }

    /// <summary>A meeting document that is JSON, read into its model with its ETag; null when there is none.</summary>
    public async Task<(T Value, ETag ETag)?> ReadMeetingJsonVersionAsync<T>(string networkId, int meeting, MeetingDocument document, CancellationToken cancellationToken = default)
        where T : class =>
        await ReadJsonAsync<T>(DocumentPaths.Of(networkId, meeting, document), cancellationToken) is ({ } value, var etag) ? (value, etag) : null;

    /// <summary>A meeting document that is JSON, read into its model; null when there is none.</summary>
    public async Task<T?> ReadMeetingJsonAsync<T>(string networkId, int meeting, MeetingDocument document, CancellationToken cancellationToken = default)
        where T : class =>
        await ReadMeetingDocumentAsync(networkId, meeting, document, cancellationToken) is { } json
            ? JsonSerializer.Deserialize<T>(json, DocumentJson.Options)
            : null;

    public Task WriteReportDocumentAsync(string networkId, ReportDocument document, string content, CancellationToken cancellationToken = default) =>
        WriteTextAsync(DocumentPaths.Of(networkId, document), content, document == ReportDocument.Text ? PlainText : Html, cancellationToken);

    public Task<string?> ReadReportDocumentAsync(string networkId, ReportDocument document, CancellationToken cancellationToken = default) =>
        ReadTextAsync(DocumentPaths.Of(networkId, document), cancellationToken);

    public Task<bool> ReportDocumentExistsAsync(string networkId, ReportDocument document, CancellationToken cancellationToken = default) =>
        ExistsAsync(DocumentPaths.Of(networkId, document), cancellationToken);

    public Task WriteReportChartAsync(string networkId, string chart, byte[] png, CancellationToken cancellationToken = default) =>
        WriteBytesAsync(DocumentPaths.ReportChart(networkId, chart), png, "image/png", cancellationToken);

    public Task<byte[]?> ReadReportChartAsync(string networkId, string chart, CancellationToken cancellationToken = default) =>
        ReadBytesAsync(DocumentPaths.ReportChart(networkId, chart), cancellationToken);

    static string ContentType(MeetingDocument document) => document switch
    {
        MeetingDocument.AgendaPage or MeetingDocument.AgendaBody or MeetingDocument.SurveySummaryPage or MeetingDocument.MinutesPage or MeetingDocument.MinutesBody => Html,
        MeetingDocument.AgendaJson or MeetingDocument.CarryOver or MeetingDocument.MinutesJson => Json,
        _ => PlainText,
    };
}
