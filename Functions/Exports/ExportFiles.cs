using System.Globalization;
using System.Text;
using MiniExcelLibs;
using MiniExcelLibs.Csv;
using NetworkFunctions.Networks;
using NetworkFunctions.Rendering;

namespace NetworkFunctions.Exports;

/// <summary>
/// The export as files (MiniExcel): one workbook with a sheet per table, or one table as CSV the way Excel
/// in the network's language opens it — UTF-8 with a byte order mark, <c>;</c> and decimal commas for Danish, <c>,</c>
/// for English. A cell that a spreadsheet would run as a formula (<c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab, CR) is
/// written with a leading <c>'</c> in CSV; in the workbook every text is a text cell, never a formula.
/// </summary>
public static class ExportFiles
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvType = "text/csv; charset=utf-8";

    public static byte[] Xlsx(IReadOnlyList<ExportSheet> sheets)
    {
        ArgumentNullException.ThrowIfNull(sheets);
        var workbook = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (ExportSheet sheet in sheets)
        {
            workbook[sheet.Name] = sheet.Rows
                .Select(row => sheet.Columns.Select((c, i) => (c, row[i])).ToDictionary(x => x.c, x => x.Item2, StringComparer.Ordinal))
                .ToList() is { Count: > 0 } rows
                ? rows
                : [sheet.Columns.ToDictionary(c => c, _ => (object?)null, StringComparer.Ordinal)];
        }

        using var stream = new MemoryStream();
        stream.SaveAs(workbook, printHeader: true, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    public static byte[] Csv(ExportSheet sheet, Language language)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        CultureInfo culture = Formats.Culture(language);
        var configuration = new CsvConfiguration
        {
            Seperator = language == Language.Da ? ';' : ',',
            NewLine = "\r\n",
            StreamWriterFunc = stream => new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)),
        };
        List<Dictionary<string, object?>> rows = [.. sheet.Rows.Select(row => sheet.Columns.Select((c, i) => (c, (object?)Cell(row[i], culture))).ToDictionary(x => x.c, x => x.Item2, StringComparer.Ordinal))];
        using var stream = new MemoryStream();
        stream.SaveAs(rows.Count > 0 ? rows : [sheet.Columns.ToDictionary(c => c, _ => (object?)null, StringComparer.Ordinal)], printHeader: true, excelType: ExcelType.CSV, configuration: configuration);
        return stream.ToArray();
    }

    /// <summary>A CSV cell as text in the reader's culture; text that a spreadsheet would run as a formula gets a leading <c>'</c>.</summary>
    static string Cell(object? value, CultureInfo culture) => value switch
    {
        null => "",
        double d => d.ToString("0.0", culture),
        IFormattable f => f.ToString(null, culture),
        string text when text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' => "'" + text,
        _ => value.ToString() ?? "",
    };
}
