using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using MiniExcelLibs;
using NetworkFunctions.Kickoff;
using static NetworkFunctions.Tests.Support.DomainFixtures;
using static NetworkFunctions.Tests.Unit.Kickoff.KickoffDocuments;

namespace NetworkFunctions.Tests.Unit.Kickoff;

/// <summary>The roster from the file the director's office keeps: workbooks written here with MiniExcel, CSV as Excel writes it.</summary>
public sealed class RosterImportTests
{
    static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    /// <summary>A workbook whose first sheet holds <paramref name="rows"/> from row 1, a null row being an empty one.</summary>
    static byte[] Xlsx(params string?[]?[] rows)
    {
        int width = rows.Max(r => r?.Length ?? 0);
        List<Dictionary<string, object?>> sheet = [.. rows.Select(r => Enumerable.Range(0, width).ToDictionary(i => "c" + i, i => (object?)(r is not null && i < r.Length ? r[i] : null)))];
        using var stream = new MemoryStream();
        stream.SaveAs(sheet, printHeader: false, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    static byte[] Utf8Csv(string text, bool bom = true) =>
        [.. bom ? Encoding.UTF8.GetPreamble() : [], .. Encoding.UTF8.GetBytes(text)];

    static RosterResult Read(byte[] file, RosterFileKind kind) => RosterImport.Read(file, kind, Departments);

    static IReadOnlyList<KickoffMember> Members(RosterResult result)
    {
        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Problems));
        return result.Members!;
    }

    static IReadOnlyList<RosterProblem> Problems(RosterResult result)
    {
        Assert.False(result.IsValid);
        Assert.Null(result.Members);
        return result.Problems;
    }

    static string[] Roster(int count) =>
        [.. Enumerable.Range(1, count).Select(i => $"Medlem {i};medlem{i}@slagelse.dk;{Departments[i % Departments.Length]}")];

    [Fact]
    public void Reads_a_workbook_with_Danish_headers_in_another_order_and_an_extra_column()
    {
        byte[] file = Xlsx(
            [" AFDELING ", "Telefon", "E-mailadresse", "navn"],
            ["center for teknik & miljø", "5857 0000", " anne@slagelse.dk ", " Anne Andersen"],
            [Born, "", "bo@slagelse.dk", "Bo Berg"]);

        Assert.Equal(
            [new KickoffMember("Anne Andersen", "anne@slagelse.dk", Teknik), new KickoffMember("Bo Berg", "bo@slagelse.dk", Born)],
            Members(Read(file, RosterFileKind.Xlsx)));
    }

    [Fact]
    public void Reads_semicolon_csv_as_Danish_Excel_writes_it_with_a_byte_order_mark_and_a_quoted_semicolon()
    {
        byte[] file = Utf8Csv($"Navn;E-mail;Forvaltning\r\n\"Berg; Bo \"\"Bassen\"\"\";bo@slagelse.dk;{Born}\r\nÅse Ørum;aase@slagelse.dk;\"{Sundhed}\"\r\n");

        Assert.Equal(
            [new KickoffMember("Berg; Bo \"Bassen\"", "bo@slagelse.dk", Born), new KickoffMember("Åse Ørum", "aase@slagelse.dk", Sundhed)],
            Members(Read(file, RosterFileKind.Csv)));
    }

    [Fact]
    public void Reads_comma_csv_without_a_byte_order_mark()
    {
        byte[] file = Utf8Csv($"Email,Name,Department\n\"anne@slagelse.dk\",\"Andersen, Anne\",{Teknik}\n", bom: false);

        Assert.Equal([new KickoffMember("Andersen, Anne", "anne@slagelse.dk", Teknik)], Members(Read(file, RosterFileKind.Csv)));
    }

    [Fact]
    public void Reads_a_Windows_1252_csv_with_Danish_letters()
    {
        byte[] file = Windows1252.GetBytes($"Navn;Mail;Afdeling\r\nSøren O’Æblegård;soeren@slagelse.dk;{Okonomi}\r\n");
        Assert.False(System.Text.Unicode.Utf8.IsValid(file));

        Assert.Equal([new KickoffMember("Søren O’Æblegård", "soeren@slagelse.dk", Okonomi)], Members(Read(file, RosterFileKind.Csv)));
    }

    [Fact]
    public void An_Excel_sep_line_names_the_separator_and_is_not_a_row()
    {
        byte[] file = Utf8Csv($"sep=,\r\nNavn,E-mail,Afdeling\r\n\"Dam; Dan\",dan@,{Teknik}\r\n");

        Assert.Equal([new RosterProblem(2, "E-mail", "B", "Not a valid email address.")], Problems(Read(file, RosterFileKind.Csv)));
    }

