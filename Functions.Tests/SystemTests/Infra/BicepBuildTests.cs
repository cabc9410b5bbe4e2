using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace NetworkFunctions.Tests.SystemTests.Infra;

/// <summary>infra/ compiles and lints clean with the Bicep CLI, and the azd wiring around it holds together.</summary>
public class BicepBuildTests
{
    static readonly JsonDocumentOptions Jsonc = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    [Fact]
    public void MainTemplateBuildsWithoutErrorsOrWarnings()
    {
        BicepRun build = Bicep.Build;

        Assert.True(build.ExitCode == 0, $"bicep build exited {build.ExitCode}:\n{build.StandardError}");
        AssertNoErrorsOrWarnings(build);
        Assert.Equal("subscription", Scope(Bicep.Template));
    }

    [Fact]
    public void EveryBicepFileLintsClean()
    {
        BicepRun lint = Bicep.Lint;

        AssertNoErrorsOrWarnings(lint);
        Assert.True(lint.ExitCode == 0, $"bicep lint exited {lint.ExitCode}:\n{lint.StandardError}{lint.StandardOutput}");
    }

    [Fact]
    public void LinterTreatsTheSecurityRulesAsErrors()
    {
        JsonNode config = JsonNode.Parse(File.ReadAllText(InfraPath("bicepconfig.json")), documentOptions: Jsonc)!;
        JsonNode core = config["analyzers"]!["core"]!;

        Assert.NotEqual(false, (bool?)core["enabled"]);
        string[] mustBeErrors =
        [
            "no-hardcoded-env-urls",
            "secure-secrets-in-params",
            "secure-parameter-default",
            "outputs-should-not-contain-secrets",
            "use-secure-value-for-secure-inputs",
            "no-unused-params",
            "no-unused-vars",
        ];
        foreach (string rule in mustBeErrors)
        {
            Assert.True((string?)core["rules"]?[rule]?["level"] == "error", $"bicepconfig.json should raise {rule} to error.");
        }
    }

    [Fact]
    public void NoRegistryModulesAreUsed()
    {
        foreach (string file in Directory.EnumerateFiles(InfraPath(), "*.bicep", SearchOption.AllDirectories))
        {
            string text = File.ReadAllText(file);
            Assert.False(Regex.IsMatch(text, @"^\s*(module|import|extension)\s+\S+\s+'(br|ts)[:/]", RegexOptions.Multiline), $"{file} uses a registry module, which cannot be restored offline.");
        }
    }

