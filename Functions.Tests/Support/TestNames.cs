namespace NetworkFunctions.Tests.Support;

/// <summary>Names that keep tests apart in one Azurite: task hubs and containers unique per test.</summary>
public static class TestNames
{
    /// <summary>A task hub name (letters and digits, starts with a letter, at most 45 characters).</summary>
    public static string TaskHub(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..Math.Min(45, prefix.Length + 32)];

    public static string Container(string prefix) => $"{prefix}-{Guid.NewGuid():N}".ToLowerInvariant();
}
