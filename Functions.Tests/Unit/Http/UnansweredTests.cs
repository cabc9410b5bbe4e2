using NetworkFunctions.Http;

namespace NetworkFunctions.Tests.Unit.Http;

/// <summary>Which failures mean "a dependency did not answer" (503, send again) and which are faults.</summary>
public sealed class UnansweredTests
{
    public static TheoryData<Exception, bool> Failures() => new()
    {
        { new TimeoutException(), true },
        { new HttpRequestException("refused"), true },
        { new TaskCanceledException(), true },
        { new Grpc.Core.RpcException(new Grpc.Core.Status(Grpc.Core.StatusCode.Unavailable, "engine away")), true },
        { new Azure.RequestFailedException(0, "no answer"), true },
        { new Azure.RequestFailedException(503, "busy"), true },
        { new Azure.RequestFailedException(412, "changed meanwhile"), false },
        { new InvalidOperationException(), false },
        { new KeyNotFoundException(), false },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Storage_or_the_engine_not_answering_is_unanswered_and_a_fault_is_not(Exception failure, bool unanswered) =>
        Assert.Equal(unanswered, Unanswered.Is(failure, CancellationToken.None));

    [Fact]
    public void A_request_the_caller_abandoned_is_not_answered_at_all()
    {
        using var aborted = new CancellationTokenSource();
        aborted.Cancel();

        Assert.False(Unanswered.Is(new TaskCanceledException(), aborted.Token));
    }
}
