using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace NetworkFunctions.Tests.SystemTests.Infra;

/// <summary>
/// The choices infra/ must encode, checked on the ARM JSON that Bicep compiles (nested module
/// deployments included), evaluated with the parameters azd would pass.
/// </summary>
public class InfraTemplateTests
{
    // Built-in role definition ids.
    const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";
    const string KeyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";

    /// <summary>The settings the app's code and host read in Azure.</summary>
    static readonly string[] RequiredSettings =
    [
        "AzureWebJobsStorage__accountName",
        "AzureWebJobsStorage__credential",
        "AzureWebJobsStorage__clientId",
        "AzureWebJobsStorage__blobServiceUri",
        "AzureWebJobsStorage__queueServiceUri",
        "AzureWebJobsStorage__tableServiceUri",
        "TaskHubName",
        "Network__PublicBaseUrl",
        "Network__DocumentsContainer",
        "Network__RetentionDays",
        "Email__SenderAddress",
        "Email__SenderName",
        "Email__SendGridApiKey",
        "Forms__SigningKey",
        "Forms__SigningKeyId",
        "AZURE_CLIENT_ID",
        "APPLICATIONINSIGHTS_CONNECTION_STRING",
        "APPLICATIONINSIGHTS_AUTHENTICATION_STRING",
    ];

    readonly ArmDeployment deployment = Bicep.Deploy();

