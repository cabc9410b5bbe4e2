namespace NetworkFunctions.Http;

/// <summary>
/// Whether a failure means a dependency did not answer in time (storage down or frozen, the durable engine away), so
/// the request is answered 503 and may be sent again, rather than a fault of the code. A request the caller abandoned
/// is not one of these.
/// </summary>
public static class Unanswered
{
    /// <summary>How long a page or form waits for storage and the engine before it answers 503: nobody waits minutes for a page.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    /// <summary>The request's cancellation, and <see cref="Timeout"/> on top.</summary>
    public static CancellationTokenSource Bounded(CancellationToken requestAborted)
    {
        var bounded = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
        bounded.CancelAfter(Timeout);
        return bounded;
    }

    public static bool Is(Exception e, CancellationToken requestAborted) =>
        !requestAborted.IsCancellationRequested
        && e is OperationCanceledException or TimeoutException or HttpRequestException or Grpc.Core.RpcException
            or Azure.RequestFailedException { Status: 0 or >= 500 };
}
