using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using NetworkFunctions.Http;
using NetworkFunctions.Networks;
using NetworkFunctions.Reports;
using NetworkFunctions.Storage;
using NetworkFunctions.Validation;

namespace NetworkFunctions.Exports;

/// <summary>
/// The network's data for the consultant's own work (function key): every table as one workbook
/// (<c>export.xlsx</c>), or one table as CSV (<c>export.csv?table=attendance</c>, the default; also <c>members</c>,
/// <c>contributions</c>, <c>surveys</c>). Read from the same documents as the year-end report, at any time of the year.
/// </summary>
public sealed class ExportFunctions(NetworkStore store, YearReportDocuments reports, NetworkExport export)
{
    const string TableQuery = "table";

    [Function(nameof(ExportWorkbook))]
    public async Task<IResult> ExportWorkbook(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "networks/{networkId}/export.xlsx")] HttpRequest request,
        string networkId,
        CancellationToken cancellationToken) =>
        await WorkbookAsync(networkId, cancellationToken);

    /// <summary>The network's overview as an Excel workbook: the API's and the console's one export.</summary>
    public async Task<IResult> WorkbookAsync(string networkId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(networkId, cancellationToken) is not { } network)
        {
            return Problems.NotFound("The network");
        }

        IReadOnlyList<ExportSheet> sheets = export.Build(await reports.ReadInputAsync(network, cancellationToken));
        return File(ExportFiles.Xlsx(sheets), ExportFiles.XlsxType, $"{network.Id}.xlsx");
    }

    [Function(nameof(ExportTable))]
    public async Task<IResult> ExportTable(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "networks/{networkId}/export.csv")] HttpRequest request,
        string networkId,
        CancellationToken cancellationToken) =>
        await TableAsync(networkId, request.Query[TableQuery].FirstOrDefault(), cancellationToken);

    /// <summary>One table of the overview as CSV (<c>attendance</c> when none is asked for).</summary>
    public async Task<IResult> TableAsync(string networkId, string? asked, CancellationToken cancellationToken)
    {
        string table = asked is { Length: > 0 } ? asked : "attendance";
        if (!ExportSheet.Keys.Contains(table, StringComparer.Ordinal))
        {
            var errors = new FieldErrors();
            errors.Add(TableQuery, $"Unknown table '{(table.Length > 40 ? table[..40] : table)}': use one of {string.Join(", ", ExportSheet.Keys)}.");
            return Problems.Validation(errors);
        }

        if (await LoadAsync(networkId, cancellationToken) is not { } network)
        {
            return Problems.NotFound("The network");
        }

        ExportSheet sheet = export.Build(await reports.ReadInputAsync(network, cancellationToken)).Single(s => s.Key == table);
        return File(ExportFiles.Csv(sheet, network.Language), ExportFiles.CsvType, $"{network.Id}-{table}.csv");
    }

    async Task<Network?> LoadAsync(string networkId, CancellationToken cancellationToken) =>
        NetworkIds.IsValid(networkId) && await store.LoadNetworkAsync(networkId, cancellationToken) is { Network: var network } ? network : null;

    /// <summary>A download: not cached anywhere (it holds names and addresses), saved under <paramref name="name"/>.</summary>
    static IResult File(byte[] content, string type, string name) => new Download(content, type, name);

    sealed class Download(byte[] content, string type, string name) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            HttpResponse response = httpContext.Response;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = type;
            response.Headers.ContentDisposition = $"attachment; filename=\"{name}\"";
            response.Headers.CacheControl = "no-store";
            response.Headers["X-Content-Type-Options"] = "nosniff";
            response.ContentLength = content.Length;
            await response.Body.WriteAsync(content, httpContext.RequestAborted);
        }
    }
}
