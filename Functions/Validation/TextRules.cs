namespace NetworkFunctions.Validation;

/// <summary>The rule for a one-line text field (a name, an address, a place), wherever it comes in: a JSON field or a spreadsheet cell.</summary>
public static class TextRules
{
    /// <summary>What is wrong with <paramref name="text"/> (already trimmed): empty, longer than <paramref name="maxLength"/>, or holding control characters; null when nothing is.</summary>
    public static string? Problem(string text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return "Must not be empty.";
        }

        if (text.Length > maxLength)
        {
            return $"At most {maxLength} characters.";
        }

        return text.Any(char.IsControl) ? "Must not contain control characters." : null;
    }
}
