using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Azure.Functions.Worker;
using NetworkFunctions.Local;
using NetworkFunctions.Local.Functions;
using NetworkFunctions.Tests.Support;

namespace NetworkFunctions.Tests.Unit.OpenApi;

/// <summary>
/// <c>openapi/networkfunctions.openapi.json</c> against the routes the functions declare: every HTTP-triggered
/// <c>[Function]</c> (found by reflection, as the local host finds them) is documented with its methods and security,
/// and every documented operation exists.
/// </summary>
public sealed partial class OpenApiDocumentTests
{
    const string RoutePrefix = "api";

    static readonly string[] OperationKeys = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    public static string DocumentPath => Path.Combine(RepositoryPaths.Root, "openapi", "networkfunctions.openapi.json");

    /// <summary>One (path, method) of the API with its authorization level.</summary>
    public sealed record Operation(string Path, string Method, AuthorizationLevel Level);

    [Fact]
    public void IsAnOpenApi31Document()
    {
        using JsonDocument document = Load();
        JsonElement root = document.RootElement;

        Assert.StartsWith("3.1.", root.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("info").GetProperty("title").GetString()));
        JsonElement schemes = root.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal(("apiKey", "header", "x-functions-key"), Scheme(schemes, "functionKey"));
        Assert.Equal(("apiKey", "query", "code"), Scheme(schemes, "functionKeyQuery"));
    }

    [Fact]
    public void DocumentsEveryRouteTheFunctionsDeclare()
    {
        IReadOnlyList<Operation> declared = Declared();
        using JsonDocument document = Load();

        IReadOnlyList<string> undocumented = Missing(declared, Documented(document.RootElement));

        Assert.True(undocumented.Count == 0, "Not in the OpenAPI document: " + string.Join(", ", undocumented));
        Assert.Contains(declared, o => o.Path == "/api/networks/{networkId}/dashboard" && o.Method == "get");
    }

    [Fact]
    public void DocumentsNoRouteTheFunctionsDoNotDeclare()
    {
        using JsonDocument document = Load();

        IReadOnlyList<string> extra = Missing(Documented(document.RootElement), Declared());

        Assert.True(extra.Count == 0, "Documented but declared by no function: " + string.Join(", ", extra));
    }

    [Fact]
    public void DocumentsTheSecurityOfEachAuthorizationLevel()
    {
        using JsonDocument document = Load();
        JsonElement root = document.RootElement;
        var problems = new List<string>();
        foreach (Operation operation in Declared())
        {
            if (!TryOperation(root, operation, out JsonElement documented))
            {
                continue; // reported by DocumentsEveryRouteTheFunctionsDeclare
            }

            bool explicitSecurity = documented.TryGetProperty("security", out JsonElement security);
            JsonElement effective = explicitSecurity ? security : root.GetProperty("security");
            string[] schemes = effective.EnumerateArray().SelectMany(r => r.EnumerateObject().Select(p => p.Name)).ToArray();
            string name = $"{operation.Method.ToUpperInvariant()} {operation.Path}";
            if (operation.Level == AuthorizationLevel.Anonymous)
            {
                if (!explicitSecurity || security.GetArrayLength() != 0)
                {
                    problems.Add($"{name} is anonymous: it needs \"security\": []");
                }
            }
            else if (!schemes.Contains("functionKey") || !schemes.Contains("functionKeyQuery"))
            {
                problems.Add($"{name} needs the function key (header functionKey or query functionKeyQuery), has [{string.Join(", ", schemes)}]");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void DeclaresEveryPathParameterAndDocumentsResponses()
    {
        using JsonDocument document = Load();
        JsonElement root = document.RootElement;
        var problems = new List<string>();
        foreach (JsonProperty path in root.GetProperty("paths").EnumerateObject())
        {
            string[] names = PathParameter().Matches(path.Name).Select(m => m.Groups[1].Value).ToArray();
            foreach (JsonProperty operation in path.Value.EnumerateObject().Where(p => OperationKeys.Contains(p.Name)))
            {
                IEnumerable<JsonElement> parameters = Parameters(root, path.Value).Concat(Parameters(root, operation.Value));
                string[] inPath = parameters
                    .Where(p => p.GetProperty("in").GetString() == "path" && p.TryGetProperty("required", out JsonElement r) && r.GetBoolean())
                    .Select(p => p.GetProperty("name").GetString()!)
                    .ToArray();
                if (!names.Order().SequenceEqual(inPath.Order()))
                {
                    problems.Add($"{operation.Name} {path.Name}: path parameters [{string.Join(", ", inPath)}], expected [{string.Join(", ", names)}]");
                }

                if (!operation.Value.TryGetProperty("responses", out JsonElement responses) || !responses.EnumerateObject().Any())
                {
                    problems.Add($"{operation.Name} {path.Name}: no responses");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void FindsARouteAddedOrRemovedOnEitherSide()
    {
        IReadOnlyList<Operation> declared = Declared();
        IReadOnlyList<Operation> documented = [.. declared];
        var added = new Operation("/api/networks/{networkId}/invented", "get", AuthorizationLevel.Function);

        Assert.Equal(["GET /api/networks/{networkId}/invented"], Missing([.. declared, added], documented));
        Assert.Equal(["GET /api/networks/{networkId}/invented"], Missing([.. documented, added], declared));
        Assert.Equal(["GET /api/health"], Missing(declared, documented.Where(o => o.Path != "/api/health").ToList()));
        Assert.Equal(["GET /api/health"], Missing(documented, declared.Where(o => o.Path != "/api/health").ToList()));
    }

    [Theory]
    [InlineData("networks/{networkId}/meetings/{n:int}/agenda", "/api/networks/{networkId}/meetings/{n}/agenda")]
    [InlineData("networks/{networkId:regex(^[a-z]+$)}", "/api/networks/{networkId}")]
    [InlineData("/forms/{token?}", "/api/forms/{token}")]
    [InlineData("{*rest}", "/api/{rest}")]
    [InlineData("health", "/api/health")]
    public void NormalisesRouteTemplates(string route, string expected) =>
        Assert.Equal(expected, Normalise(route));

    /// <summary>Every (path, method) of the HTTP-triggered functions, with the route prefix of host.json.</summary>
    public static IReadOnlyList<Operation> Declared() =>
        FunctionCatalog.Discover([LocalFunctionsHost.FunctionsAssembly])
            .OfKind(TriggerKind.Http)
            .SelectMany(f =>
            {
                var trigger = (HttpTriggerAttribute)f.TriggerAttribute;
                Assert.True(trigger.Methods is { Length: > 0 }, $"{f.Name} declares no methods: document which it takes.");
                return trigger.Methods!.Select(m => new Operation(Normalise(trigger.Route ?? f.Name), m.ToLowerInvariant(), trigger.AuthLevel));
            })
            .ToList();

    /// <summary>Every (path, method) of the document; the level is Anonymous for <c>security: []</c>, else Function.</summary>
    public static IReadOnlyList<Operation> Documented(JsonElement root) =>
        root.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject()
                .Where(p => OperationKeys.Contains(p.Name))
                .Select(p => new Operation(
                    path.Name,
                    p.Name,
                    p.Value.TryGetProperty("security", out JsonElement s) && s.GetArrayLength() == 0 ? AuthorizationLevel.Anonymous : AuthorizationLevel.Function)))
            .ToList();

    /// <summary>The operations of <paramref name="expected"/> that <paramref name="actual"/> lacks, as "GET /api/…".</summary>
    public static IReadOnlyList<string> Missing(IReadOnlyList<Operation> expected, IReadOnlyList<Operation> actual)
    {
        var have = actual.Select(o => (o.Path, o.Method)).ToHashSet();
        return expected.Where(o => !have.Contains((o.Path, o.Method)))
            .Select(o => $"{o.Method.ToUpperInvariant()} {o.Path}")
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>A route template as an OpenAPI path: prefixed with <c>/api/</c>, constraints, defaults, optional and catch-all marks dropped.</summary>
    public static string Normalise(string route) =>
        "/" + RoutePrefix + "/" + RouteParameter().Replace(route.Trim('/'), m => "{" + m.Groups["name"].Value + "}");

    static bool TryOperation(JsonElement root, Operation operation, out JsonElement documented)
    {
        documented = default;
        return root.GetProperty("paths").TryGetProperty(operation.Path, out JsonElement path)
            && path.TryGetProperty(operation.Method, out documented);
    }

    static IEnumerable<JsonElement> Parameters(JsonElement root, JsonElement owner) =>
        owner.TryGetProperty("parameters", out JsonElement parameters)
            ? parameters.EnumerateArray().Select(p => Resolve(root, p))
            : [];

    static JsonElement Resolve(JsonElement root, JsonElement element)
    {
        if (!element.TryGetProperty("$ref", out JsonElement reference))
        {
            return element;
        }

        JsonElement target = root;
        foreach (string part in reference.GetString()!.TrimStart('#', '/').Split('/'))
        {
            target = target.GetProperty(part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal));
        }

        return target;
    }

    static (string?, string?, string?) Scheme(JsonElement schemes, string name)
    {
        JsonElement scheme = schemes.GetProperty(name);
        return (scheme.GetProperty("type").GetString(), scheme.GetProperty("in").GetString(), scheme.GetProperty("name").GetString());
    }

    static JsonDocument Load()
    {
        Assert.True(File.Exists(DocumentPath), $"{DocumentPath} is missing.");
        return JsonDocument.Parse(File.ReadAllText(DocumentPath));
    }

    [GeneratedRegex(@"\{\*{0,2}(?<name>[A-Za-z_][A-Za-z0-9_]*)(?:[:=][^{}]*(?:\{[^{}]*\}[^{}]*)*)?\??\}")]
    private static partial Regex RouteParameter();

    [GeneratedRegex(@"\{([^{}]+)\}")]
    private static partial Regex PathParameter();
}
