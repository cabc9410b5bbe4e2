using System.Reflection;

namespace NetworkFunctions.Local.Functions;

public enum TriggerKind
{
    Http,
    Timer,
    Orchestration,
    Activity,
}

/// <summary>Where the value of one parameter of a function method comes from.</summary>
public enum ParameterSource
{
    HttpRequest,
    HttpContext,
    RouteValue,
    DurableClient,
    CancellationToken,
    OrchestrationContext,
    OrchestrationInput,
    ActivityInput,
    TimerInfo,
}

public sealed record ParameterBinding(ParameterInfo Parameter, ParameterSource Source);

/// <summary>One <c>[Function]</c> method as the local host runs it.</summary>
public sealed record FunctionDescriptor(
    string Name,
    MethodInfo Method,
    TriggerKind Trigger,
    Attribute TriggerAttribute,
    IReadOnlyList<ParameterBinding> Parameters)
{
    /// <summary>The type the method returns once awaited (<see cref="void"/> for Task and void).</summary>
    public Type ResultType { get; } = UnwrapTask(Method.ReturnType);

    /// <summary>The orchestration or activity input type: the declared input parameter's type, else object.</summary>
    public Type InputType =>
        Parameters.FirstOrDefault(p => p.Source is ParameterSource.OrchestrationInput or ParameterSource.ActivityInput)?.Parameter.ParameterType
        ?? typeof(object);

    public override string ToString() => $"{Name} ({Method.DeclaringType?.FullName}.{Method.Name})";

    static Type UnwrapTask(Type type)
    {
        if (type == typeof(Task) || type == typeof(ValueTask) || type == typeof(void))
        {
            return typeof(void);
        }

        if (type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Task<>) || type.GetGenericTypeDefinition() == typeof(ValueTask<>)))
        {
            return type.GetGenericArguments()[0];
        }

        return type;
    }
}
