using System.Reflection;
using System.Reflection.Emit;
using Microsoft.Azure.Functions.Worker;
using NetworkFunctions.Local.Functions;
using NetworkFunctions.Tests.Support;

namespace NetworkFunctions.Tests.Unit.Local.Functions;

/// <summary>A trigger Functions.Local does not know, standing in for e.g. a queue trigger.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class UnknownQueueTriggerAttribute : Attribute;

public sealed class FunctionCatalogTests
{
    [Fact]
    public void Discovers_every_trigger_kind_and_binds_parameters()
    {
        FunctionCatalog catalog = FunctionCatalog.Discover([typeof(ProbeFunctions).Assembly]);

        FunctionDescriptor parent = Assert.Single(catalog.Functions, f => f.Name == nameof(ProbeFunctions.ProbeParent));
        Assert.Equal(TriggerKind.Orchestration, parent.Trigger);
        Assert.Equal(typeof(ProbeInput), parent.InputType);
        Assert.Equal(typeof(string), parent.ResultType);

        FunctionDescriptor shout = Assert.Single(catalog.Functions, f => f.Name == nameof(ProbeFunctions.ProbeShout));
        Assert.Equal(TriggerKind.Activity, shout.Trigger);
        Assert.Equal(typeof(string), shout.InputType);

        FunctionDescriptor start = Assert.Single(catalog.Functions, f => f.Name == nameof(ProbeFunctions.ProbeStart));
        Assert.Equal(
            [ParameterSource.HttpRequest, ParameterSource.DurableClient, ParameterSource.RouteValue],
            start.Parameters.Select(p => p.Source));

        Assert.Equal(TriggerKind.Timer, Assert.Single(catalog.Functions, f => f.Name == nameof(ProbeTimer.ProbeTick)).Trigger);
    }

    [Fact]
    public void A_function_with_an_unsupported_trigger_is_an_error_that_names_it()
    {
        Assembly assembly = EmitFunction("QueueFed", typeof(string), typeof(UnknownQueueTriggerAttribute));

        var error = Assert.Throws<FunctionHostingException>(() => FunctionCatalog.Discover([assembly]));

        Assert.Contains("QueueFed", error.Message);
        Assert.Contains(nameof(UnknownQueueTriggerAttribute), error.Message);
    }

    [Fact]
    public void A_parameter_that_cannot_be_bound_is_an_error_that_names_the_function_and_parameter()
    {
        Assembly assembly = EmitFunction("NeedsContext", typeof(TimerInfo), typeof(TimerTriggerAttribute), extraParameter: typeof(FunctionContext));

        var error = Assert.Throws<FunctionHostingException>(() => FunctionCatalog.Discover([assembly]));

        Assert.Contains("NeedsContext", error.Message);
        Assert.Contains("extra", error.Message);
    }

    /// <summary>Builds an assembly holding one static [Function] method, so bad functions never sit in a real assembly.</summary>
    static Assembly EmitFunction(string name, Type triggerParameter, Type triggerAttribute, Type? extraParameter = null)
    {
        AssemblyBuilder assembly = AssemblyBuilder.DefineDynamicAssembly(new AssemblyName($"Emitted{name}"), AssemblyBuilderAccess.Run);
        TypeBuilder type = assembly.DefineDynamicModule("main").DefineType($"{name}Functions", TypeAttributes.Public | TypeAttributes.Class);
        Type[] parameters = extraParameter is null ? [triggerParameter] : [triggerParameter, extraParameter];
        MethodBuilder method = type.DefineMethod("Run", MethodAttributes.Public | MethodAttributes.Static, typeof(void), parameters);
        method.SetCustomAttribute(new CustomAttributeBuilder(typeof(FunctionAttribute).GetConstructor([typeof(string)])!, [name]));
        ParameterBuilder trigger = method.DefineParameter(1, ParameterAttributes.None, "trigger");
        ConstructorInfo attributeConstructor = triggerAttribute.GetConstructors().OrderBy(c => c.GetParameters().Length).First();
        object?[] attributeArguments = attributeConstructor.GetParameters().Select(p => (object?)"*/5 * * * * *").ToArray();
        trigger.SetCustomAttribute(new CustomAttributeBuilder(attributeConstructor, attributeArguments));
        if (extraParameter is not null)
        {
            method.DefineParameter(2, ParameterAttributes.None, "extra");
        }

        method.GetILGenerator().Emit(OpCodes.Ret);
        type.CreateType();
        return assembly;
    }
}
