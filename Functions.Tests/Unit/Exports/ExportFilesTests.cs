using System.IO.Compression;
using System.Text;
using MiniExcelLibs;
using NetworkFunctions.Exports;
using NetworkFunctions.Networks;

namespace NetworkFunctions.Tests.Unit.Exports;

/// <summary>The export as files Excel opens as they are: CSV in the network's language, and a workbook with a sheet per table.</summary>
public sealed class ExportFilesTests
{
    static readonly ExportSheet Contributions = new("contributions", "Bidrag", ["Titel", "Beskrivelse", "Udbytte"],
    [
        ["=HYPERLINK(\"https://example.org\")", "Med ; semikolon og \"citat\"", 4.25],
        ["Frivillige & foreninger", null, 3],
    ]);

    [Fact]
    public void Danish_csv_has_a_byte_order_mark_semicolons_decimal_commas_and_quotes_where_needed()
    {
        byte[] csv = ExportFiles.Csv(Contributions, Language.Da);

        Assert.Equal(Encoding.UTF8.GetPreamble(), csv[..3]);
        string[] lines = Encoding.UTF8.GetString(csv[3..]).Split("\r\n");
        Assert.Equal("Titel;Beskrivelse;Udbytte", lines[0]);
        Assert.Equal("\"Frivillige & foreninger\";;3", lines[2]);
        Assert.EndsWith(";\"Med ; semikolon og \"\"citat\"\"\";4,3", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_text_that_a_spreadsheet_would_run_as_a_formula_is_written_as_text()
    {
        string danish = Encoding.UTF8.GetString(ExportFiles.Csv(Contributions, Language.Da));
        string english = Encoding.UTF8.GetString(ExportFiles.Csv(Contributions, Language.En));

        Assert.Contains("'=HYPERLINK(", danish, StringComparison.Ordinal);
        Assert.DoesNotContain(";=HYPERLINK", danish, StringComparison.Ordinal);
        Assert.StartsWith("\uFEFFTitel,Beskrivelse,Udbytte\r\n", english, StringComparison.Ordinal);
        Assert.Contains(",4.3", english, StringComparison.Ordinal);
    }

    [Fact]
    public void The_workbook_has_a_sheet_per_table_with_its_header_and_no_formula()
    {
        ExportSheet members = new("members", "Medlemmer", ["Navn", "E-mail"], []);
        byte[] xlsx = ExportFiles.Xlsx([members, Contributions]);

        using var stream = new MemoryStream(xlsx);
        Assert.Equal(["Medlemmer", "Bidrag"], stream.GetSheetNames());
        var rows = stream.Query(useHeaderRow: true, sheetName: "Bidrag").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal("=HYPERLINK(\"https://example.org\")", rows[0]["Titel"]);
        Assert.Equal(4.25, Convert.ToDouble(rows[0]["Udbytte"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(["Navn", "E-mail"], stream.GetColumns(useHeaderRow: true, sheetName: "Medlemmer")!.Cast<string>());

        using var zip = new ZipArchive(new MemoryStream(xlsx));
        Assert.All(zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal)), e =>
        {
            using var reader = new StreamReader(e.Open());
            Assert.DoesNotContain("<x:f>", reader.ReadToEnd().Replace("<f>", "<x:f>", StringComparison.Ordinal), StringComparison.Ordinal);
        });
    }
}
