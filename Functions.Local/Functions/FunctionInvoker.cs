using System.ComponentModel;
using System.Reflection;
using System.Runtime.ExceptionServices;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace NetworkFunctions.Local.Functions;

/// <summary>What one invocation has to offer to the parameters of a function method.</summary>
public sealed record InvocationContext(IServiceProvider Services, CancellationToken Cancellation)
{
    public HttpContext? Http { get; init; }

    public TaskOrchestrationContext? Orchestration { get; init; }

    public object? Input { get; init; }

    public TimerInfo? Timer { get; init; }
}

/// <summary>Creates the function's class through DI (as the Functions worker does, per invocation) and calls the method.</summary>
public static class FunctionInvoker
{
    public static async Task<object?> InvokeAsync(FunctionDescriptor function, InvocationContext context)
    {
        MethodInfo method = function.Method;
        object? instance = method.IsStatic ? null : ActivatorUtilities.CreateInstance(context.Services, method.DeclaringType!);
        object?[] arguments = function.Parameters.Select(p => Bind(p, context)).ToArray();
        object? returned;
        try
        {
            returned = method.Invoke(instance, arguments);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }

        switch (returned)
        {
            case Task task:
                await task;
                return function.ResultType == typeof(void) ? null : task.GetType().GetProperty(nameof(Task<object>.Result))!.GetValue(task);
            case ValueTask valueTask:
                await valueTask;
                return null;
            default:
                if (returned is not null && returned.GetType().IsGenericType && returned.GetType().GetGenericTypeDefinition() == typeof(ValueTask<>))
                {
                    var asTask = (Task)returned.GetType().GetMethod(nameof(ValueTask<object>.AsTask))!.Invoke(returned, null)!;
                    await asTask;
                    return asTask.GetType().GetProperty(nameof(Task<object>.Result))!.GetValue(asTask);
                }

                return returned;
        }
    }

    static object? Bind(ParameterBinding binding, InvocationContext context) => binding.Source switch
    {
        ParameterSource.HttpRequest => context.Http!.Request,
        ParameterSource.HttpContext => context.Http!,
        ParameterSource.RouteValue => ConvertRouteValue(context.Http!.GetRouteValue(binding.Parameter.Name!), binding.Parameter),
        ParameterSource.DurableClient => context.Services.GetRequiredService<DurableTaskClient>(),
        ParameterSource.CancellationToken => context.Cancellation,
        ParameterSource.OrchestrationContext => context.Orchestration!,
        ParameterSource.OrchestrationInput or ParameterSource.ActivityInput => context.Input,
        ParameterSource.TimerInfo => context.Timer!,
        _ => throw new ArgumentOutOfRangeException(nameof(binding), binding.Source, null),
    };

    static object? ConvertRouteValue(object? value, ParameterInfo parameter)
    {
        Type type = parameter.ParameterType;
        if (value is null || type.IsInstanceOfType(value))
        {
            return value ?? (type.IsValueType ? Activator.CreateInstance(type) : null);
        }

        try
        {
            return TypeDescriptor.GetConverter(type).ConvertFromInvariantString(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!);
        }
        catch (Exception e) when (e is FormatException or NotSupportedException or ArgumentException)
        {
            throw new BadHttpRequestException($"The route value '{parameter.Name}' is not a valid {type.Name}.", StatusCodes.Status400BadRequest);
        }
    }
}
