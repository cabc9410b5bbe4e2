using System.Globalization;
using NetworkFunctions.Validation;

namespace NetworkFunctions.Kickoff;

/// <summary>
/// The network's roster from the file the director's office keeps in Excel (an uploaded <c>.xlsx</c> or <c>.csv</c>):
/// the kickoff document's members, or every problem located by row and column. Nothing is kept until it is valid:
/// <see cref="RosterResult.Members"/> is set only when there is no problem at all.
/// <list type="bullet">
/// <item>The header row is the first row with anything in it; its name, email and department columns are found by
/// their Danish or English headers in any order (<see cref="RosterColumns"/>); other columns are ignored. A missing
/// column is one problem of the header row.</item>
/// <item>Below it, rows with nothing in those three columns are skipped; cells are trimmed. Each member is checked by
/// <see cref="MemberRules"/>, as the kickoff document's members are, and its department is spelled as the network's
/// list spells it. An address twice (in any case) is reported at the later row, naming the first.</item>
/// <item>A problem names its row as Excel numbers it and its column by the file's header and Excel's letter
/// (<see cref="RosterProblem"/>).</item>
/// <item>Limits: <see cref="MaxBytes"/>; <see cref="MaxMembers"/>, the kickoff's; rows after <see cref="MaxRows"/> are
/// not read, and one there with anything in it is a problem. A file that is not what its kind says (a damaged
/// workbook, a binary) is one problem, never an exception. CSV is read by <see cref="RosterCsv"/>, workbooks by MiniExcel.</item>
/// </list>
/// Messages are in English, as every validation message of the API is. Pure: bytes and departments in, a result out.
/// </summary>
public sealed class RosterImport
{
    public const int MaxBytes = 2 * 1024 * 1024;
    public const int MaxMembers = KickoffParser.MaxMembers;
    public const int MaxRows = 10_000;

    readonly IReadOnlyList<string> departments;
    readonly List<RosterProblem> problems = [];

    RosterImport(IReadOnlyList<string> departments) => this.departments = departments;

    /// <summary>Reads <paramref name="file"/> of <paramref name="kind"/> against the network's <paramref name="departments"/> (as the kickoff form has them).</summary>
    public static RosterResult Read(byte[] file, RosterFileKind kind, IReadOnlyList<string> departments)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(departments);
        if (file.Length == 0)
        {
            return RosterResult.Refused(RosterProblem.OfFile("The file is empty."));
        }

        if (file.Length > MaxBytes)
        {
            string size = (file.Length / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture);
            return RosterResult.Refused(RosterProblem.OfFile($"The file is {size} MiB; a roster file may be at most {MaxBytes / 1048576} MiB."));
        }

        RosterSheet sheet = RosterSheet.Of(file, kind);
        return sheet.Problem is { } problem
            ? RosterResult.Refused(RosterProblem.OfFile(problem))
            : new RosterImport(departments).Members(sheet.Rows);
    }

    /// <summary>The file's kind by the name's extension (<c>.xlsx</c>, <c>.csv</c>, any case); null for any other.</summary>
    public static RosterFileKind? KindOf(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        return Path.GetExtension(fileName).ToUpperInvariant() switch
        {
            ".XLSX" => RosterFileKind.Xlsx,
            ".CSV" => RosterFileKind.Csv,
            _ => null,
        };
    }

    RosterResult Members(IReadOnlyList<IReadOnlyList<string>> rows)
    {
        int headerIndex = 0;
        while (headerIndex < rows.Count && rows[headerIndex].All(c => c.Trim().Length == 0))
        {
            headerIndex++;
        }

        if (headerIndex == rows.Count)
        {
            return RosterResult.Refused(RosterProblem.OfFile("The file has no rows. Put the headers Navn, E-mail and Afdeling (or Name, Email and Department) in the first row and one member in each row below."));
        }

        if (rows.Count > MaxRows && rows[MaxRows].Any(c => c.Trim().Length > 0))
        {
            return RosterResult.Refused(RosterProblem.OfRow(MaxRows + 1, $"Only the first {MaxRows} rows are read; move the roster up or remove what lies below."));
        }

        int headerRow = headerIndex + 1;
        if (RosterColumns.Find(rows[headerIndex], headerRow, problems) is not { } columns)
        {
            return RosterResult.Refused(problems);
        }

        var filled = rows
            .Select((cells, i) => (Row: i + 1, Name: Cell(cells, columns.Name), Email: Cell(cells, columns.Email), Department: Cell(cells, columns.Department)))
            .Skip(headerRow)
            .Where(r => r.Name.Length > 0 || r.Email.Length > 0 || r.Department.Length > 0)
            .ToList();
        if (filled.Count == 0)
        {
            return RosterResult.Refused(RosterProblem.OfRow(headerRow, "No members below the header row: put one member in each row below it."));
        }

        if (filled.Count > MaxMembers)
        {
            return RosterResult.Refused(RosterProblem.OfFile($"The roster holds {filled.Count} members; a network has at most {MaxMembers}."));
        }

        var members = new List<KickoffMember>();
        var firstRowOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (row, name, email, department) in filled)
        {
            KickoffMember member = MemberRules.Check(name, email, department, departments, (field, message) => Add(row, columns, field, message));
            if (email.Length > 0 && !firstRowOf.TryAdd(EmailAddresses.Normalise(email), row))
            {
                Add(row, columns, MemberRules.Email, $"The same email as row {firstRowOf[EmailAddresses.Normalise(email)]}.");
            }

            members.Add(member);
        }

        return problems.Count == 0 ? RosterResult.Valid(members) : RosterResult.Refused(problems);
    }

    void Add(int row, RosterColumns columns, string field, string message)
    {
        RosterColumn column = field switch
        {
            MemberRules.Name => columns.Name,
            MemberRules.Email => columns.Email,
            _ => columns.Department,
        };
        problems.Add(new RosterProblem(row, column.Header, column.Letter, message));
    }

    static string Cell(IReadOnlyList<string> cells, RosterColumn column) =>
        column.Index < cells.Count ? cells[column.Index].Trim() : "";
}
