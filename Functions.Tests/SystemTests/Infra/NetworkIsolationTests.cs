using System.Text.Json.Nodes;

namespace NetworkFunctions.Tests.SystemTests.Infra;

/// <summary>
/// vnetEnabled: off, the deployment is what it always was; on, the app joins a delegated subnet and reaches
/// storage and Key Vault only through private endpoints whose privatelink zones are linked to the network.
/// </summary>
public class NetworkIsolationTests
{
    static readonly Dictionary<string, string> ZoneOfService = new()
    {
        ["blob"] = "privatelink.blob.core.windows.net",
        ["queue"] = "privatelink.queue.core.windows.net",
        ["table"] = "privatelink.table.core.windows.net",
        ["vault"] = "privatelink.vaultcore.azure.net",
    };

    readonly ArmDeployment isolated = Bicep.Deploy(new Dictionary<string, JsonNode?> { ["vnetEnabled"] = true });

    [Fact]
    public void WithoutVnetNothingOfTheNetworkExistsAndStorageAndKeyVaultStayPublic()
    {
        ArmDeployment plain = Bicep.Deploy();

        Assert.Equal(false, (bool?)Bicep.Template["parameters"]!["vnetEnabled"]!["defaultValue"]);
        Assert.DoesNotContain(plain.AllResources(), r => r.Type.StartsWith("Microsoft.Network/", StringComparison.Ordinal));
        Assert.DoesNotContain(plain.AllDeployments(), d => d.Name.EndsWith("/network", StringComparison.Ordinal));
        Assert.Null(Single(plain, "Microsoft.Web/sites").Properties["virtualNetworkSubnetId"]);
        foreach (string type in new[] { "Microsoft.Storage/storageAccounts", "Microsoft.KeyVault/vaults" })
        {
            ArmResource resource = Single(plain, type);
            Assert.Equal("Enabled", (string?)resource.Properties["publicNetworkAccess"]);
            Assert.Equal("Allow", (string?)resource.Properties["networkAcls"]?["defaultAction"]);
        }
    }

    [Fact]
    public void TheAppJoinsASubnetDelegatedToFlexConsumption()
    {
        ArmResource network = Single(isolated, "Microsoft.Network/virtualNetworks");
        JsonObject appSubnet = Subnet(network, "snet-app");
        string appSubnetId = ArmDeployment.Text(Module(isolated, "Microsoft.Network/virtualNetworks").Output("appSubnetId"));

        Assert.Contains(appSubnet["properties"]!["delegations"]!.AsArray(), d => (string?)d!["properties"]!["serviceName"] == "Microsoft.App/environments");
        Assert.Contains("'snet-app'", appSubnetId, StringComparison.Ordinal);
        Assert.Contains(network.Name, appSubnetId, StringComparison.Ordinal);
        Assert.Equal(appSubnetId, (string?)Single(isolated, "Microsoft.Web/sites").Properties["virtualNetworkSubnetId"]);
    }

    [Fact]
    public void StorageAndKeyVaultEachHaveAPrivateEndpointWithAZoneGroupToTheirPrivatelinkZone()
    {
        ArmResource network = Single(isolated, "Microsoft.Network/virtualNetworks");
        var endpoints = isolated.AllResources().Where(r => r.Type == "Microsoft.Network/privateEndpoints").ToList();
        var zoneGroups = isolated.AllResources().Where(r => r.Type == "Microsoft.Network/privateEndpoints/privateDnsZoneGroups").ToList();
        string storageName = ArmDeployment.Text(Module(isolated, "Microsoft.Storage/storageAccounts").Output("name"));
        string vaultName = ArmDeployment.Text(Module(isolated, "Microsoft.KeyVault/vaults").Output("name"));

        Assert.Equal(ZoneOfService.Keys.Order(), endpoints.Select(Service).Order());
        Assert.NotNull(Subnet(network, "snet-private-endpoints"));
        foreach (ArmResource endpoint in endpoints)
        {
            string service = Service(endpoint);
            string target = (string)endpoint.Properties["privateLinkServiceConnections"]![0]!["properties"]!["privateLinkServiceId"]!;
            Assert.Contains(service == "vault" ? $"'Microsoft.KeyVault/vaults', '{vaultName}'" : $"'Microsoft.Storage/storageAccounts', '{storageName}'", target, StringComparison.Ordinal);
            Assert.Contains("'snet-private-endpoints'", (string?)endpoint.Properties["subnet"]?["id"], StringComparison.Ordinal);

            ArmResource group = Assert.Single(zoneGroups, g => g.Name.StartsWith(endpoint.Name + "/", StringComparison.Ordinal));
            JsonNode config = Assert.Single(group.Properties["privateDnsZoneConfigs"]!.AsArray())!;
            Assert.Contains($"'Microsoft.Network/privateDnsZones', '{ZoneOfService[service]}'", (string?)config["properties"]!["privateDnsZoneId"], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void EveryPrivatelinkZoneIsLinkedToTheNetwork()
    {
        ArmResource network = Single(isolated, "Microsoft.Network/virtualNetworks");
        var zones = isolated.AllResources().Where(r => r.Type == "Microsoft.Network/privateDnsZones").ToList();
        var links = isolated.AllResources().Where(r => r.Type == "Microsoft.Network/privateDnsZones/virtualNetworkLinks").ToList();

        Assert.Equal(ZoneOfService.Values.Order(), zones.Select(z => z.Name).Order());
        foreach (ArmResource zone in zones)
        {
            ArmResource link = Assert.Single(links, l => l.Name.StartsWith(zone.Name + "/", StringComparison.Ordinal));
            Assert.False((bool?)link.Properties["registrationEnabled"] ?? true, "The app registers nothing in the privatelink zones.");
            Assert.Contains($"'Microsoft.Network/virtualNetworks', '{network.Name}'", (string?)link.Properties["virtualNetwork"]?["id"], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void WithVnetStorageAndKeyVaultRefusePublicNetworkAccess()
    {
        foreach (string type in new[] { "Microsoft.Storage/storageAccounts", "Microsoft.KeyVault/vaults" })
        {
            ArmResource resource = Single(isolated, type);
            Assert.Equal("Disabled", (string?)resource.Properties["publicNetworkAccess"]);
            Assert.Equal("Deny", (string?)resource.Properties["networkAcls"]?["defaultAction"]);
        }
    }

    [Fact]
    public void AzdTurnsItOnWithVnetEnabled() =>
        Assert.Contains("\"${VNET_ENABLED=false}\"", File.ReadAllText(Path.Combine(Bicep.RepositoryRoot, "infra", "main.parameters.json")), StringComparison.Ordinal);

    static string Service(ArmResource endpoint) =>
        (string)endpoint.Properties["privateLinkServiceConnections"]![0]!["properties"]!["groupIds"]![0]!;

    static JsonObject Subnet(ArmResource network, string name) =>
        network.Properties["subnets"]!.AsArray().Single(s => (string?)s!["name"] == name)!.AsObject();

    static ArmDeployment Module(ArmDeployment root, string declaresType) =>
        root.AllDeployments().Single(d => d.Resources.Any(r => r.Type == declaresType));

    static ArmResource Single(ArmDeployment root, string type)
    {
        var matches = root.AllResources().Where(r => r.Type == type).ToList();
        Assert.True(matches.Count == 1, $"Expected one {type}, found {matches.Count}.");
        return matches[0];
    }
}
