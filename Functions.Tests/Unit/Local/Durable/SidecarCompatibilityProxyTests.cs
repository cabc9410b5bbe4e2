using DurableTask.Core;
using DurableTask.Core.History;
using Microsoft.DurableTask.Testing.Sidecar.Dispatcher;
using NetworkFunctions.Local.Durable;

namespace NetworkFunctions.Tests.Unit.Local.Durable;

public sealed class SidecarCompatibilityProxyTests
{
    [Fact]
    public void Replaces_the_sidecars_sub_orchestration_event_by_the_plain_one_with_the_same_values()
    {
        var grpc = new GrpcSubOrchestrationInstanceCreatedEvent(7) { Name = "Child", InstanceId = "child-1", Input = "\"x\"", Version = "1" };
        var state = new OrchestrationRuntimeState([new ExecutionStartedEvent(-1, "null") { Name = "Parent", OrchestrationInstance = new OrchestrationInstance { InstanceId = "p" } }]);
        state.AddEvent(grpc);

        SidecarCompatibilityProxy.Normalise(state);

        HistoryEvent replaced = state.Events[^1];
        Assert.Equal(typeof(SubOrchestrationInstanceCreatedEvent), replaced.GetType());
        var created = (SubOrchestrationInstanceCreatedEvent)replaced;
        Assert.Equal((7, "Child", "child-1", "\"x\"", "1"), (created.EventId, created.Name, created.InstanceId, created.Input, created.Version));
        Assert.Equal(typeof(SubOrchestrationInstanceCreatedEvent), state.NewEvents[^1].GetType());
    }

    [Fact]
    public void Copies_foreign_tag_dictionaries_into_plain_ones()
    {
        var tags = new System.Collections.Concurrent.ConcurrentDictionary<string, string> { ["a"] = "b" };
        var message = new TaskMessage { Event = new ExecutionStartedEvent(-1, "null") { Tags = tags } };

        SidecarCompatibilityProxy.Normalise(new List<TaskMessage> { message });

        IDictionary<string, string> plain = ((ExecutionStartedEvent)message.Event).Tags;
        Assert.IsType<Dictionary<string, string>>(plain);
        Assert.Equal("b", plain["a"]);
    }
}
