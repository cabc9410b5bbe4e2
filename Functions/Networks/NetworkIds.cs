using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace NetworkFunctions.Networks;

/// <summary>Network ids: slugs of 3–64 characters, used as the orchestration instance id and the blob folder.</summary>
public static partial class NetworkIds
{
    public static bool IsValid(string? id) => id is not null && Slug().IsMatch(id);

    /// <summary>A slug of the name and year with a random suffix: <c>laeringsnetvaerk-for-samskabelse-2027-k3f9q2</c>.</summary>
    public static string Generate(string name, int year, string suffix)
    {
        string folded = name.ToLowerInvariant()
            .Replace("æ", "ae", StringComparison.Ordinal)
            .Replace("ø", "oe", StringComparison.Ordinal)
            .Replace("å", "aa", StringComparison.Ordinal)
            .Normalize(NormalizationForm.FormD);
        var slug = new StringBuilder();
        foreach (char c in folded)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            slug.Append(c is >= 'a' and <= 'z' or >= '0' and <= '9' ? c : '-');
        }

        string stem = Hyphens().Replace(slug.ToString(), "-").Trim('-');
        if (stem.Length > 40)
        {
            stem = stem[..40].TrimEnd('-');
        }

        return string.Join('-', new[] { stem, year.ToString(CultureInfo.InvariantCulture), suffix }.Where(p => p.Length > 0));
    }

    [GeneratedRegex(@"^[a-z0-9-]{3,64}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Slug();

    [GeneratedRegex("-{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex Hyphens();
}
