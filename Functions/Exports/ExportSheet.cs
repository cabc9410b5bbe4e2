namespace NetworkFunctions.Exports;

/// <summary>
/// One table of the export: <see cref="Key"/> names it in the API (<c>members</c>, <c>attendance</c>,
/// <c>contributions</c>, <c>surveys</c>, <c>commitments</c>), <see cref="Name"/> and <see cref="Columns"/> are in the network's language.
/// A cell is text, a whole number, a decimal or null (empty).
/// </summary>
public sealed record ExportSheet(string Key, string Name, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows)
{
    public static readonly IReadOnlyList<string> Keys = ["members", "attendance", "contributions", "surveys", "commitments"];
}
