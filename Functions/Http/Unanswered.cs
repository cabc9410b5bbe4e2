namespace NetworkFunctions.Http;

/// <summary>
/// Whether a failure means a dependency did not answer in time (storage down or frozen, the durable engine away), so
/// the request is answered 503 and may be sent again, rather than a fault of the code. A request the caller abandoned
/// is not one of these.
/// </summary>
public static class Unanswered
{
    public static bool Is(Exception e, CancellationToken requestAborted) =>
        !requestAborted.IsCancellationRequested
        && e is OperationCanceledException or TimeoutException or HttpRequestException or Grpc.Core.RpcException
            or Azure.RequestFailedException { Status: 0 or >= 500 };
}
