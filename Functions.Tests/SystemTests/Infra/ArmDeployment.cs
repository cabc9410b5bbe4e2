using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NetworkFunctions.Tests.SystemTests.Infra;

/// <summary>
/// A compiled ARM template (or a nested deployment inside one) evaluated as far as it can be without
/// Azure: parameters, variables (loops included), conditions, copy loops, format/union/createObject/if,
/// split/join/replace/shallowMerge and module outputs are worked out, environment() is the public cloud,
/// and fail() throws; what only Azure knows (reference() of a resource, guid(), uniqueString(), resourceId(),
/// subscription(), ...) stays as text between « and », with the known arguments filled in.
/// </summary>
public sealed class ArmDeployment
{
    const string DeploymentsType = "Microsoft.Resources/deployments";

    readonly JsonObject template;
    readonly ArmDeployment? parent;
    readonly JsonObject? parentArguments;
    readonly IReadOnlyDictionary<string, JsonNode?> rootArguments;
    readonly Dictionary<string, JsonNode?> parameterCache = new(StringComparer.OrdinalIgnoreCase);
    readonly Dictionary<string, JsonNode?> variableCache = new(StringComparer.OrdinalIgnoreCase);
    List<ArmResource>? resources;

    ArmDeployment(string name, JsonObject template, ArmDeployment? parent, JsonObject? parentArguments, IReadOnlyDictionary<string, JsonNode?> rootArguments)
    {
        Name = name;
        this.template = template;
        this.parent = parent;
        this.parentArguments = parentArguments;
        this.rootArguments = rootArguments;
    }

    /// <summary>The top-level template deployed with the given parameter values (others take their defaults).</summary>
    public static ArmDeployment Root(JsonObject template, IReadOnlyDictionary<string, JsonNode?> parameters) =>
        new("main", template, null, null, parameters);

    /// <summary>"main", or the chain of nested deployment names ("main/functionapp").</summary>
    public string Name { get; }

    public JsonObject Template => template;

    /// <summary>The resources this template deploys with these parameters (conditions that are false are left out).</summary>
    public IReadOnlyList<ArmResource> Resources => resources ??= ExpandResources();

    /// <summary>Nested deployments (modules) that are deployed, by their deployment name.</summary>
    public IEnumerable<ArmDeployment> Children => Resources.Where(r => r.Child is not null).Select(r => r.Child!);

    /// <summary>This deployment's resources and those of every nested deployment that is deployed.</summary>
    public IEnumerable<ArmResource> AllResources() =>
        Resources.Concat(Children.SelectMany(child => child.AllResources()));

    /// <summary>This deployment and every nested deployment that is deployed.</summary>
    public IEnumerable<ArmDeployment> AllDeployments() =>
        new[] { this }.Concat(Children.SelectMany(child => child.AllDeployments()));

    public JsonObject Parameters => template["parameters"] as JsonObject ?? [];

    public JsonObject Outputs => template["outputs"] as JsonObject ?? [];

    public JsonNode? Output(string name)
    {
        JsonNode output = Outputs[name] ?? throw new KeyNotFoundException($"{Name} has no output '{name}'.");
        return Evaluate(output["value"], new Context(this, null));
    }

    public JsonNode? Parameter(string name)
    {
        if (parameterCache.TryGetValue(name, out JsonNode? cached))
        {
            return cached?.DeepClone();
        }

        JsonNode? value;
        if (parent is null && rootArguments.TryGetValue(name, out JsonNode? given))
        {
            value = given?.DeepClone();
        }
        else if (parentArguments?[name] is { } argument && parent!.Evaluate(argument, new Context(parent, null)) is JsonObject passed && passed.ContainsKey("value"))
        {
            // Usually {"value": ...}; Bicep writes the whole object as one expression when the value is conditional.
            value = passed["value"]?.DeepClone();
        }
        else if (Parameters[name] is JsonObject declaration && declaration.ContainsKey("defaultValue"))
        {
            value = Evaluate(declaration["defaultValue"], new Context(this, null));
        }
        else
        {
            throw new InvalidOperationException($"{Name}: no value for parameter '{name}'.");
        }

        parameterCache[name] = value;
        return value?.DeepClone();
    }

