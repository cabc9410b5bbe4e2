using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using NetworkFunctions.Local;
using NetworkFunctions.Local.Functions;
using NetworkFunctions.Tests.Support;

namespace NetworkFunctions.Tests.Unit.Local.Functions;

/// <summary>
/// The Functions SDK writes functions.metadata at build time: the list the Azure Functions host loads. Every function
/// in it must be hosted by Functions.Local, with the same trigger, route, methods and authorization level.
/// </summary>
public sealed class FunctionParityTests
{
    static readonly Dictionary<string, TriggerKind> TriggerTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["httpTrigger"] = TriggerKind.Http,
        ["timerTrigger"] = TriggerKind.Timer,
        ["orchestrationTrigger"] = TriggerKind.Orchestration,
        ["activityTrigger"] = TriggerKind.Activity,
    };

    [Fact]
    public void Every_function_in_the_Functions_metadata_is_hosted_with_the_same_trigger()
    {
        string path = Path.Combine(RepositoryPaths.FunctionsOutput, "functions.metadata");
        Assert.True(File.Exists(path), $"{path} is missing: build the Functions project.");
        using JsonDocument metadata = JsonDocument.Parse(File.ReadAllText(path));
        FunctionCatalog catalog = FunctionCatalog.Discover([LocalFunctionsHost.FunctionsAssembly]);

        var expected = new List<string>();
        foreach (JsonElement function in metadata.RootElement.EnumerateArray())
        {
            string name = function.GetProperty("name").GetString()!;
            expected.Add(name);
            JsonElement trigger = function.GetProperty("bindings").EnumerateArray()
                .Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase));
            string type = trigger.GetProperty("type").GetString()!;
            Assert.True(TriggerTypes.TryGetValue(type, out TriggerKind kind), $"{name}: Functions.Local has no support for {type}.");

            FunctionDescriptor hosted = Assert.Single(catalog.Functions, f => f.Name == name);
            Assert.Equal(kind, hosted.Trigger);
            if (hosted.TriggerAttribute is HttpTriggerAttribute http)
            {
                Assert.Equal(trigger.GetProperty("authLevel").GetString(), http.AuthLevel.ToString());
                Assert.Equal(trigger.TryGetProperty("route", out JsonElement route) ? route.GetString() : null, http.Route);
                Assert.Equal(
                    trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToLowerInvariant()).Order(),
                    (http.Methods ?? []).Select(m => m.ToLowerInvariant()).Order());
            }
        }

        Assert.Equal(expected.Order(), catalog.Functions.Select(f => f.Name).Order());
        Assert.Contains("Health", expected);
    }
}
