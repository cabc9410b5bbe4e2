using Microsoft.Azure.Functions.Worker;
using NetworkFunctions.Durable;
using NetworkFunctions.Networks;
using NetworkFunctions.Storage;

namespace NetworkFunctions.Cycle;

/// <summary>The attention an orchestration raises while a step waits or after it was missed, and clears when it went through.</summary>
public sealed class AttentionActivities(NetworkStore store)
{
    [Function(nameof(RaiseAttention))]
    public async Task<bool> RaiseAttention([ActivityTrigger] AttentionRef attention) =>
        await store.RaiseAttentionAsync(attention.NetworkId, new Attention(attention.Kind, attention.At, Detail(attention), attention.Meeting, attention.Step));

    [Function(nameof(ClearAttention))]
    public async Task<bool> ClearAttention([ActivityTrigger] AttentionRef attention) =>
        await store.ClearAttentionAsync(attention.NetworkId, attention.Kind, attention.Meeting, attention.Step);

    static string Detail(AttentionRef attention) => attention.Kind switch
    {
        AttentionKinds.StepMissed => $"{attention.Step} did not run before it stopped being useful; resume the network or send it by hand.",
        _ => $"{attention.Step} waits for a fault to pass (mail or storage); it runs by itself once the fault is gone.",
    };
}
