using System.Text.Json.Nodes;

namespace NetworkFunctions.Tests.SystemTests.Infra;

/// <summary>
/// previousFormSigningKeys: each previous key reaches the app as Forms__PreviousSigningKeys__{id}__Key, a Key
/// Vault reference to the secret FormSigningKey-{id}, and Forms__PreviousSigningKeys__{id}__ValidUntil.
/// </summary>
public class PreviousSigningKeyTests
{
    const string Prefix = "Forms__PreviousSigningKeys__";

    [Fact]
    public void EachPreviousKeyIsAKeyVaultReferenceAndItsValidUntil()
    {
        ArmDeployment deployment = Bicep.Deploy(new Dictionary<string, JsonNode?>
        {
            ["formSigningKeyId"] = "k3",
            ["previousFormSigningKeys"] = JsonNode.Parse("""[{"id":"k1","validUntil":"2027-01-31T00:00:00Z"},{"id":"k2","validUntil":"2027-06-30T12:00:00+02:00"}]"""),
        });
        JsonObject settings = AppSettings(deployment);
        string vaultUri = ArmDeployment.Text(deployment.AllDeployments().Single(d => d.Resources.Any(r => r.Type == "Microsoft.KeyVault/vaults")).Output("vaultUri"));

        Assert.Equal($"@Microsoft.KeyVault(SecretUri={vaultUri}secrets/FormSigningKey-k1/)", (string?)settings[$"{Prefix}k1__Key"]);
        Assert.Equal($"@Microsoft.KeyVault(SecretUri={vaultUri}secrets/FormSigningKey-k2/)", (string?)settings[$"{Prefix}k2__Key"]);
        Assert.Equal("2027-01-31T00:00:00Z", (string?)settings[$"{Prefix}k1__ValidUntil"]);
        Assert.Equal("2027-06-30T12:00:00+02:00", (string?)settings[$"{Prefix}k2__ValidUntil"]);
        Assert.Equal(4, settings.Count(s => s.Key.StartsWith(Prefix, StringComparison.Ordinal)));
        Assert.Equal($"@Microsoft.KeyVault(SecretUri={vaultUri}secrets/FormSigningKey/)", (string?)settings["Forms__SigningKey"]);
        Assert.Equal("k3", (string?)settings["Forms__SigningKeyId"]);
    }

    [Fact]
    public void WithoutPreviousKeysThereIsNoPreviousKeySetting()
    {
        JsonNode? declaration = Bicep.Template["parameters"]!["previousFormSigningKeys"];

        Assert.Equal("[]", declaration?["defaultValue"]?.ToJsonString());
        Assert.DoesNotContain(AppSettings(Bicep.Deploy()), s => s.Key.StartsWith(Prefix, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("k_1")]
    [InlineData("k-1")]
    [InlineData("k 1")]
    public void AKeyIdThatKeyVaultAndAppSettingsCannotBothCarryStopsTheDeployment(string id)
    {
        var keys = new JsonArray(new JsonObject { ["id"] = id, ["validUntil"] = "2027-01-31T00:00:00Z" });

        ArmTemplateFailure failure = Assert.Throws<ArmTemplateFailure>(() => AppSettings(Bicep.Deploy(new Dictionary<string, JsonNode?> { ["previousFormSigningKeys"] = keys })));
        Assert.Contains($"'{id}'", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheKeyTypeBoundsTheIdToSixteenCharactersAndCarriesNoSecret()
    {
        JsonObject type = Bicep.Template["definitions"]!["previousSigningKey"]!.AsObject();
        JsonObject id = type["properties"]!["id"]!.AsObject();

        Assert.Equal(1, (int?)id["minLength"]);
        Assert.Equal(16, (int?)id["maxLength"]);
        Assert.Equal(["id", "validUntil"], type["properties"]!.AsObject().Select(p => p.Key).Order());
        Assert.DoesNotContain(Bicep.Template["outputs"]!.AsObject(), o => o.Value!.ToJsonString().Contains("previousFormSigningKeys", StringComparison.Ordinal));
        Assert.Contains("\"${FORM_PREVIOUS_SIGNING_KEYS=[]}\"", File.ReadAllText(Path.Combine(Bicep.RepositoryRoot, "infra", "main.parameters.json")), StringComparison.Ordinal);
    }

    static JsonObject AppSettings(ArmDeployment root) =>
        root.AllResources().Single(r => r.Type == "Microsoft.Web/sites/config" && r.ShortName == "appsettings").Properties;
}