    [Fact]
    public void TheOperatorIsAlertedOnTheFaultEventIdsAndMailedWhenAnAddressIsGiven()
    {
        ArmResource rule = Single(deployment, "Microsoft.Insights/scheduledQueryRules");
        string query = rule.Definition.ToJsonString();

        foreach (string id in new[] { "3101", "3110", "3111" })
        {
            Assert.Contains(id, query, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(deployment.AllResources(), r => r.Type == "Microsoft.Insights/actionGroups");
        ArmDeployment mailed = Bicep.Deploy(new Dictionary<string, JsonNode?> { ["alertEmail"] = "drift@example.dk" });
        ArmResource group = Single(mailed, "Microsoft.Insights/actionGroups");
        Assert.Contains("drift@example.dk", group.Definition.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void StorageAccountRefusesSharedKeysPublicBlobsAndOldTls()
    {
        ArmResource storage = Single(deployment, "Microsoft.Storage/storageAccounts");

        Assert.False(Bool(storage.Properties["allowSharedKeyAccess"]), "allowSharedKeyAccess must be false.");
        Assert.False(Bool(storage.Properties["allowBlobPublicAccess"]), "allowBlobPublicAccess must be false.");
        Assert.Equal("TLS1_2", (string?)storage.Properties["minimumTlsVersion"]);
        Assert.NotEqual(false, (bool?)storage.Properties["supportsHttpsTrafficOnly"]);
    }

    [Fact]
    public void DocumentsAndDeploymentContainersExistAndArePrivate()
    {
        var containers = deployment.AllResources().Where(r => r.Type == "Microsoft.Storage/storageAccounts/blobServices/containers").ToList();

        Assert.Contains(containers, c => c.ShortName == "network-documents");
        Assert.Equal("network-documents", Setting("Network__DocumentsContainer"));
        Assert.All(containers, c => Assert.Equal("None", (string?)c.Properties["publicAccess"] ?? "None"));

        string packageUrl = (string)FunctionApp.Properties["functionAppConfig"]!["deployment"]!["storage"]!["value"]!;
        Assert.Contains(containers, c => packageUrl.EndsWith(c.ShortName, StringComparison.Ordinal));
    }

    [Fact]
    public void FunctionAppReachesStorageWithItsManagedIdentity()
    {
        JsonObject settings = AppSettings(deployment);
        string clientId = IdentityOutput("clientId");

        Assert.Equal("managedidentity", (string?)settings["AzureWebJobsStorage__credential"]);
        Assert.Equal(clientId, (string?)settings["AzureWebJobsStorage__clientId"]);
        Assert.Equal(clientId, (string?)settings["AZURE_CLIENT_ID"]);
        Assert.Equal(StorageName, (string?)settings["AzureWebJobsStorage__accountName"]);
        foreach (string service in new[] { "blob", "queue", "table" })
        {
            Assert.Contains($"primaryEndpoints.{service}", (string?)settings[$"AzureWebJobsStorage__{service}ServiceUri"], StringComparison.Ordinal);
        }

        Assert.False(settings.ContainsKey("AzureWebJobsStorage"), "No AzureWebJobsStorage connection string: the host must use the identity-based settings.");
        Assert.DoesNotContain(settings, s => s.Key.Contains("CONTENTAZUREFILECONNECTIONSTRING", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void NoStorageKeyIsReadAnywhereInTheTemplate()
    {
        string json = Bicep.CompiledJson;

        Assert.DoesNotContain("AccountKey", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("listKeys(", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("listAccountSas(", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("DefaultEndpointsProtocol", json, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void AppSettingsCoverEverythingTheCodeReads()
    {
        JsonObject settings = AppSettings(deployment);

        Assert.All(RequiredSettings, name => Assert.True(settings.ContainsKey(name), $"App setting '{name}' is missing."));
        Assert.Equal("NetworkFunctions", Setting("TaskHubName"));
        Assert.Equal("365", Setting("Network__RetentionDays"));
        Assert.Equal("noreply@example.org", Setting("Email__SenderAddress"));
        Assert.Equal("k1", Setting("Forms__SigningKeyId"));
        Assert.DoesNotContain(settings, s => s.Key is "FUNCTIONS_WORKER_RUNTIME" or "FUNCTIONS_EXTENSION_VERSION"); // not allowed on Flex Consumption
    }

    [Fact]
    public void PublicBaseUrlIsTheAppsHttpsHostUnlessGiven()
    {
        string hostName = ArmDeployment.Text(Module(deployment, "Microsoft.Web/sites").Output("defaultHostName"));
        // reference('functionApp') is the same resource by its symbolic name (functionapp.bicep compiles to language version 2.0).
        Assert.Matches(@"^«reference\((resourceId\('Microsoft.Web/sites', .*\)|'functionApp')\)\.defaultHostName»$", hostName);
        Assert.Equal($"https://{hostName}", Setting("Network__PublicBaseUrl"));

        ArmDeployment custom = Bicep.Deploy(new Dictionary<string, JsonNode?> { ["publicBaseUrl"] = "https://netvaerk.example.dk" });
        Assert.Equal("https://netvaerk.example.dk", (string?)AppSettings(custom)["Network__PublicBaseUrl"]);
    }

    [Fact]
    public void SecretsAreKeyVaultReferencesResolvedByTheUserAssignedIdentity()
    {
        ArmResource vault = Single(deployment, "Microsoft.KeyVault/vaults");
        string vaultUri = KeyVaultOutput("vaultUri");

        Assert.True(Bool(vault.Properties["enableRbacAuthorization"]), "Key Vault must use Azure RBAC, not access policies.");
        Assert.Equal($"@Microsoft.KeyVault(SecretUri={vaultUri}secrets/SendGridApiKey/)", Setting("Email__SendGridApiKey"));
        Assert.Equal($"@Microsoft.KeyVault(SecretUri={vaultUri}secrets/FormSigningKey/)", Setting("Forms__SigningKey"));
        Assert.Equal(IdentityOutput("resourceId"), (string?)FunctionApp.Properties["keyVaultReferenceIdentity"]);
        Assert.Equal("UserAssigned", (string?)FunctionApp.Definition["identity"]?["type"]);
        Assert.Contains(IdentityOutput("resourceId"), FunctionApp.Definition["identity"]!["userAssignedIdentities"]!.AsObject().Select(p => p.Key));

        ArmResource secretsUser = RoleAssignment(deployment, KeyVaultSecretsUser);
        Assert.Contains("Microsoft.KeyVault/vaults", (string?)secretsUser.Definition["scope"], StringComparison.Ordinal);
    }

    [Fact]
    public void SecretValuesAreWrittenOnlyWhenGivenAndNeverLeaveAsOutputs()
    {
        Assert.DoesNotContain(deployment.AllResources(), r => r.Type == "Microsoft.KeyVault/vaults/secrets");

        ArmDeployment withSecrets = Bicep.Deploy(new Dictionary<string, JsonNode?>
        {
            ["sendGridApiKey"] = "test-sendgrid-value",
            ["formSigningKey"] = "test-signing-value",
            ["inboundSecret"] = "test-inbound-value",
            ["inboundReplyDomain"] = "svar.kommune.dk",
        });
        var secrets = withSecrets.AllResources().Where(r => r.Type == "Microsoft.KeyVault/vaults/secrets").ToDictionary(r => r.ShortName, r => (string?)r.Properties["value"]);
        Assert.Equal("test-sendgrid-value", secrets["SendGridApiKey"]);
        Assert.Equal("test-signing-value", secrets["FormSigningKey"]);
        Assert.Equal("test-inbound-value", secrets["InboundSecret"]);

        // A value travels only in securestring parameters (main.bicep to the Key Vault module) and never comes out.
        var secretValue = new Regex("test-(sendgrid|signing|inbound)-value");
        foreach (ArmDeployment d in withSecrets.AllDeployments())
        {
            foreach ((string name, JsonNode? declaration) in d.Parameters)
            {
                if (secretValue.IsMatch(d.Parameter(name)?.ToJsonString() ?? ""))
                {
                    Assert.True((string?)declaration!["type"] == "securestring", $"{d.Name}: '{name}' carries a secret but is not @secure().");
                }
            }

            Assert.DoesNotContain(d.Outputs, o => secretValue.IsMatch(d.Output(o.Key)?.ToJsonString() ?? ""));
        }

        Assert.DoesNotContain(withSecrets.AllResources(), r => r.Type != "Microsoft.KeyVault/vaults/secrets" && secretValue.IsMatch(r.Definition.ToJsonString()));
    }

    [Fact]
    public void SecureParametersDefaultToEmptySoAnUnattendedProvisionLeavesTheVaultAsItIs()
    {
        var secure = Bicep.Deploy().AllDeployments()
            .SelectMany(d => d.Parameters.Select(p => (d.Name, p.Key, Declaration: p.Value!.AsObject())))
            .Where(p => ((string?)p.Declaration["type"])?.StartsWith("secure", StringComparison.OrdinalIgnoreCase) == true)
            .ToList();

        Assert.Contains(secure, p => p.Key == "sendGridApiKey");
        Assert.Contains(secure, p => p.Key == "formSigningKey");
        Assert.Contains(secure, p => p.Key == "inboundSecret");
        // Empty, never a value: `azd provision --no-prompt` with the secrets unset neither fails nor overwrites the vault.
        Assert.All(secure, p => Assert.True(!p.Declaration.ContainsKey("defaultValue") || (string?)p.Declaration["defaultValue"] == "", $"{p.Name}: secure parameter '{p.Key}' has a default value."));
        JsonObject root = Bicep.Template["parameters"]!.AsObject();
        Assert.Equal("", (string?)root["sendGridApiKey"]!["defaultValue"]);
        Assert.Equal("", (string?)root["formSigningKey"]!["defaultValue"]);
        Assert.Equal("", (string?)root["inboundSecret"]!["defaultValue"]);
        string parameterFile = File.ReadAllText(Path.Combine(Bicep.RepositoryRoot, "infra", "main.parameters.json"));
        Assert.Contains("\"${SENDGRID_API_KEY=}\"", parameterFile, StringComparison.Ordinal);
        Assert.Contains("\"${FORM_SIGNING_KEY=}\"", parameterFile, StringComparison.Ordinal);
        Assert.Contains("\"${INBOUND_SECRET=}\"", parameterFile, StringComparison.Ordinal);
    }

    [Fact]
    public void NoOutputLooksLikeASecret()
    {
        var suspicious = new Regex(@"secret|password|passwd|connection_?string|token|credential|KEY(?!_VAULT)|SAS\b", RegexOptions.IgnoreCase);
        var secretValue = new Regex(@"listKeys|listSecrets|listAccountSas|listCredentials|ConnectionString|AccountKey|instrumentationKey|securestring", RegexOptions.IgnoreCase);

        foreach (ArmDeployment d in Bicep.Deploy().AllDeployments())
        {
            foreach ((string name, JsonNode? output) in d.Outputs)
            {
                string upperSnake = Regex.Replace(name, "(?<=[a-z0-9])(?=[A-Z])", "_").ToUpperInvariant();
                Assert.False(suspicious.IsMatch(upperSnake), $"{d.Name}: output '{name}' is named like a secret.");
                Assert.False(secretValue.IsMatch(output!.ToJsonString()), $"{d.Name}: output '{name}' carries a secret-like value: {output.ToJsonString()}");
                Assert.DoesNotContain("secure", (string?)output["type"] ?? "", StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Fact]
    public void FunctionAppRunsOnFlexConsumptionWithDotnetIsolated10()
    {
        ArmResource plan = Single(deployment, "Microsoft.Web/serverfarms");
        JsonNode config = FunctionApp.Properties["functionAppConfig"]!;

        Assert.Equal("FC1", (string?)plan.Definition["sku"]?["name"]);
        Assert.Equal("FlexConsumption", (string?)plan.Definition["sku"]?["tier"]);
        Assert.True(Bool(plan.Properties["reserved"]), "Flex Consumption runs on Linux (reserved: true).");
        Assert.Contains("linux", (string?)FunctionApp.Definition["kind"], StringComparison.Ordinal);
        Assert.Equal("dotnet-isolated", (string?)config["runtime"]?["name"]);
        Assert.Equal("10.0", (string?)config["runtime"]?["version"]);
        Assert.Equal("blobContainer", (string?)config["deployment"]?["storage"]?["type"]);
        Assert.Equal("UserAssignedIdentity", (string?)config["deployment"]?["storage"]?["authentication"]?["type"]);
        Assert.Equal(IdentityOutput("resourceId"), (string?)config["deployment"]?["storage"]?["authentication"]?["userAssignedIdentityResourceId"]);
        Assert.Equal("api", (string?)FunctionApp.Definition["tags"]?["azd-service-name"]);
    }

    [Fact]
    public void FunctionAppAcceptsOnlyHttpsAndNoBasicPublishingCredentials()
    {
        JsonNode siteConfig = FunctionApp.Properties["siteConfig"]!;

        Assert.True(Bool(FunctionApp.Properties["httpsOnly"]), "httpsOnly must be true.");
        Assert.Equal("1.2", (string?)siteConfig["minTlsVersion"]);
        Assert.Equal("Disabled", (string?)siteConfig["ftpsState"]);

        var policies = deployment.AllResources()
            .Where(r => r.Type == "Microsoft.Web/sites/basicPublishingCredentialsPolicies")
            .ToDictionary(r => r.ShortName, r => Bool(r.Properties["allow"]));
        Assert.False(policies.GetValueOrDefault("scm", true), "SCM basic publishing credentials must be disabled.");
        Assert.False(policies.GetValueOrDefault("ftp", true), "FTP basic publishing credentials must be disabled.");
    }

    [Fact]
    public void IdentityHoldsTheStorageRolesDurableFunctionsNeeds()
    {
        foreach (string role in new[] { StorageBlobDataOwner, StorageQueueDataContributor, StorageTableDataContributor })
        {
            ArmResource assignment = RoleAssignment(deployment, role);
            Assert.Contains("Microsoft.Storage/storageAccounts", (string?)assignment.Definition["scope"], StringComparison.Ordinal);
            Assert.Contains(StorageName, (string?)assignment.Definition["scope"], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void EveryRoleAssignmentIsNamedGuidOfScopePrincipalAndRole()
    {
        var assignments = Bicep.Deploy(new Dictionary<string, JsonNode?>
        {
            ["principalId"] = "00000000-0000-0000-0000-00000000d0d0",
        }).AllResources().Where(r => r.Type == "Microsoft.Authorization/roleAssignments").ToList();

        Assert.True(assignments.Count >= 6, $"Expected the identity's role assignments, found {assignments.Count}.");
        foreach (ArmResource assignment in assignments)
        {
            string scope = ((string?)assignment.Definition["scope"])!;
            string principal = (string)assignment.Properties["principalId"]!;
            string role = Regex.Match((string)assignment.Properties["roleDefinitionId"]!, "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}").Value;

            Assert.StartsWith("«guid(", assignment.Name, StringComparison.Ordinal);
            Assert.Equal($"«guid({Rendered(scope)}, {Rendered(principal)}, '{role}')»", assignment.Name);
        }
    }

    [Fact]
    public void ApplicationInsightsTakesTelemetryOnlyFromEntraIdentities()
    {
        ArmResource insights = Single(deployment, "Microsoft.Insights/components");
        ArmResource publisher = RoleAssignment(deployment, MonitoringMetricsPublisher);

        Assert.True(Bool(insights.Properties["DisableLocalAuth"]), "Application Insights must have local auth disabled.");
        Assert.Equal($"ClientId={IdentityOutput("clientId")};Authorization=AAD", Setting("APPLICATIONINSIGHTS_AUTHENTICATION_STRING"));
        Assert.Contains("Microsoft.Insights/components", (string?)publisher.Definition["scope"], StringComparison.Ordinal);
        Assert.NotNull(Single(deployment, "Microsoft.OperationalInsights/workspaces"));
    }

    [Fact]
    public void NoParameterSelectsADurableBackendTheAppCannotRun()
    {
        // The app references no Durable Task Scheduler extension (the package registry does not serve it), so no
        // parameter may switch the storage provider to azureManaged; infra/README.md says what it would take.
        Assert.DoesNotContain(Bicep.Template["parameters"]!.AsObject(), p => p.Key.Contains("Scheduler", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(deployment.AllResources(), r => r.Type.StartsWith("Microsoft.DurableTask/", StringComparison.Ordinal));
        Assert.DoesNotContain(AppSettings(deployment), s => s.Key.StartsWith("DURABLE_TASK_SCHEDULER", StringComparison.Ordinal) || s.Key.StartsWith("AzureFunctionsJobHost__extensions__durableTask", StringComparison.Ordinal));
        Assert.DoesNotContain("azureManaged", File.ReadAllText(Path.Combine(Bicep.RepositoryRoot, "host.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void TheDevelopmentFormKeyIsNeverAllowedInAzure() =>
        Assert.DoesNotContain(AppSettings(deployment), s => s.Key.Contains("AllowDevelopmentKey", StringComparison.OrdinalIgnoreCase));

    [Fact]
    public void TheEventWebhookKeyIsAPlainSettingOffByDefault()
    {
        Assert.Equal("", (string?)Bicep.Template["parameters"]!["sendGridEventWebhookPublicKey"]!["defaultValue"]);
        Assert.Equal("", Setting("Email__EventWebhookPublicKey"));
        ArmDeployment withKey = Bicep.Deploy(new Dictionary<string, JsonNode?> { ["sendGridEventWebhookPublicKey"] = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE" });
        Assert.Equal("MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE", (string?)AppSettings(withKey)["Email__EventWebhookPublicKey"]);
        Assert.Contains("\"${SENDGRID_EVENT_WEBHOOK_PUBLIC_KEY=}\"", File.ReadAllText(Path.Combine(Bicep.RepositoryRoot, "infra", "main.parameters.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void CalendarRepliesAreOffByDefaultAndThenNameNoInboundSecret()
    {
        // Off, the app answers POST /api/inbound/email with 404; a reference to a secret never written would make it
        // answer 503 instead and mark the setting unresolved in the portal, for a feature nobody turned on.
        Assert.Equal("", (string?)Bicep.Template["parameters"]!["inboundReplyDomain"]!["defaultValue"]);
        Assert.Equal("", Setting("Inbound__ReplyDomain"));
        Assert.DoesNotContain(AppSettings(deployment), s => s.Key.StartsWith("Inbound__", StringComparison.Ordinal) && s.Key != "Inbound__ReplyDomain");
        Assert.Contains("\"${INBOUND_REPLY_DOMAIN=}\"", File.ReadAllText(Path.Combine(Bicep.RepositoryRoot, "infra", "main.parameters.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void WithAReplyDomainTheInboundSecretIsAKeyVaultReferenceNeverTheValue()
    {
        ArmDeployment on = Bicep.Deploy(new Dictionary<string, JsonNode?>
        {
            ["inboundReplyDomain"] = "svar.kommune.dk",
            ["inboundSecret"] = "test-inbound-secret-value",
        });
        JsonObject settings = AppSettings(on);
        string vaultUri = ArmDeployment.Text(Module(on, "Microsoft.KeyVault/vaults").Output("vaultUri"));

        Assert.Equal("svar.kommune.dk", (string?)settings["Inbound__ReplyDomain"]);
        Assert.Equal($"@Microsoft.KeyVault(SecretUri={vaultUri}secrets/InboundSecret/)", (string?)settings["Inbound__Secret"]);
        Assert.DoesNotContain(settings, s => s.Value?.ToJsonString().Contains("test-inbound-secret-value", StringComparison.Ordinal) == true);

        // Turned on without a value, the reference is still set: the secret may already be in the vault, and if it is
        // not, the app says so (health `inbound` degraded) and answers 503, so SendGrid posts again once it is set.
        ArmDeployment onWithoutValue = Bicep.Deploy(new Dictionary<string, JsonNode?> { ["inboundReplyDomain"] = "svar.kommune.dk" });
        Assert.Equal($"@Microsoft.KeyVault(SecretUri={vaultUri}secrets/InboundSecret/)", (string?)AppSettings(onWithoutValue)["Inbound__Secret"]);
        Assert.DoesNotContain(onWithoutValue.AllResources(), r => r.Type == "Microsoft.KeyVault/vaults/secrets");
    }

    [Fact]
    public void AnInboundSecretIsWrittenEvenWhileRepliesAreOffSoTheVaultCanBeReadyFirst()
    {
        ArmDeployment prepared = Bicep.Deploy(new Dictionary<string, JsonNode?> { ["inboundSecret"] = "test-inbound-secret-value" });

        Assert.Contains(prepared.AllResources(), r => r.Type == "Microsoft.KeyVault/vaults/secrets" && r.ShortName == "InboundSecret");
        Assert.False(AppSettings(prepared).ContainsKey("Inbound__Secret"), "Off, the app needs no Inbound__Secret setting.");
    }

    [Theory]
    [InlineData("too-short")]
    [InlineData("fifteen-chars!!")]
    public void AnInboundSecretShorterThanTheAppAcceptsStopsTheDeployment(string secret)
    {
        ArmTemplateFailure failure = Assert.Throws<ArmTemplateFailure>(() =>
            Bicep.Deploy(new Dictionary<string, JsonNode?> { ["inboundSecret"] = secret }).AllResources().ToList());

        Assert.Contains("16", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, failure.Message, StringComparison.Ordinal);
    }

    ArmResource FunctionApp => Single(deployment, "Microsoft.Web/sites");

    string StorageName => ArmDeployment.Text(Module(deployment, "Microsoft.Storage/storageAccounts").Output("name"));

    string Setting(string name) => ArmDeployment.Text(AppSettings(deployment)[name]);

    string IdentityOutput(string name) => ArmDeployment.Text(Module(deployment, "Microsoft.ManagedIdentity/userAssignedIdentities").Output(name));

    string KeyVaultOutput(string name) => ArmDeployment.Text(Module(deployment, "Microsoft.KeyVault/vaults").Output(name));

    static ArmDeployment Module(ArmDeployment root, string declaresType) =>
        root.AllDeployments().Single(d => d.Resources.Any(r => r.Type == declaresType));

    static JsonObject AppSettings(ArmDeployment root)
    {
        ArmResource config = root.AllResources().Single(r => r.Type == "Microsoft.Web/sites/config" && r.ShortName == "appsettings");
        Assert.DoesNotContain(root.AllResources(), r => r.Type == "Microsoft.Web/sites" && r.Properties["siteConfig"]?["appSettings"] is not null);
        return config.Properties;
    }

    static ArmResource Single(ArmDeployment root, string type)
    {
        var matches = root.AllResources().Where(r => r.Type == type).ToList();
        Assert.True(matches.Count == 1, $"Expected one {type}, found {matches.Count}.");
        return matches[0];
    }

    /// <summary>The role assignment that gives the function app's identity this role.</summary>
    static ArmResource RoleAssignment(ArmDeployment root, string roleId)
    {
        string principal = IdentityOutputOf(root, "principalId");
        var matches = root.AllResources()
            .Where(r => r.Type == "Microsoft.Authorization/roleAssignments"
                && ((string?)r.Properties["roleDefinitionId"])?.Contains(roleId, StringComparison.Ordinal) == true
                && (string?)r.Properties["principalId"] == principal)
            .ToList();
        Assert.True(matches.Count == 1, $"Expected the identity to hold role {roleId} once, found {matches.Count}.");
        Assert.Equal("ServicePrincipal", (string?)matches[0].Properties["principalType"]);
        return matches[0];
    }

    static string IdentityOutputOf(ArmDeployment root, string name) =>
        ArmDeployment.Text(Module(root, "Microsoft.ManagedIdentity/userAssignedIdentities").Output(name));

    static bool Bool(JsonNode? node) => node is JsonValue v && v.TryGetValue(out bool b)
        ? b
        : throw new Xunit.Sdk.XunitException($"Expected a literal boolean, found {node?.ToJsonString() ?? "nothing"}.");

    /// <summary>A value as it shows among the arguments of an unknown: the expression itself, or a quoted string.</summary>
    static string Rendered(string value) => ArmDeployment.IsOpaque(JsonValue.Create(value)) ? value[1..^1] : $"'{value}'";
}