    [Fact]
    public void Skips_empty_rows_and_numbers_rows_as_Excel_does()
    {
        byte[] workbook = Xlsx(
            null,
            ["Name", "Email", "Department"],
            ["Anne Andersen", "anne@slagelse.dk", Teknik],
            null,
            ["", "  ", ""],
            ["Bo Berg", "bo-at-slagelse.dk", Born]);
        byte[] csv = Utf8Csv($"\r\nName;Email;Department\r\nAnne Andersen;anne@slagelse.dk;{Teknik}\r\n\r\n;  ;\r\nBo Berg;bo-at-slagelse.dk;{Born}\r\n");

        foreach (RosterResult result in new[] { Read(workbook, RosterFileKind.Xlsx), Read(csv, RosterFileKind.Csv) })
        {
            RosterProblem problem = Assert.Single(Problems(result));
            Assert.Equal(new RosterProblem(6, "Email", "B", "Not a valid email address."), problem);
            Assert.Equal("B6", problem.Location);
        }

        Assert.Equal(2, Members(Read(Utf8Csv($"Name;Email;Department\r\n;;\r\nAnne;anne@slagelse.dk;{Teknik}\r\n\r\nBo;bo@slagelse.dk;{Born}"), RosterFileKind.Csv)).Count);
    }

    [Fact]
    public void Reports_a_duplicate_email_at_the_second_row_naming_the_first()
    {
        byte[] file = Utf8Csv($"Navn;E-mail;Afdeling\r\nAnne;anne@slagelse.dk;{Teknik}\r\nBo;bo@slagelse.dk;{Born}\r\nAnne igen;ANNE@Slagelse.dk;{Teknik}\r\n");

        Assert.Equal([new RosterProblem(4, "E-mail", "B", "The same email as row 2.")], Problems(Read(file, RosterFileKind.Csv)));
    }

    [Fact]
    public void Reports_an_unknown_department_and_names_the_departments_that_exist()
    {
        byte[] file = Xlsx(["Name", "Email", "Center"], ["Anne", "anne@slagelse.dk", "Center for Kultur"]);

        Assert.Equal(
            [new RosterProblem(2, "Center", "C", $"Not one of the organisation's departments: {string.Join(", ", Departments)}.")],
            Problems(Read(file, RosterFileKind.Xlsx)));
    }

    [Fact]
    public void Reports_three_bad_rows_each_by_row_and_column_and_keeps_no_member()
    {
        byte[] file = Xlsx(
            ["E-mail", "Navn", "Afdeling"],
            ["anne@slagelse.dk", "Anne", Teknik],
            ["bo@slagelse.dk", "", Born],
            ["cecilie(at)slagelse.dk", "Cecilie", Sundhed],
            ["dan@slagelse.dk", new string('D', 201), Teknik]);

        RosterResult result = Read(file, RosterFileKind.Xlsx);

        Assert.Equal(
            [
                new RosterProblem(3, "Navn", "B", "Must not be empty."),
                new RosterProblem(4, "E-mail", "A", "Not a valid email address."),
                new RosterProblem(5, "Navn", "B", "At most 200 characters."),
            ],
            Problems(result));
        Assert.Equal(["A4", "B3", "B5"], result.ToFieldErrors().ToDictionary().Keys);
        Assert.Equal("Row 4, column E-mail (A): Not a valid email address.", result.Problems[1].ToString());
    }

    [Fact]
    public void Reports_a_member_as_the_kickoff_document_reports_the_same_member()
    {
        JsonObject document = Valid();
        document["members"]![1] = Person("Bo", "bo@@slagelse.dk", "Center for Kultur");
        var (_, kickoff) = Parse(document);
        byte[] file = Utf8Csv($"Name;Email;Department\r\nBo;bo@@slagelse.dk;Center for Kultur\r\n");

        IReadOnlyList<RosterProblem> roster = Problems(Read(file, RosterFileKind.Csv));

        Assert.Equal(kickoff.ToDictionary()["members[1].email"], roster.Where(p => p.Column == "Email").Select(p => p.Message));
        Assert.Equal(kickoff.ToDictionary()["members[1].department"], roster.Where(p => p.Column == "Department").Select(p => p.Message));
    }