    public JsonNode? Variable(string name)
    {
        if (!variableCache.TryGetValue(name, out JsonNode? value))
        {
            JsonObject? variables = template["variables"] as JsonObject;
            if (variables?[name] is { } declaration)
            {
                value = Evaluate(declaration, new Context(this, null));
            }
            else if ((variables?["copy"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(c => (string?)c["name"] == name) is { } loop)
            {
                // A variable loop ([for ...] in a var): "input" once per index, copyIndex('name') being that index.
                int count = Evaluate(loop["count"], new Context(this, null))!.GetValue<int>();
                value = new JsonArray(Enumerable.Range(0, count).Select(i => Evaluate(loop["input"], new Context(this, i))).ToArray());
            }
            else
            {
                throw new KeyNotFoundException($"{Name} has no variable '{name}'.");
            }

            variableCache[name] = value;
        }

        return value?.DeepClone();
    }

    /// <summary>The outputs of the deployed module with this symbolic name, as reference('name') returns them; null if none.</summary>
    JsonObject? ModuleReference(string symbolicName)
    {
        if (template["resources"] is not JsonObject symbolic || symbolic[symbolicName] is not JsonObject raw || (string?)raw["type"] != DeploymentsType)
        {
            return null;
        }

        string deploymentName = Text(Evaluate(raw["name"], new Context(this, null)));
        if (Children.FirstOrDefault(c => c.Name == $"{Name}/{deploymentName}") is not { } child)
        {
            return null;
        }

        var outputs = new JsonObject();
        foreach ((string output, JsonNode? _) in child.Outputs)
        {
            outputs[output] = new JsonObject { ["value"] = child.Output(output) };
        }

        return new JsonObject { ["outputs"] = outputs };
    }

    List<ArmResource> ExpandResources()
    {
        var expanded = new List<ArmResource>();
        IEnumerable<JsonObject> declared = template["resources"] switch
        {
            JsonArray array => array.OfType<JsonObject>(),
            JsonObject symbolic => symbolic.Select(pair => pair.Value).OfType<JsonObject>(),
            _ => [],
        };

        foreach (JsonObject raw in declared)
        {
            if (raw["existing"]?.GetValue<bool>() == true)
            {
                continue;
            }

            int count = 1;
            bool loop = raw["copy"] is JsonObject;
            if (raw["copy"] is JsonObject copy)
            {
                count = Evaluate(copy["count"], new Context(this, null))!.GetValue<int>();
            }

            for (int i = 0; i < count; i++)
            {
                var context = new Context(this, loop ? i : null);
                if (raw.ContainsKey("condition") && !IsTrue(Evaluate(raw["condition"], context)))
                {
                    continue;
                }

                var definition = new JsonObject();
                foreach ((string key, JsonNode? node) in raw)
                {
                    if (key is "copy" or "condition")
                    {
                        continue;
                    }

                    definition[key] = key == "properties" && (string?)raw["type"] == DeploymentsType
                        ? WithoutTemplate(node!.AsObject(), context)
                        : Evaluate(node, context);
                }

                string type = (string)raw["type"]!;
                string name = Text(definition["name"]);
                ArmDeployment? child = null;
                if (type == DeploymentsType && raw["properties"]?["template"] is JsonObject nested)
                {
                    child = new ArmDeployment($"{Name}/{name}", nested, this, raw["properties"]?["parameters"] as JsonObject, rootArguments);
                }

                expanded.Add(new ArmResource(this, type, name, definition, raw, child));
            }
        }

        return expanded;
    }

    JsonObject WithoutTemplate(JsonObject properties, Context context)
    {
        var result = new JsonObject();
        foreach ((string key, JsonNode? node) in properties)
        {
            if (key is not ("template" or "parameters"))
            {
                result[key] = Evaluate(node, context);
            }
        }

        return result;
    }

    static bool IsTrue(JsonNode? node) => node is JsonValue value && value.TryGetValue(out bool b)
        ? b
        : throw new InvalidOperationException($"Condition did not evaluate to a boolean: {node?.ToJsonString()}");

    /// <summary>Evaluates a piece of template JSON: expression strings are worked out, the rest is copied.</summary>
    JsonNode? Evaluate(JsonNode? node, Context context)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonObject obj:
                var result = new JsonObject();
                foreach ((string key, JsonNode? value) in obj)
                {
                    string evaluatedKey = ArmExpression.IsExpression(key) ? Text(Eval(ArmExpression.Parse(key[1..^1]), context)) : key;
                    result[evaluatedKey] = Evaluate(value, context);
                }

                return result;
            case JsonArray array:
                return new JsonArray(array.Select(item => Evaluate(item, context)).ToArray());
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                string text = value.GetValue<string>();
                if (ArmExpression.IsExpression(text))
                {
                    return Eval(ArmExpression.Parse(text[1..^1]), context);
                }

                return JsonValue.Create(text.StartsWith("[[", StringComparison.Ordinal) ? text[1..] : text);
            default:
                return node.DeepClone();
        }
    }

