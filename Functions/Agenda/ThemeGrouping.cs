using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace NetworkFunctions.Agenda;

/// <summary>A set of candidates that raise the same subject, under one title.</summary>
public sealed record ThemeGroup(string Title, IReadOnlyList<AgendaCandidate> Candidates);

/// <summary>
/// Groups contributions that raise the same subject, phrased differently, in Danish or English.
/// <para>
/// Each title becomes a set of keywords: Unicode-normalised (NFKC) and lower-cased (invariant); the Danish letters are
/// kept apart from their look-alikes by spelling them out consistently (æ→ae, ø→oe, å→aa, and the Swedish/German
/// ä→ae, ö→oe), so "møde" and "mode" stay different while "Aabenraa" and "Åbenrå" meet; other diacritics are folded
/// (é→e). Hyphens and apostrophes inside a word are dropped ("samskabelses-ambassadør" is one compound, as Danish
/// writes it; "citizens'" is "citizens"); any other punctuation separates words. Danish and English stop words
/// ("og", "i", "hvordan", "vi", "the", "how", …) are dropped, then each word is stemmed lightly by peeling plural,
/// definite and genitive endings until none is left (-erne, -ene, -ere, -er, -en, -et, -e, -s, -es, -ies→y, -ing,
/// …; at least two letters remain), so "borger", "borgeren", "borgerne" and "borgernes" all become "borg", and
/// "temaet"/"temaerne" become "tema". Words of one letter are dropped.
/// </para>
/// <para>
/// Two titles raise the same subject when their keyword sets overlap by a Jaccard index of at least 0.5, or when one
/// (non-empty) set is contained in the other ("Samskabelse" and "Samskabelse i landdistrikterne"). Titles with no
/// keywords left (only stop words) match only the same words. Groups are the connected components of that relation
/// (single linkage: A~B and B~C put A, B and C together). A group's title is its most common original title (compared
/// ignoring case and surrounding whitespace), ties broken by the earliest submission; the group lists its candidates
/// carried-over first (oldest meeting first), then by submission time, member id and title, and groups are returned in
/// the order of their first candidate. The result does not depend on the input order.
/// </para>
/// </summary>
public static partial class ThemeGrouping
{
    /// <summary>Keyword sets at least this similar (Jaccard index) raise the same subject.</summary>
    public const double SimilarityThreshold = 0.5;

    const int MinimumStem = 2;

    // Not stop words, though they look like ones: Danish "mod" (also "courage", as in "mod til at eksperimentere") and
    // English "by" (Danish for "town", as in "Byen møder vandet").
    static readonly string[] DanishStopWords =
    [
        "ad", "af", "al", "alle", "alt", "anden", "andet", "andre", "at", "bare", "blev", "blive", "bliver", "da", "de",
        "dem", "den", "denne", "dens", "der", "deres", "det", "dette", "dig", "din", "dine", "disse", "dit", "dog", "du",
        "efter", "eller", "en", "end", "er", "et", "for", "fordi", "fra", "få", "får", "gør", "gøre", "ham", "han",
        "hans", "har", "have", "hende", "hendes", "her", "hos", "hun", "hvad", "hvem", "hver", "hvilke", "hvilken",
        "hvis", "hvor", "hvordan", "hvorfor", "hvornår", "i", "ikke", "ind", "jeg", "jer", "jeres", "jo", "kan", "kunne",
        "man", "mange", "med", "meget", "men", "mere", "mig", "min", "mine", "mit", "må", "når", "nej", "noget",
        "nogen", "nogle", "nu", "og", "også", "om", "op", "os", "over", "på", "sig", "sin", "sine", "sit", "skal",
        "skulle", "som", "så", "sådan", "til", "ud", "under", "var", "vi", "vil", "ville", "vor", "vores", "være",
        "været", "ved", "uden", "mellem", "samt", "via", "igen",
    ];

    static readonly string[] EnglishStopWords =
    [
        "a", "about", "after", "all", "an", "and", "any", "are", "as", "at", "be", "been", "being", "between", "both",
        "but", "can", "could", "did", "do", "does", "doing", "for", "from", "get", "had", "has", "have", "he",
        "her", "his", "how", "i", "if", "in", "into", "is", "it", "its", "me", "more", "most", "my", "no", "not", "of",
        "on", "or", "our", "ours", "out", "over", "she", "should", "so", "some", "than", "that", "the", "their", "them",
        "then", "there", "these", "they", "this", "those", "through", "to", "up", "us", "was", "we", "were", "what",
        "when", "where", "which", "who", "why", "will", "with", "would", "you", "your",
    ];

    /// <summary>Endings peeled off, longest first; the replacement is empty except for -ies (stories → story).</summary>
    static readonly (string Suffix, string Replacement)[] Endings =
    [
        ("ernes", ""), ("erens", ""), ("erne", ""), ("eren", ""), ("eres", ""), ("enes", ""), ("ies", "y"),
        ("ing", ""), ("ene", ""), ("ere", ""), ("ens", ""), ("ers", ""), ("ets", ""),
        ("er", ""), ("en", ""), ("et", ""), ("es", ""), ("e", ""), ("s", ""),
    ];

