using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace NetworkFunctions.Local.Functions;

/// <summary>
/// Every <c>[Function]</c> method of the given assemblies, found by reflection, with how each parameter is bound.
/// A function the local host cannot run is an error that names it; nothing is skipped silently.
/// </summary>
public sealed class FunctionCatalog
{
    FunctionCatalog(IReadOnlyList<FunctionDescriptor> functions) => Functions = functions;

    public IReadOnlyList<FunctionDescriptor> Functions { get; }

    public IEnumerable<FunctionDescriptor> OfKind(TriggerKind kind) => Functions.Where(f => f.Trigger == kind);

    public static FunctionCatalog Discover(IEnumerable<Assembly> assemblies)
    {
        var functions = new List<FunctionDescriptor>();
        var errors = new List<string>();
        foreach (MethodInfo method in assemblies.SelectMany(LoadableTypes).SelectMany(t =>
                     t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)))
        {
            if (method.GetCustomAttribute<FunctionAttribute>() is not { } function)
            {
                continue;
            }

            try
            {
                functions.Add(Describe(function.Name, method));
            }
            catch (FunctionHostingException e)
            {
                errors.Add(e.Message);
            }
        }

        foreach (IGrouping<string, FunctionDescriptor> duplicate in functions.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            errors.Add($"Function name '{duplicate.Key}' is declared more than once: {string.Join(", ", duplicate)}.");
        }

        if (errors.Count > 0)
        {
            throw new FunctionHostingException("Functions.Local cannot host these functions:" + Environment.NewLine + "  " + string.Join(Environment.NewLine + "  ", errors));
        }

        return new FunctionCatalog(functions.OrderBy(f => f.Name, StringComparer.Ordinal).ToList());
    }

    static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            return e.Types.OfType<Type>();
        }
    }

    static FunctionDescriptor Describe(string name, MethodInfo method)
    {
        ParameterInfo[] parameters = method.GetParameters();
        (ParameterInfo parameter, Attribute attribute)[] triggers = parameters
            .SelectMany(p => p.GetCustomAttributes().Where(IsTrigger).Select(a => (p, a)))
            .ToArray();
        if (triggers.Length != 1)
        {
            throw new FunctionHostingException($"{name} ({method.DeclaringType?.FullName}.{method.Name}): expected exactly one trigger parameter, found {triggers.Length}.");
        }

        (ParameterInfo triggerParameter, Attribute trigger) = triggers[0];
        TriggerKind kind = trigger switch
        {
            HttpTriggerAttribute => TriggerKind.Http,
            TimerTriggerAttribute => TriggerKind.Timer,
            OrchestrationTriggerAttribute => TriggerKind.Orchestration,
            ActivityTriggerAttribute => TriggerKind.Activity,
            _ => throw new FunctionHostingException($"{name}: the trigger {trigger.GetType().Name} is not supported by Functions.Local (supported: HttpTrigger, TimerTrigger, OrchestrationTrigger, ActivityTrigger)."),
        };

        HashSet<string> routeParameters = kind == TriggerKind.Http
            ? RouteParameterNames(((HttpTriggerAttribute)trigger).Route)
            : [];
        var bindings = new List<ParameterBinding>();
        foreach (ParameterInfo parameter in parameters)
        {
            ParameterSource? source = parameter == triggerParameter
                ? TriggerSource(kind, parameter)
                : OtherSource(kind, parameter, routeParameters, bindings);
            if (source is null)
            {
                throw new FunctionHostingException(
                    $"{name} ({method.DeclaringType?.FullName}.{method.Name}): cannot bind parameter '{parameter.Name}' of type {parameter.ParameterType.Name} for a {kind} trigger.");
            }

            bindings.Add(new ParameterBinding(parameter, source.Value));
        }

        var descriptor = new FunctionDescriptor(name, method, kind, trigger, bindings);
        if (kind == TriggerKind.Http && !IsHttpResult(descriptor.ResultType))
        {
            throw new FunctionHostingException($"{name}: HTTP functions must return IResult or IActionResult (optionally as a Task); {method.ReturnType.Name} is not supported by Functions.Local.");
        }

        return descriptor;
    }

    static bool IsTrigger(Attribute attribute) =>
        attribute.GetType().Name.EndsWith("TriggerAttribute", StringComparison.Ordinal);

    static ParameterSource? TriggerSource(TriggerKind kind, ParameterInfo parameter) => kind switch
    {
        TriggerKind.Http when parameter.ParameterType == typeof(HttpRequest) => ParameterSource.HttpRequest,
        TriggerKind.Timer when parameter.ParameterType == typeof(TimerInfo) => ParameterSource.TimerInfo,
        TriggerKind.Orchestration when parameter.ParameterType == typeof(TaskOrchestrationContext) => ParameterSource.OrchestrationContext,
        TriggerKind.Activity => ParameterSource.ActivityInput,
        _ => null,
    };

    static ParameterSource? OtherSource(TriggerKind kind, ParameterInfo parameter, HashSet<string> routeParameters, List<ParameterBinding> bound)
    {
        Type type = parameter.ParameterType;
        if (parameter.GetCustomAttribute<DurableClientAttribute>() is not null && type == typeof(DurableTaskClient))
        {
            return ParameterSource.DurableClient;
        }

        if (type == typeof(CancellationToken))
        {
            return ParameterSource.CancellationToken;
        }

        if (kind == TriggerKind.Http && type == typeof(HttpContext))
        {
            return ParameterSource.HttpContext;
        }

        if (kind == TriggerKind.Http && parameter.Name is { } routeName && routeParameters.Contains(routeName))
        {
            return ParameterSource.RouteValue;
        }

        // The isolated Durable extension binds an orchestrator's one unattributed extra parameter to its input.
        if (kind == TriggerKind.Orchestration && !parameter.GetCustomAttributes().Any()
            && bound.All(b => b.Source != ParameterSource.OrchestrationInput))
        {
            return ParameterSource.OrchestrationInput;
        }

        return null;
    }

    static HashSet<string> RouteParameterNames(string? route)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (route is null)
        {
            return names;
        }

        foreach (string segment in route.Split('{', StringSplitOptions.RemoveEmptyEntries).Skip(route.StartsWith('{') ? 0 : 1))
        {
            string token = segment.Split('}')[0];
            names.Add(token.TrimStart('*').Split(':', '=', '?')[0]);
        }

        return names;
    }

    static bool IsHttpResult(Type type) =>
        typeof(IResult).IsAssignableFrom(type) || typeof(IActionResult).IsAssignableFrom(type);
}

public sealed class FunctionHostingException(string message) : Exception(message);