    JsonNode? Eval(ArmExpression expression, Context context)
    {
        switch (expression)
        {
            case StringLiteral s:
                return JsonValue.Create(s.Value);
            case NumberLiteral n:
                return JsonValue.Create(n.Value);
            case PropertyAccess { Property: "value", Target: PropertyAccess { Target: PropertyAccess { Property: "outputs", Target: FunctionCall { Name: "reference" } call }, Property: var output } }
                when ModuleName(call) is { } module && context.Scope.Children.FirstOrDefault(c => c.Name.EndsWith("/" + module, StringComparison.Ordinal)) is { } child:
                return child.Output(output);
            case PropertyAccess p:
                JsonNode? target = Eval(p.Target, context);
                if (IsOpaque(target))
                {
                    return Opaque($"{Inner(target)}.{p.Property}");
                }

                return target is JsonObject o
                    ? o.FirstOrDefault(pair => string.Equals(pair.Key, p.Property, StringComparison.OrdinalIgnoreCase)).Value?.DeepClone()
                    : Opaque($"{Render(target)}.{p.Property}");
            case IndexAccess i:
                JsonNode? indexed = Eval(i.Target, context);
                JsonNode? index = Eval(i.Index, context);
                return (indexed, index) switch
                {
                    (JsonArray a, JsonValue v) when v.TryGetValue(out int k) => a[k]?.DeepClone(),
                    (JsonArray a, JsonValue v) when v.TryGetValue(out long k) => a[(int)k]?.DeepClone(),
                    (JsonObject map, JsonValue v) when v.TryGetValue(out string? k) && !IsOpaque(v) => map[k]?.DeepClone(),
                    _ => Opaque($"{Inner(indexed)}[{Render(index)}]"),
                };
            case FunctionCall f:
                return Call(f, context);
            default:
                throw new NotSupportedException(expression.GetType().Name);
        }
    }

    /// <summary>The deployment name in reference(resourceId(..., 'Microsoft.Resources/deployments', 'name'), ...).</summary>
    static string? ModuleName(FunctionCall reference)
    {
        if (reference.Arguments.Count == 0 || reference.Arguments[0] is not FunctionCall id)
        {
            return null;
        }

        for (int i = 0; i < id.Arguments.Count - 1; i++)
        {
            if (id.Arguments[i] is StringLiteral { Value: DeploymentsType } && id.Arguments[i + 1] is StringLiteral name)
            {
                return name.Value;
            }
        }

        return null;
    }