    static readonly HashSet<string> StopWords = DanishStopWords.Concat(EnglishStopWords).Select(Fold).ToHashSet(StringComparer.Ordinal);

    /// <summary>The title's keywords: folded, without stop words, stemmed (see the class summary).</summary>
    public static IReadOnlySet<string> Keywords(string title) =>
        Words(title).Where(w => !StopWords.Contains(w)).Select(Stem).Where(w => w.Length >= MinimumStem).ToHashSet(StringComparer.Ordinal);

    /// <summary>Whether two titles raise the same subject.</summary>
    public static bool SameSubject(string a, string b) => SameSubject(new Key(a), new Key(b));

    /// <summary>The candidates grouped by subject, in the order of each group's first candidate.</summary>
    public static IReadOnlyList<ThemeGroup> Group(IEnumerable<AgendaCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        List<AgendaCandidate> sorted = candidates.Order(CandidatePriority.Instance).ToList();
        var keys = sorted.Select(c => new Key(c.Contribution.Title)).ToArray();

        int[] parent = Enumerable.Range(0, sorted.Count).ToArray();
        for (int i = 0; i < sorted.Count; i++)
        {
            for (int j = i + 1; j < sorted.Count; j++)
            {
                if (Find(parent, i) != Find(parent, j) && SameSubject(keys[i], keys[j]))
                {
                    Union(parent, i, j);
                }
            }
        }

        return Enumerable.Range(0, sorted.Count)
            .GroupBy(i => Find(parent, i))
            .OrderBy(g => g.Min())
            .Select(g => g.Order().Select(i => sorted[i]).ToList())
            .Select(members => new ThemeGroup(TitleOf(members), members))
            .ToList();
    }

    /// <summary>The most common title (ignoring case and surrounding whitespace), ties by the earliest submission.</summary>
    static string TitleOf(IReadOnlyList<AgendaCandidate> members) =>
        members
            .Select((c, index) => (Title: c.Contribution.Title.Trim(), c.SubmittedAt, index))
            .GroupBy(t => t.Title, StringComparer.OrdinalIgnoreCase)
            .Select(g => (Count: g.Count(), First: g.OrderBy(t => t.SubmittedAt).ThenBy(t => t.index).First()))
            .OrderByDescending(g => g.Count)
            .ThenBy(g => g.First.SubmittedAt)
            .ThenBy(g => g.First.index)
            .First().First.Title;

    static bool SameSubject(Key a, Key b)
    {
        if (a.Keywords.Count == 0 || b.Keywords.Count == 0)
        {
            return a.Keywords.Count == 0 && b.Keywords.Count == 0 && string.Equals(a.Folded, b.Folded, StringComparison.Ordinal);
        }

        int common = a.Keywords.Count(b.Keywords.Contains);
        int union = a.Keywords.Count + b.Keywords.Count - common;
        return common == Math.Min(a.Keywords.Count, b.Keywords.Count) || (double)common / union >= SimilarityThreshold;
    }

    /// <summary>The title's words, folded (normalised, lower-case, Danish letters spelled out, diacritics removed).</summary>
    static IEnumerable<string> Words(string title) =>
        Separators().Split(InnerJoiner().Replace(Fold(title ?? ""), "")).Where(w => w.Length > 0);

    static string Fold(string text)
    {
        string lower = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant()
            .Replace("æ", "ae", StringComparison.Ordinal)
            .Replace("ø", "oe", StringComparison.Ordinal)
            .Replace("å", "aa", StringComparison.Ordinal)
            .Replace("ä", "ae", StringComparison.Ordinal)
            .Replace("ö", "oe", StringComparison.Ordinal);
        var folded = new StringBuilder(lower.Length);
        foreach (char c in lower.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(c);
            }
        }

        return folded.ToString().Normalize(NormalizationForm.FormC);
    }

    static string Stem(string word)
    {
        for (int round = 0; round < 8; round++)
        {
            string? shorter = null;
            foreach ((string suffix, string replacement) in Endings)
            {
                if (word.EndsWith(suffix, StringComparison.Ordinal) && word.Length - suffix.Length >= MinimumStem)
                {
                    shorter = word[..^suffix.Length] + replacement;
                    break;
                }
            }

            if (shorter is null)
            {
                break;
            }

            word = shorter;
        }

        return word;
    }

    static int Find(int[] parent, int i)
    {
        while (parent[i] != i)
        {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }

        return i;
    }

    static void Union(int[] parent, int a, int b)
    {
        int ra = Find(parent, a);
        int rb = Find(parent, b);
        if (ra < rb)
        {
            parent[rb] = ra;
        }
        else
        {
            parent[ra] = rb;
        }
    }

    sealed class Key(string title)
    {
        public IReadOnlySet<string> Keywords { get; } = ThemeGrouping.Keywords(title);

        public string Folded { get; } = string.Join(' ', Words(title));
    }

    [GeneratedRegex(@"(?<=[\p{L}\p{N}])[-\u2010\u2011'\u2019\u02BC](?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])['\u2019]", RegexOptions.CultureInvariant)]
    private static partial Regex InnerJoiner();

    [GeneratedRegex(@"[^\p{L}\p{N}]+", RegexOptions.CultureInvariant)]
    private static partial Regex Separators();
}
