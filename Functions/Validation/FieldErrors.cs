namespace NetworkFunctions.Validation;

/// <summary>Validation failures by field path (<c>members[3].email</c>), every one of them, for a problem+json answer.</summary>
public sealed class FieldErrors
{
    readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public bool IsEmpty => errors.Count == 0;

    public int Count => errors.Values.Sum(e => e.Count);

    public void Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out List<string>? messages))
        {
            errors[field] = messages = [];
        }

        if (!messages.Contains(message))
        {
            messages.Add(message);
        }
    }

    public bool Has(string field) => errors.ContainsKey(field);

    public IDictionary<string, string[]> ToDictionary() =>
        errors.OrderBy(e => e.Key, StringComparer.Ordinal).ToDictionary(e => e.Key, e => e.Value.ToArray());
}