    JsonNode? Call(FunctionCall f, Context context)
    {
        string name = f.Name.ToLowerInvariant();
        if (name == "if")
        {
            JsonNode? condition = Eval(f.Arguments[0], context);
            return IsOpaque(condition)
                ? Opaque($"if({Inner(condition)}, ...)")
                : Eval(f.Arguments[IsTrue(condition) ? 1 : 2], context);
        }

        List<JsonNode?> args = f.Arguments.Select(a => Eval(a, context)).ToList();
        switch (name)
        {
            case "parameters":
                return context.Scope.Parameter(Text(args[0]));
            case "variables":
                return context.Scope.Variable(Text(args[0]));
            case "copyindex":
                int offset = args.Count > 0 && args[^1] is JsonValue v && v.TryGetValue(out int add) ? add : 0;
                return JsonValue.Create((context.CopyIndex ?? throw new InvalidOperationException("copyIndex() outside a loop")) + offset);
            case "true":
                return JsonValue.Create(true);
            case "false":
                return JsonValue.Create(false);
            case "null":
                return null;
            case "createobject":
                var created = new JsonObject();
                for (int i = 0; i + 1 < args.Count; i += 2)
                {
                    created[Text(args[i])] = args[i + 1];
                }

                return created;
            case "createarray":
                return new JsonArray(args.ToArray());
            case "union" when args.All(a => a is JsonObject):
                var union = new JsonObject();
                foreach (JsonObject part in args.Cast<JsonObject>())
                {
                    foreach ((string key, JsonNode? value) in part)
                    {
                        union[key] = value?.DeepClone();
                    }
                }

                return union;
            case "format" when args[0] is JsonValue && !IsOpaque(args[0]):
                return JsonValue.Create(Format(Text(args[0]), args.Skip(1).ToList()));
            case "concat" when args.All(a => a is JsonValue):
                return JsonValue.Create(string.Concat(args.Select(FormatArgument)));
            case "concat" when args.All(a => a is JsonArray):
                return new JsonArray(args.SelectMany(a => a!.AsArray()).Select(item => item?.DeepClone()).ToArray());
            case "string" when args[0] is JsonValue:
                return JsonValue.Create(FormatArgument(args[0]));
            case "not" when args[0] is JsonValue b && b.TryGetValue(out bool value):
                return JsonValue.Create(!value);
            case "and" when args.All(IsBool):
                return JsonValue.Create(args.All(IsTrue));
            case "or" when args.All(IsBool):
                return JsonValue.Create(args.Any(IsTrue));
            case "empty" when !IsOpaque(args[0]) && !IsPartlyUnknown(args[0]):
                return JsonValue.Create(args[0] switch
                {
                    null => true,
                    JsonObject obj => obj.Count == 0,
                    JsonArray array => array.Count == 0,
                    JsonValue s when s.TryGetValue(out string? str) => str.Length == 0,
                    _ => false,
                });
            case "empty" when IsPartlyUnknown(args[0]) && !IsOpaque(args[0]):
                return JsonValue.Create(false); // a string with a known part is not empty
            case "equals" when args.All(a => !IsOpaque(a) && !IsPartlyUnknown(a)):
                return JsonValue.Create(JsonNode.DeepEquals(args[0], args[1]));
            case "less" or "lessorequals" or "greater" or "greaterorequals" when Number(args[0]) is { } left && Number(args[1]) is { } right:
                return JsonValue.Create(name switch
                {
                    "less" => left < right,
                    "lessorequals" => left <= right,
                    "greater" => left > right,
                    _ => left >= right,
                });
            case "length" when args[0] is JsonArray array:
                return JsonValue.Create(array.Count);
            case "length" when args[0] is JsonObject obj:
                return JsonValue.Create(obj.Count);
            case "length" when args[0] is JsonValue s && s.TryGetValue(out string? str) && !IsPartlyUnknown(s):
                return JsonValue.Create(str.Length);
            case "tolower" when args[0] is JsonValue s && s.TryGetValue(out string? str) && !IsPartlyUnknown(s):
                return JsonValue.Create(str.ToLowerInvariant());
            case "toupper" when args[0] is JsonValue s && s.TryGetValue(out string? str) && !IsPartlyUnknown(s):
                return JsonValue.Create(str.ToUpperInvariant());
            case "take" when args[0] is JsonValue s && s.TryGetValue(out string? str) && !IsPartlyUnknown(s):
                return JsonValue.Create(str[..Math.Min(str.Length, args[1]!.GetValue<int>())]);
            case "coalesce":
                return args.FirstOrDefault(a => a is not null)?.DeepClone();
            case "reference" when args[0] is JsonValue s && s.TryGetValue(out string? symbolicName) && !IsPartlyUnknown(s) && ModuleReference(symbolicName) is { } module:
                return module;
            case "tryget" when IsOpaque(args[0]):
                return Opaque($"tryGet({string.Join(", ", args.Select(Render))})");
            case "tryget":
                JsonNode? found = args[0];
                foreach (JsonNode? key in args.Skip(1))
                {
                    found = (found, key) switch
                    {
                        (JsonObject o, JsonValue k) when k.TryGetValue(out string? p) => o[p],
                        (JsonArray a, JsonValue k) when k.TryGetValue(out int n) && n < a.Count => a[n],
                        _ => null,
                    };
                }

                return found?.DeepClone();
            case "environment":
                // Evaluated as the public cloud, whose suffixes the templates never spell out themselves.
                return new JsonObject
                {
                    ["name"] = "AzureCloud",
                    ["suffixes"] = new JsonObject { ["storage"] = "core.windows.net", ["keyvaultDns"] = ".vault.azure.net" },
                    ["authentication"] = new JsonObject { ["loginEndpoint"] = "https://login.microsoftonline.com/" },
                };
            case "split" when args[0] is JsonValue s && s.TryGetValue(out string? str) && !IsPartlyUnknown(s):
                string[] delimiters = args[1] is JsonArray list ? list.Select(Text).ToArray() : [Text(args[1])];
                return new JsonArray(str.Split(delimiters, StringSplitOptions.None).Select(part => (JsonNode?)JsonValue.Create(part)).ToArray());
            case "join" when args[0] is JsonArray parts && parts.All(p => p is JsonValue && !IsPartlyUnknown(p)):
                return JsonValue.Create(string.Join(Text(args[1]), parts.Select(Text)));
            case "replace" when args.All(a => a is JsonValue v && v.TryGetValue(out string? _) && !IsPartlyUnknown(a)):
                return JsonValue.Create(Text(args[0]).Replace(Text(args[1]), Text(args[2]), StringComparison.Ordinal));
            case "shallowmerge" when args[0] is JsonArray objects && objects.All(o => o is JsonObject):
                var merged = new JsonObject();
                foreach (JsonObject part in objects.Cast<JsonObject>())
                {
                    foreach ((string key, JsonNode? value) in part)
                    {
                        merged[key] = value?.DeepClone();
                    }
                }

                return merged;
            case "json" when args[0] is JsonValue s && s.TryGetValue(out string? text) && !IsPartlyUnknown(s):
                return JsonNode.Parse(text);
            case "fail":
                throw new ArmTemplateFailure(Text(args[0]));
            default:
                return Opaque($"{f.Name}({string.Join(", ", args.Select(Render))})");
        }
    }

