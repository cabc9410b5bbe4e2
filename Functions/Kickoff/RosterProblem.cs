namespace NetworkFunctions.Kickoff;

/// <summary>
/// One problem of a roster file where the office will look for it: <see cref="Row"/> as Excel numbers it (the header row
/// is row 1 when it is the first), <see cref="Column"/> as the file's header spells it and <see cref="ColumnLetter"/>
/// as Excel letters it. A problem of a whole row has no column; one of the whole file has neither.
/// </summary>
public sealed record RosterProblem(int? Row, string? Column, string? ColumnLetter, string Message)
{
    /// <summary>The cell (<c>C4</c>), the row (<c>row 4</c>) or <c>file</c>: the key of the problem in <see cref="RosterResult.ToFieldErrors"/>.</summary>
    public string Location => (Row, ColumnLetter) switch
    {
        ({ } row, { } letter) => $"{letter}{row}",
        ({ } row, null) => $"row {row}",
        _ => "file",
    };

    public static RosterProblem OfFile(string message) => new(null, null, null, message);

    public static RosterProblem OfRow(int row, string message) => new(row, null, null, message);

    public override string ToString() => (Row, Column) switch
    {
        ({ } row, { } column) => $"Row {row}, column {column} ({ColumnLetter}): {Message}",
        ({ } row, null) => $"Row {row}: {Message}",
        _ => Message,
    };
}
