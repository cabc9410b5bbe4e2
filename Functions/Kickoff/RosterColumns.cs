namespace NetworkFunctions.Kickoff;

/// <summary>A column of a roster file: where it is (0-based) and its header as the file spells it, trimmed.</summary>
internal sealed record RosterColumn(int Index, string Header)
{
    /// <summary>The column as Excel letters it: A … Z, AA, AB …</summary>
    public string Letter => LetterOf(Index);

    public static string LetterOf(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        string letters = "";
        for (int n = index + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters;
    }
}

/// <summary>
/// Where a roster's header row puts the name, the email and the department. Headers are compared in any case and
/// without spaces, hyphens, underscores, dots, colons and asterisks, against their Danish and English names:
/// <c>Navn</c>, <c>Fulde navn</c>, <c>Name</c>, <c>Full name</c>; <c>E-mail</c>, <c>Email</c>, <c>Mail</c>,
/// <c>E-mailadresse</c>, <c>Mailadresse</c>, <c>Email address</c>; <c>Afdeling</c>, <c>Forvaltning</c>, <c>Center</c>,
/// <c>Department</c>. Any other column is ignored.
/// </summary>
internal sealed record RosterColumns(RosterColumn Name, RosterColumn Email, RosterColumn Department)
{
    static readonly (string Field, string[] Aliases)[] Known =
    [
        (MemberRules.Name, ["navn", "fuldtnavn", "fuldenavn", "name", "fullname"]),
        (MemberRules.Email, ["email", "mail", "emailadresse", "mailadresse", "emailaddress", "mailaddress"]),
        (MemberRules.Department, ["afdeling", "forvaltning", "center", "department"]),
    ];

    /// <summary>The three columns of <paramref name="header"/> (row <paramref name="row"/>), or null with the problems: a column missing (one problem for the row) or a field named by two columns.</summary>
    public static RosterColumns? Find(IReadOnlyList<string> header, int row, List<RosterProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(problems);
        int before = problems.Count;
        var found = new Dictionary<string, RosterColumn>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach ((string field, string[] aliases) in Known)
        {
            foreach (RosterColumn column in header.Select((text, i) => new RosterColumn(i, text.Trim())).Where(c => aliases.Contains(Normalise(c.Header), StringComparer.Ordinal)))
            {
                if (found.TryGetValue(field, out RosterColumn? first))
                {
                    problems.Add(new RosterProblem(row, column.Header, column.Letter,
                        $"Read as the {field} column too, like {first.Header} ({first.Letter}); keep one of them or rename the other."));
                }
                else
                {
                    found[field] = column;
                }
            }

            if (!found.ContainsKey(field))
            {
                missing.Add(field);
            }
        }

        if (missing.Count > 0)
        {
            string has = header.Any(h => h.Trim().Length > 0) ? string.Join(", ", header.Select(h => h.Trim()).Where(h => h.Length > 0)) : "nothing";
            problems.Add(RosterProblem.OfRow(row,
                $"The header row has no column for {string.Join(" or ", missing)}. Name the columns Navn or Name, E-mail or Email, and Afdeling or Department (any order); this row has: {has}."));
        }

        return problems.Count > before ? null : new RosterColumns(found[MemberRules.Name], found[MemberRules.Email], found[MemberRules.Department]);
    }

    static string Normalise(string header) =>
        string.Concat(header.Where(c => !char.IsWhiteSpace(c) && c is not ('-' or '_' or '.' or ':' or '*'))).ToLowerInvariant();
}