    static bool IsBool(JsonNode? node) => node is JsonValue v && v.TryGetValue(out bool _);

    static long? Number(JsonNode? node) =>
        node is not JsonValue v ? null : v.TryGetValue(out int i) ? i : v.TryGetValue(out long l) ? l : null;

    static string Format(string format, IReadOnlyList<JsonNode?> args)
    {
        var result = new StringBuilder();
        for (int i = 0; i < format.Length; i++)
        {
            char c = format[i];
            if (c == '{' && i + 1 < format.Length && format[i + 1] == '{')
            {
                result.Append('{');
                i++;
            }
            else if (c == '}' && i + 1 < format.Length && format[i + 1] == '}')
            {
                result.Append('}');
                i++;
            }
            else if (c == '{')
            {
                int end = format.IndexOf('}', i);
                int index = int.Parse(format[(i + 1)..end].Split(':')[0], CultureInfo.InvariantCulture);
                result.Append(FormatArgument(args[index]));
                i = end;
            }
            else
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }

    static string FormatArgument(JsonNode? node) => node switch
    {
        null => "",
        JsonValue v when v.TryGetValue(out string? s) => s,
        JsonValue v when v.TryGetValue(out bool b) => b ? "True" : "False",
        JsonValue v => v.ToJsonString(),
        _ => node.ToJsonString(),
    };

    /// <summary>A value only Azure can know, shown as the expression that computes it.</summary>
    public static JsonNode Opaque(string text) => JsonValue.Create($"«{text}»");

    public static bool IsOpaque(JsonNode? node)
    {
        if (node is not JsonValue v || !v.TryGetValue(out string? s) || s.Length < 2 || s[0] != '«' || s[^1] != '»')
        {
            return false;
        }

        // «a»-«b» is a string made of two unknowns, not one unknown: the first « must close at the end.
        int depth = 0;
        for (int i = 0; i < s.Length; i++)
        {
            depth += s[i] switch { '«' => 1, '»' => -1, _ => 0 };
            if (depth == 0)
            {
                return i == s.Length - 1;
            }
        }

        return false;
    }

    /// <summary>A string that mixes known text with values only Azure knows ("st«uniqueString(...)»").</summary>
    public static bool IsPartlyUnknown(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue(out string? s) && s.Contains('«', StringComparison.Ordinal);

    static string Inner(JsonNode? node) => IsOpaque(node) ? ((string)node!)[1..^1] : Render(node);

    static string Render(JsonNode? node) => node switch
    {
        null => "null",
        _ when IsOpaque(node) => Inner(node),
        JsonValue v when v.TryGetValue(out string? s) => "'" + s + "'",
        _ => node.ToJsonString(),
    };

    /// <summary>A node's text: the string itself, or the JSON of anything else.</summary>
    public static string Text(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue(out string? s) ? s : node?.ToJsonString() ?? "";

    readonly record struct Context(ArmDeployment Scope, int? CopyIndex);
}

/// <summary>One deployed resource (one instance of a copy loop), evaluated.</summary>
public sealed record ArmResource(ArmDeployment Deployment, string Type, string Name, JsonObject Definition, JsonObject Raw, ArmDeployment? Child)
{
    public JsonObject Properties => Definition["properties"] as JsonObject ?? [];

    /// <summary>The last segment of the name ("appsettings" for "func-x/appsettings"), ignoring slashes inside «unknowns».</summary>
    public string ShortName
    {
        get
        {
            int depth = 0, start = 0;
            for (int i = 0; i < Name.Length; i++)
            {
                depth += Name[i] switch { '«' => 1, '»' => -1, _ => 0 };
                if (depth == 0 && Name[i] == '/')
                {
                    start = i + 1;
                }
            }

            return Name[start..];
        }
    }

    public override string ToString() => $"{Type} {Name} (in {Deployment.Name})";
}

/// <summary>The template's own fail('...'): the deployment would stop with this message.</summary>
public sealed class ArmTemplateFailure(string message) : Exception(message);
