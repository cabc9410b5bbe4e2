namespace NetworkFunctions.Kickoff;

/// <summary>The two kinds of roster file <see cref="RosterImport"/> reads: an Excel workbook or CSV as Excel saves it.</summary>
public enum RosterFileKind
{
    Xlsx,
    Csv,
}
