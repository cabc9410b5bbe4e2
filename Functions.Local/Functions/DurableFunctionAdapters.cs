using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace NetworkFunctions.Local.Functions;

/// <summary>Holds the worker host's services, which exist only after the adapters have been registered.</summary>
public sealed class FunctionServices
{
    public IServiceProvider? Root { get; set; }

    public IServiceProvider Required => Root ?? throw new InvalidOperationException("The local host has not started yet.");
}

/// <summary>An orchestrator function, registered with the Durable Task worker under its function name and real input type.</summary>
public sealed class OrchestratorFunctionAdapter(FunctionDescriptor function, FunctionServices services) : ITaskOrchestrator
{
    public Type InputType => function.InputType;

    public Type OutputType => function.ResultType == typeof(void) ? typeof(object) : function.ResultType;

    public Task<object?> RunAsync(TaskOrchestrationContext context, object? input) =>
        FunctionInvoker.InvokeAsync(function, new InvocationContext(services.Required, CancellationToken.None)
        {
            Orchestration = context,
            Input = input,
        });
}

/// <summary>An activity function: a DI scope and a new instance of its class per call, as in the Functions worker.</summary>
public sealed class ActivityFunctionAdapter(FunctionDescriptor function, FunctionServices services) : ITaskActivity
{
    public Type InputType => function.InputType;

    public Type OutputType => function.ResultType == typeof(void) ? typeof(object) : function.ResultType;

    public async Task<object?> RunAsync(TaskActivityContext context, object? input)
    {
        await using AsyncServiceScope scope = services.Required.CreateAsyncScope();
        return await FunctionInvoker.InvokeAsync(function, new InvocationContext(scope.ServiceProvider, CancellationToken.None) { Input = input });
    }
}
