using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace NetworkFunctions.Tests.SystemTests.Infra;

/// <summary>
/// consoleClientId: empty, the deployment has no built-in authentication and no Console__ setting (the console answers
/// that sign-in is not configured); set, App Service authentication (authsettingsV2) signs the office in with Microsoft
/// Entra ID, lets every other caller through as before, and the app trusts the X-MS-CLIENT-PRINCIPAL it injects.
/// </summary>
public class ConsoleSignInTests
{
    const string ClientId = "11111111-2222-3333-4444-555555555555";
    const string AdminGroup = "66666666-7777-8888-9999-000000000000";
    const string SecretValue = "test-console-client-secret-value";
    const string SecretSetting = "MICROSOFT_PROVIDER_AUTHENTICATION_SECRET";

    readonly ArmDeployment signedIn = Bicep.Deploy(new Dictionary<string, JsonNode?>
    {
        ["consoleClientId"] = ClientId,
        ["consoleClientSecret"] = SecretValue,
        ["consoleAdminGroup"] = AdminGroup,
    });

    [Fact]
    public void WithoutAClientIdThereIsNoBuiltInAuthenticationAndNoConsoleSetting()
    {
        ArmDeployment plain = Bicep.Deploy();
        JsonObject declared = Bicep.Template["parameters"]!.AsObject();

        Assert.Equal("", (string?)declared["consoleClientId"]?["defaultValue"]);
        Assert.Equal("", (string?)declared["consoleClientSecret"]?["defaultValue"]);
        Assert.Equal("", (string?)declared["consoleAdminGroup"]?["defaultValue"]);
        Assert.DoesNotContain(plain.AllResources(), r => r.Type == "Microsoft.Web/sites/config" && r.ShortName.Equals("authsettingsV2", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(AppSettings(plain), s => s.Key.StartsWith("Console__", StringComparison.Ordinal) || s.Key == SecretSetting);
        Assert.DoesNotContain(plain.AllResources(), r => r.Type == "Microsoft.KeyVault/vaults/secrets");
    }

    [Fact]
    public void WithAClientIdTheOfficeSignsInWithEntraIdAndEveryOtherCallerStillGetsThrough()
    {
        ArmResource auth = AuthSettings(signedIn);
        JsonObject global = auth.Properties["globalValidation"]!.AsObject();
        JsonObject aad = auth.Properties["identityProviders"]!["azureActiveDirectory"]!.AsObject();
        string tenant = (string)AppSettings(signedIn)["Console__TenantId"]!;

        Assert.True((bool?)auth.Properties["platform"]?["enabled"], "platform.enabled must be true.");
        // The app sends an unsigned visitor of /api/console to /.auth/login/aad itself; the platform must not stop anyone,
        // so member forms, webhooks, health and the function-key API answer exactly as without authentication.
        Assert.False((bool?)global["requireAuthentication"] ?? true, "requireAuthentication must be false.");
        Assert.Equal("AllowAnonymous", (string?)global["unauthenticatedClientAction"]);
        Assert.False(global.ContainsKey("excludedPaths"), "With anonymous callers allowed there is nothing to exclude.");
        Assert.True((bool?)aad["enabled"] ?? true, "The Entra ID provider must be enabled.");
        Assert.Equal(ClientId, (string?)aad["registration"]?["clientId"]);
        Assert.Equal(SecretSetting, (string?)aad["registration"]?["clientSecretSettingName"]);
        Assert.Equal($"https://login.microsoftonline.com/{tenant}/v2.0", (string?)aad["registration"]?["openIdIssuer"]);
        Assert.True((bool?)auth.Properties["httpSettings"]?["requireHttps"], "httpSettings.requireHttps must be true.");
        Assert.False((bool?)auth.Properties["login"]?["tokenStore"]?["enabled"] ?? true, "The app reads only the principal header; no token store.");
    }

    [Fact]
    public void WithAClientIdTheAppTrustsThePrincipalOfItsTenantAndReadsTheSecretFromKeyVault()
    {
        JsonObject settings = AppSettings(signedIn);
        string vaultUri = ArmDeployment.Text(signedIn.AllDeployments().Single(d => d.Resources.Any(r => r.Type == "Microsoft.KeyVault/vaults")).Output("vaultUri"));

        Assert.Equal("AppService", (string?)settings["Console__SignIn"]);
        Assert.Matches(@"^«tenant\(\)\.tenantId»$", (string?)settings["Console__TenantId"] ?? "");
        Assert.Equal(AdminGroup, (string?)settings["Console__AdminGroup"]);
        Assert.Equal($"@Microsoft.KeyVault(SecretUri={vaultUri}secrets/ConsoleClientSecret/)", (string?)settings[SecretSetting]);

        ArmResource secret = Assert.Single(signedIn.AllResources(), r => r.Type == "Microsoft.KeyVault/vaults/secrets");
        Assert.Equal("ConsoleClientSecret", secret.ShortName);
        Assert.Equal(SecretValue, (string?)secret.Properties["value"]);
        Assert.DoesNotContain(signedIn.AllResources(), r => r.Type != "Microsoft.KeyVault/vaults/secrets" && r.Definition.ToJsonString().Contains(SecretValue, StringComparison.Ordinal));
        foreach (ArmDeployment d in signedIn.AllDeployments())
        {
            foreach ((string name, JsonNode? declaration) in d.Parameters)
            {
                if (d.Parameter(name)?.ToJsonString().Contains(SecretValue, StringComparison.Ordinal) == true)
                {
                    Assert.True((string?)declaration!["type"] == "securestring", $"{d.Name}: '{name}' carries the client secret but is not @secure().");
                }
            }
        }
    }

    [Fact]
    public void WithAClientIdAndNoAdminGroupNobodySeesEveryNetwork()
    {
        ArmDeployment noAdmins = Bicep.Deploy(new Dictionary<string, JsonNode?>
        {
            ["consoleClientId"] = ClientId,
            ["consoleClientSecret"] = SecretValue,
        });

        Assert.Equal("", (string?)AppSettings(noAdmins)["Console__AdminGroup"]);
        Assert.Equal("AppService", (string?)AppSettings(noAdmins)["Console__SignIn"]);
    }

    [Fact]
    public void AClientIdWithoutItsSecretStopsTheDeployment()
    {
        ArmTemplateFailure failure = Assert.Throws<ArmTemplateFailure>(() =>
            Bicep.Deploy(new Dictionary<string, JsonNode?> { ["consoleClientId"] = ClientId }).AllResources().ToList());

        Assert.Contains("CONSOLE_CLIENT_SECRET", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AzdAndTheDeployWorkflowPassTheClientIdAndGroupAsVariablesAndTheSecretAsASecret()
    {
        string parameterFile = File.ReadAllText(Path.Combine(Bicep.RepositoryRoot, "infra", "main.parameters.json"));
        string deploy = File.ReadAllText(Path.Combine(Bicep.RepositoryRoot, ".github", "workflows", "deploy.yml"));

        Assert.Contains("\"${CONSOLE_CLIENT_ID=}\"", parameterFile, StringComparison.Ordinal);
        Assert.Contains("\"${CONSOLE_CLIENT_SECRET=}\"", parameterFile, StringComparison.Ordinal);
        Assert.Contains("\"${CONSOLE_ADMIN_GROUP=}\"", parameterFile, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^\s+CONSOLE_CLIENT_ID:\s*\$\{\{\s*vars\.CONSOLE_CLIENT_ID\s*\}\}\s*$", deploy);
        Assert.Matches(@"(?m)^\s+CONSOLE_ADMIN_GROUP:\s*\$\{\{\s*vars\.CONSOLE_ADMIN_GROUP\s*\}\}\s*$", deploy);
        Assert.Matches(@"(?m)^\s+CONSOLE_CLIENT_SECRET:\s*\$\{\{\s*secrets\.CONSOLE_CLIENT_SECRET\s*\}\}\s*$", deploy);
        Assert.DoesNotMatch(new Regex(@"vars\.CONSOLE_CLIENT_SECRET"), deploy);
    }

    static ArmResource AuthSettings(ArmDeployment root) =>
        Assert.Single(root.AllResources(), r => r.Type == "Microsoft.Web/sites/config" && r.ShortName.Equals("authsettingsV2", StringComparison.OrdinalIgnoreCase));

    static JsonObject AppSettings(ArmDeployment root) =>
        root.AllResources().Single(r => r.Type == "Microsoft.Web/sites/config" && r.ShortName == "appsettings").Properties;
}
