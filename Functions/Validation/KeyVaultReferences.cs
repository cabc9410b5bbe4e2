namespace NetworkFunctions.Validation;

/// <summary>
/// App Service passes a Key Vault reference through as text while the secret cannot be read (missing, no access).
/// Such a value must never be used as a key (form links would be signed with a string anyone can read), and it must
/// not stop the app either: what needs the secret waits and says so (health, attention), the rest goes on.
/// </summary>
public static class KeyVaultReferences
{
    public static bool IsUnresolved(string? value) =>
        value is not null && value.TrimStart().StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase);

    public static string Message(string setting) =>
        $"{setting} is an unresolved Key Vault reference: set the secret in Key Vault and give the app's identity access (see infra/README.md); what needs it waits until then.";
}
