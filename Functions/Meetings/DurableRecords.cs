using NetworkFunctions.Networks;

namespace NetworkFunctions.Meetings;

// The inputs, outputs, events and custom statuses of the orchestrations: opaque ids and times only, never a name,
// an email address or an answer (SPEC section 2).

public sealed record NetworkRef(string NetworkId);

/// <summary>The network orchestration's input: the network and its meeting numbers, known at kickoff (meetings are moved or cancelled, never added).</summary>
public sealed record NetworkYear(string NetworkId, int[] Meetings);

public sealed record MeetingRef(string NetworkId, int Number)
{
    /// <summary>The meeting orchestration's instance id: deterministic, so changes can be raised to it.</summary>
    public string InstanceId => MeetingInstanceId(NetworkId, Number);

    public static string MeetingInstanceId(string networkId, int number) => $"{networkId}:meeting:{number}";
}

/// <summary>A meeting at a given revision (the .ics SEQUENCE the step's emails carry).</summary>
public sealed record MeetingRevisionRef(string NetworkId, int Number, int Revision);

public sealed record ReminderRef(string NetworkId, int Number, int Revision, int Index);

/// <summary>The meeting's current schedule as the orchestration needs it.</summary>
public sealed record MeetingPlan(int Revision, bool Cancelled, MeetingTimeline Timeline);

/// <summary>The event raised to a meeting orchestration when the meeting is moved or cancelled.</summary>
public sealed record MeetingChanged(int Revision);

/// <summary>The custom status of a meeting orchestration: where it is and when it next acts.</summary>
public sealed record MeetingStatus(string Phase, DateTimeOffset? NextStepAt, int Revision)
{
    /// <summary>How to read the status back from the engine, whatever casing its data converter wrote.</summary>
    public static System.Text.Json.JsonSerializerOptions Json { get; } = new(System.Text.Json.JsonSerializerDefaults.Web);

    /// <summary>A meeting orchestration and its status (null while it has none, or if it is unreadable).</summary>
    public static async Task<(Microsoft.DurableTask.Client.OrchestrationMetadata? Instance, MeetingStatus? Status)> ReadAsync(
        Microsoft.DurableTask.Client.DurableTaskClient client, string instanceId, CancellationToken cancellationToken)
    {
        // The custom status comes back only with getInputsAndOutputs (it holds ids, phases and times, no personal data).
        var instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
        try
        {
            return (instance, instance?.SerializedCustomStatus is { Length: > 0 } json ? System.Text.Json.JsonSerializer.Deserialize<MeetingStatus>(json, Json) : null);
        }
        catch (System.Text.Json.JsonException)
        {
            return (instance, null);
        }
    }
}

public sealed record MeetingOutcome(int Number, string Phase);

public sealed record StepResult(int Sent);
