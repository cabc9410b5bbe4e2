using System.Text.Json;
using Microsoft.DurableTask.Client;

namespace NetworkFunctions.Durable;

/// <summary>An orchestration instance and its meeting status (null while it has none, or if it is unreadable).</summary>
public sealed record InstanceSnapshot(OrchestrationMetadata? Instance, MeetingStatus? Status)
{
    public bool Completed => Instance?.RuntimeStatus == OrchestrationRuntimeStatus.Completed;
}

/// <summary>The one reader of an orchestration's state, for the overview and housekeeping.</summary>
public static class InstanceReader
{
    /// <summary>How to read the status back from the engine, whatever casing its data converter wrote.</summary>
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<InstanceSnapshot> ReadAsync(DurableTaskClient client, string instanceId, CancellationToken cancellationToken)
    {
        // The custom status comes back only with getInputsAndOutputs (it holds ids, phases and times, no personal data).
        OrchestrationMetadata? instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
        try
        {
            return new(instance, instance?.SerializedCustomStatus is { Length: > 0 } json ? JsonSerializer.Deserialize<MeetingStatus>(json, Json) : null);
        }
        catch (JsonException)
        {
            return new(instance, null);
        }
    }
}
