using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using NetArchTest.Rules;
using NetworkFunctions.Cycle;
using NetworkFunctions.Durable;
using NetworkFunctions.Hosting;

namespace NetworkFunctions.Tests.Unit.Architecture;

/// <summary>
/// The layers of docs/architecture.md, read from the Functions assembly's type references (not from <c>using</c>
/// lines): each folder may depend only on the folders its layer allows, and no two folders depend on each other
/// through any path.
/// </summary>
public sealed class ArchitectureTests
{
    const string Root = "NetworkFunctions.";

    static readonly Assembly App = typeof(ServiceCollectionExtensions).Assembly;

    static readonly string[] Model = ["Networks", "Validation"];

    /// <summary>Services over the model: each may use the model and the services listed for it.</summary>
    static readonly Dictionary<string, string[]> Services = new()
    {
        ["Durable"] = ["Networks"],
        ["Storage"] = ["Networks"],
        ["Rendering"] = ["Networks"],
        ["Calendar"] = ["Networks"],
        ["Http"] = ["Validation"],
        ["Telemetry"] = [],
        ["Email"] = ["Networks", "Validation", "Storage", "Rendering", "Calendar", "Telemetry"],
    };

    /// <summary>Features of the cycle: the model, every service, and other features as long as no cycle forms.</summary>
    static readonly string[] Features = ["Kickoff", "Changes", "Forms", "Agenda", "Minutes", "Surveys", "Reports", "Exports", "NextYear", "Overview", "Housekeeping", "Health", "MailEvents", "Inbound", "Office"];

    /// <summary>Every folder and what it may depend on.</summary>
    static readonly Dictionary<string, string[]> Allowed = BuildRules();

    static Dictionary<string, string[]> BuildRules()
    {
        string[] services = [.. Services.Keys];
        var rules = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (string model in Model)
        {
            rules[model] = [];
        }

        foreach ((string service, string[] uses) in Services)
        {
            rules[service] = uses;
        }

        foreach (string feature in Features)
        {
            rules[feature] = [.. Model, .. services, .. Features.Where(f => f != feature)];
        }

        rules["Cycle"] = [.. Model, .. services, .. Features];
        rules["Hosting"] = [.. rules.Keys.Where(k => k != "Hosting")];
        return rules;
    }

    public static TheoryData<string> Folders() => [.. Allowed.Keys];

    [Fact]
    public void Every_folder_of_the_app_has_a_place_in_the_layers()
    {
        IEnumerable<string> unplaced = FoldersInAssembly().Where(f => !Allowed.ContainsKey(f));

        Assert.Empty(unplaced);
    }

    [Theory]
    [MemberData(nameof(Folders))]
    public void A_folder_depends_only_on_what_its_layer_allows(string folder)
    {
        string[] forbidden = [.. Allowed.Keys.Where(f => f != folder && !Allowed[folder].Contains(f)).Select(f => Root + f)];

        TestResult result = Types.InAssembly(App).That().ResideInNamespace(Root + folder).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();

        Assert.True(result.IsSuccessful,
            $"{folder} may use only [{string.Join(", ", Allowed[folder])}], but these types use another folder: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void No_two_folders_depend_on_each_other_through_any_path()
    {
        Dictionary<string, List<string>> graph = Allowed.Keys.ToDictionary(f => f, f => Allowed.Keys.Where(g => g != f && DependsOn(f, g)).ToList());

        IReadOnlyList<string>? cycle = FindCycle(graph);

        Assert.True(cycle is null, $"Folders in a cycle: {string.Join(" → ", cycle ?? [])}");
    }

    [Fact]
    public void Orchestrators_and_activities_live_in_the_cycle_and_http_triggers_outside_it()
    {
        MethodInfo[] functions = [.. App.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null)];
        bool Has<T>(MethodInfo m) where T : Attribute => m.GetParameters().Any(p => p.GetCustomAttribute<T>() is not null);

        IEnumerable<string> durableOutside = functions
            .Where(m => Has<OrchestrationTriggerAttribute>(m) || Has<ActivityTriggerAttribute>(m))
            .Where(m => m.DeclaringType!.Namespace != Root + "Cycle")
            .Select(m => $"{m.DeclaringType!.FullName}.{m.Name}");
        IEnumerable<string> httpInside = functions
            .Where(m => Has<HttpTriggerAttribute>(m) && m.DeclaringType!.Namespace == Root + "Cycle")
            .Select(m => $"{m.DeclaringType!.FullName}.{m.Name}");

        Assert.Empty(durableOutside);
        Assert.Empty(httpInside);
    }

    [Fact]
    public void The_orchestration_names_the_triggers_start_are_the_orchestrators_function_names()
    {
        Assert.Equal(nameof(NetworkOrchestrator), Orchestrations.NetworkYear);
        Assert.Equal(nameof(MeetingOrchestrator), Orchestrations.Meeting);
        Assert.Equal(nameof(MemberJoinedOrchestrator), Orchestrations.MemberJoined);
    }

    static bool DependsOn(string folder, string other) =>
        !Types.InAssembly(App).That().ResideInNamespace(Root + folder).ShouldNot().HaveDependencyOn(Root + other).GetResult().IsSuccessful;

    static IEnumerable<string> FoldersInAssembly() =>
        App.GetTypes()
            .Select(t => t.Namespace)
            .OfType<string>()
            .Where(n => n.StartsWith(Root, StringComparison.Ordinal))
            .Select(n => n[Root.Length..].Split('.')[0])
            .Distinct(StringComparer.Ordinal);

    /// <summary>A path that returns to its start, or null: depth-first search with the path on a stack.</summary>
    static IReadOnlyList<string>? FindCycle(Dictionary<string, List<string>> graph)
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        var path = new List<string>();

        IReadOnlyList<string>? Visit(string node)
        {
            int onPath = path.IndexOf(node);
            if (onPath >= 0)
            {
                return [.. path.Skip(onPath), node];
            }

            if (!done.Add(node))
            {
                return null;
            }

            path.Add(node);
            foreach (string next in graph[node])
            {
                if (Visit(next) is { } cycle)
                {
                    return cycle;
                }
            }

            path.RemoveAt(path.Count - 1);
            return null;
        }

        return graph.Keys.Select(Visit).FirstOrDefault(c => c is not null);
    }
}