    [Fact]
    public void Reads_500_valid_rows()
    {
        byte[] csv = Utf8Csv(string.Join("\r\n", ["Navn;E-mail;Afdeling", .. Roster(500)]));
        byte[] workbook = Xlsx([["Navn", "E-mail", "Afdeling"], .. Roster(500).Select(r => r.Split(';'))]);

        Assert.Equal(500, Members(Read(csv, RosterFileKind.Csv)).Count);
        IReadOnlyList<KickoffMember> members = Members(Read(workbook, RosterFileKind.Xlsx));
        Assert.Equal(500, members.Count);
        Assert.Equal(new KickoffMember("Medlem 500", "medlem500@slagelse.dk", Departments[0]), members[^1]);
    }

    [Fact]
    public void Refuses_more_members_than_a_network_has()
    {
        byte[] file = Utf8Csv(string.Join("\r\n", ["Navn;E-mail;Afdeling", .. Roster(RosterImport.MaxMembers + 1)]));

        RosterProblem problem = Assert.Single(Problems(Read(file, RosterFileKind.Csv)));
        Assert.Equal(RosterProblem.OfFile($"The roster holds 501 members; a network has at most {RosterImport.MaxMembers}."), problem);
    }

    [Fact]
    public void Refuses_a_file_over_the_size_limit_without_reading_it()
    {
        byte[] file = new byte[RosterImport.MaxBytes + 1];

        Assert.Equal("The file is 2.0 MiB; a roster file may be at most 2 MiB.", Assert.Single(Problems(Read(file, RosterFileKind.Csv))).Message);
    }

    [Theory]
    [InlineData(RosterFileKind.Xlsx, "PK\u0003\u0004 not really a zip", "The workbook could not be read")]
    [InlineData(RosterFileKind.Xlsx, "Navn;E-mail;Afdeling", "This is not an Excel workbook")]
    [InlineData(RosterFileKind.Csv, "\u0000\u0001\u0002binary\u0000", "This is not a CSV file")]
    public void A_file_that_is_not_what_it_says_is_one_problem_not_an_exception(RosterFileKind kind, string content, string message)
    {
        RosterProblem problem = Assert.Single(Problems(Read(Encoding.Latin1.GetBytes(content), kind)));

        Assert.Null(problem.Row);
        Assert.StartsWith(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_damaged_workbook_is_one_problem_not_an_exception()
    {
        byte[] file = Xlsx(["Navn", "E-mail", "Afdeling"], ["Anne", "anne@slagelse.dk", Teknik]);
        byte[] damaged = [.. file[..(file.Length / 2)], .. new byte[file.Length / 2]];
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(archive.CreateEntry("roster.txt").Open());
            writer.Write("Navn;E-mail;Afdeling");
        }

        foreach (byte[] bytes in new[] { damaged, zip.ToArray() })
        {
            RosterProblem problem = Assert.Single(Problems(Read(bytes, RosterFileKind.Xlsx)));
            Assert.StartsWith("The workbook could not be read", problem.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_missing_column_is_one_problem_naming_the_header_row()
    {
        byte[] file = Utf8Csv($"\r\nNavn;Telefon;Email\r\nAnne;1234;anne@slagelse.dk\r\n");

        RosterProblem problem = Assert.Single(Problems(Read(file, RosterFileKind.Csv)));
        Assert.Equal((2, null), (problem.Row, problem.Column));
        Assert.StartsWith("The header row has no column for department.", problem.Message, StringComparison.Ordinal);
        Assert.Contains("this row has: Navn, Telefon, Email.", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_columns_read_as_the_same_field_are_a_problem_of_the_second()
    {
        byte[] file = Utf8Csv($"Navn;E-mail;Forvaltning;Center\r\nAnne;anne@slagelse.dk;Social;{Teknik}\r\n");

        Assert.Equal(
            [new RosterProblem(1, "Center", "D", "Read as the department column too, like Forvaltning (C); keep one of them or rename the other.")],
            Problems(Read(file, RosterFileKind.Csv)));
    }

    [Theory]
    [InlineData("medlemmer.XLSX", RosterFileKind.Xlsx)]
    [InlineData("roster.csv", RosterFileKind.Csv)]
    [InlineData("roster.xls", null)]
    public void Knows_a_file_s_kind_by_its_extension(string name, RosterFileKind? kind) =>
        Assert.Equal(kind, RosterImport.KindOf(name));

    [Theory]
    [InlineData(0, "A")]
    [InlineData(25, "Z")]
    [InlineData(26, "AA")]
    [InlineData(51, "AZ")]
    public void Names_columns_with_Excel_s_letters(int index, string letter) =>
        Assert.Equal(letter, RosterColumn.LetterOf(index));
}
