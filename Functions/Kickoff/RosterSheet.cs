using System.Globalization;
using MiniExcelLibs;

namespace NetworkFunctions.Kickoff;

/// <summary>
/// A roster file as rows of cells, row <c>n</c> of Excel at index <c>n - 1</c> (empty rows included, so numbers stay
/// Excel's), or the one <see cref="Problem"/> that stopped the file from being read at all. At most
/// <see cref="RosterImport.MaxRows"/> + 1 rows and, in a workbook, the columns up to <see cref="LastColumn"/> are read.
/// </summary>
internal sealed record RosterSheet(IReadOnlyList<IReadOnlyList<string>> Rows, string? Problem)
{
    /// <summary>The last column of a workbook that is read: a roster's columns are far to the left of it.</summary>
    public const string LastColumn = "AZ";

    public static RosterSheet Of(byte[] file, RosterFileKind kind)
    {
        ArgumentNullException.ThrowIfNull(file);
        return kind == RosterFileKind.Xlsx ? FromXlsx(file) : FromCsv(file);
    }

    static RosterSheet Failed(string problem) => new([], problem);

    static RosterSheet FromCsv(byte[] file)
    {
        if (file.AsSpan().StartsWith("PK\u0003\u0004"u8))
        {
            return Failed("This is a workbook, not a CSV file: upload it as .xlsx, or save it from Excel as CSV.");
        }

        string text = RosterCsv.Decode(file);
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            return Failed("This is not a CSV file: save the roster from Excel as CSV (semikolonsepareret) or as a workbook (.xlsx).");
        }

        return new RosterSheet(RosterCsv.Rows(text, RosterImport.MaxRows + 1), null);
    }

    static RosterSheet FromXlsx(byte[] file)
    {
        if (file.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0]))
        {
            return Failed("This is an old Excel workbook (.xls) or one protected by a password: save it from Excel as an unprotected workbook (.xlsx).");
        }

        if (!file.AsSpan().StartsWith("PK\u0003\u0004"u8))
        {
            return Failed("This is not an Excel workbook (.xlsx): save the roster from Excel as a workbook, or as CSV.");
        }

        var rows = new List<IReadOnlyList<string>>();
        try
        {
            using var stream = new MemoryStream(file, writable: false);
            foreach (IDictionary<string, object?> row in stream.QueryRange(useHeaderRow: false, excelType: ExcelType.XLSX, startCell: "A1", endCell: LastColumn + (RosterImport.MaxRows + 1)).Cast<IDictionary<string, object?>>())
            {
                rows.Add(Cells(row));
            }
        }
        catch (Exception e) when (e is not (OutOfMemoryException or StackOverflowException))
        {
            // A workbook is a zip of XML parts, and a damaged one fails in MiniExcel in many ways (InvalidDataException,
            // XmlException, a missing part); to the office every one of them is the same file that cannot be read.
            return Failed("The workbook could not be read; it may be damaged. Open it in Excel, save it again as .xlsx and upload that file.");
        }

        return new RosterSheet(rows, null);
    }

    /// <summary>A row's cells by column, the keys being Excel's column letters; numbers and dates as invariant text.</summary>
    static string[] Cells(IDictionary<string, object?> row)
    {
        var cells = new string[row.Count == 0 ? 0 : row.Keys.Max(IndexOf) + 1];
        Array.Fill(cells, "");
        foreach ((string key, object? value) in row)
        {
            cells[IndexOf(key)] = value switch
            {
                null => "",
                string text => text,
                IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
                _ => value.ToString() ?? "",
            };
        }

        return cells;
    }

    static int IndexOf(string letters) => letters.Aggregate(0, (n, c) => (n * 26) + (char.ToUpperInvariant(c) - 'A' + 1)) - 1;
}