    [Fact]
    public void EveryParameterHasADescription()
    {
        var missing = Bicep.Deploy()
            .AllDeployments()
            .SelectMany(d => d.Parameters.Select(p => (Deployment: d.Name, Parameter: p.Key, Description: (string?)p.Value?["metadata"]?["description"])))
            .Where(p => string.IsNullOrWhiteSpace(p.Description))
            .Select(p => $"{p.Deployment}: {p.Parameter}")
            .ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void OutputsAreUpperSnakeCase()
    {
        JsonObject outputs = Bicep.Template["outputs"]!.AsObject();

        Assert.NotEmpty(outputs);
        Assert.All(outputs, output => Assert.Matches("^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$", output.Key));
        Assert.Contains("SERVICE_API_NAME", outputs.Select(o => o.Key));
        Assert.Contains("AZURE_KEY_VAULT_NAME", outputs.Select(o => o.Key));
    }

    [Fact]
    public void ResourceTokenIsUniqueStringOfSubscriptionEnvironmentAndLocation()
    {
        string resourceToken = (string)Bicep.Template["variables"]!["resourceToken"]!;

        Assert.Equal("[toLower(uniqueString(subscription().id, parameters('environmentName'), parameters('location')))]", resourceToken);
    }

    [Fact]
    public void ParametersFileFeedsEveryRequiredParameterFromTheAzdEnvironment()
    {
        JsonObject parameters = JsonNode.Parse(File.ReadAllText(InfraPath("main.parameters.json")), documentOptions: Jsonc)!["parameters"]!.AsObject();
        JsonObject declared = Bicep.Template["parameters"]!.AsObject();

        Assert.Equal("${AZURE_ENV_NAME}", (string?)parameters["environmentName"]?["value"]);
        Assert.Equal("${AZURE_LOCATION}", (string?)parameters["location"]?["value"]);
        Assert.Equal("${AZURE_PRINCIPAL_ID}", (string?)parameters["principalId"]?["value"]);
        foreach ((string name, JsonNode? value) in parameters)
        {
            Assert.True(declared.ContainsKey(name), $"main.parameters.json sets '{name}', which main.bicep does not declare.");
            Assert.Matches(@"^\$\{[A-Z][A-Z0-9_]*(=[^}]*)?\}$", (string?)value?["value"] ?? "");
        }

        foreach ((string name, JsonNode? declaration) in declared)
        {
            if (!declaration!.AsObject().ContainsKey("defaultValue"))
            {
                Assert.True(parameters.ContainsKey(name), $"'{name}' has no default, so main.parameters.json must map it to an azd environment variable.");
            }
        }
    }

    [Fact]
    public void AzureYamlDeploysTheFunctionsProjectAsTheApiService()
    {
        string yaml = File.ReadAllText(Path.Combine(Bicep.RepositoryRoot, "azure.yaml"));

        Assert.Matches(@"(?m)^services:\s*\n\s+api:\s*$", yaml);
        Assert.Matches(@"(?m)^\s+project:\s*\./Functions/?\s*$", yaml);
        Assert.Matches(@"(?m)^\s+language:\s*dotnet\s*$", yaml);
        Assert.Matches(@"(?m)^\s+host:\s*function\s*$", yaml);
        Assert.True(Directory.Exists(Path.Combine(Bicep.RepositoryRoot, "Functions")));
    }

    [Fact]
    public void WorkflowsPinEveryActionToACommit()
    {
        string workflows = Path.Combine(Bicep.RepositoryRoot, ".github", "workflows");
        string[] files = Directory.GetFiles(workflows, "*.yml");

        Assert.Contains(files, f => Path.GetFileName(f) == "ci.yml");
        Assert.Contains(files, f => Path.GetFileName(f) == "deploy.yml");
        foreach (string file in files)
        {
            string text = File.ReadAllText(file);
            Assert.Matches(@"(?m)^permissions:", text);
            foreach (Match use in Regex.Matches(text, @"(?m)^\s*-?\s*uses:\s*(?<action>\S+)(?<comment>.*)$"))
            {
                Assert.Matches(@"^[\w.-]+/[\w.-]+@[0-9a-f]{40}$", use.Groups["action"].Value);
                Assert.Matches(@"#\s*v\d+", use.Groups["comment"].Value);
            }
        }
    }

    [Fact]
    public void DeployRunsOnlyAfterCiPassedOnTheSameCommit()
    {
        string deploy = File.ReadAllText(Path.Combine(Bicep.RepositoryRoot, ".github", "workflows", "deploy.yml"));
        string ci = File.ReadAllText(Path.Combine(Bicep.RepositoryRoot, ".github", "workflows", "ci.yml"));
        string on = Regex.Match(deploy, @"(?ms)^on:\s*\n(?<triggers>.*?)^\S").Groups["triggers"].Value;

        Assert.DoesNotMatch(@"(?m)^\s+push:", on);
        Assert.Matches(@"(?m)^\s+workflow_run:\s*\n\s+workflows:\s*\[CI\]\s*\n\s+types:\s*\[completed\]\s*\n\s+branches:\s*\[main\]", on);
        Assert.Matches(@"(?m)^name:\s*CI\s*$", ci);
        Assert.Matches(@"(?m)^\s+if:.*github\.event\.workflow_run\.conclusion == 'success'", deploy);
        Assert.Matches(@"(?m)^\s+ref:\s*\$\{\{\s*github\.event\.workflow_run\.head_sha", deploy);
        Assert.Matches(@"(?m)^\s+environment:\s*production\s*$", deploy);
    }

    [Theory]
    [InlineData("FORM_SIGNING_KEY_ID", "k1")]
    [InlineData("FORM_PREVIOUS_SIGNING_KEYS", "[]")]
    [InlineData("VNET_ENABLED", "false")]
    public void DeployPassesEachSettingWithItsDefaultWhenTheRepositoryVariableIsUnset(string variable, string fallback)
    {
        // GitHub gives an unset variable as "", which azd would pass as the value instead of the parameter's default.
        string deploy = File.ReadAllText(Path.Combine(Bicep.RepositoryRoot, ".github", "workflows", "deploy.yml"));

        Assert.Matches($@"(?m)^\s+{variable}:\s*\$\{{\{{\s*vars\.{variable}\s*\|\|\s*'{Regex.Escape(fallback)}'\s*\}}\}}\s*$", deploy);
    }

    [Fact]
    public void DeployTakesTheInboundSecretFromRepositorySecretsAndTheReplyDomainFromVariables()
    {
        // Variables show in logs and to anyone who can read the repository settings; the secret must come from secrets.
        string deploy = File.ReadAllText(Path.Combine(Bicep.RepositoryRoot, ".github", "workflows", "deploy.yml"));

        Assert.Matches(@"(?m)^\s+INBOUND_REPLY_DOMAIN:\s*\$\{\{\s*vars\.INBOUND_REPLY_DOMAIN\s*\}\}\s*$", deploy);
        Assert.Matches(@"(?m)^\s+INBOUND_SECRET:\s*\$\{\{\s*secrets\.INBOUND_SECRET\s*\}\}\s*$", deploy);
        Assert.DoesNotMatch(@"vars\.INBOUND_SECRET", deploy);
    }

    [Fact]
    public void NoSecretValueIsCommittedWithTheInfrastructure()
    {
        var files = Directory.EnumerateFiles(InfraPath(), "*", SearchOption.AllDirectories)
            .Append(Path.Combine(Bicep.RepositoryRoot, "azure.yaml"))
            .Concat(Directory.EnumerateFiles(Path.Combine(Bicep.RepositoryRoot, ".github", "workflows")));
        var secretShapes = new Regex(
            @"SG\.[\w-]{16,}\.[\w-]{16,}|AccountKey=|SharedAccessSignature=|sig=[\w%]{20,}|-----BEGIN [A-Z ]*PRIVATE KEY-----",
            RegexOptions.CultureInvariant);

        foreach (string file in files)
        {
            Assert.DoesNotMatch(secretShapes, File.ReadAllText(file));
        }
    }

    static void AssertNoErrorsOrWarnings(BicepRun run)
    {
        var problems = run.Diagnostics.Where(d => d.Level is "Error" or "Warning").ToList();
        Assert.True(problems.Count == 0, "Bicep reported:\n" + string.Join("\n", problems));
    }

    static string Scope(JsonObject template) =>
        ((string)template["$schema"]!).Contains("subscriptionDeploymentTemplate", StringComparison.Ordinal) ? "subscription" : "other";

    static string InfraPath(params string[] parts) =>
        Path.Combine([Bicep.RepositoryRoot, "infra", .. parts]);
}
