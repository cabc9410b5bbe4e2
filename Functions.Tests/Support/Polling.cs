namespace NetworkFunctions.Tests.Support;

public static class Polling
{
    /// <summary>Polls until the condition yields a value, or fails after the timeout with the description.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T?>> probe, TimeSpan timeout, string description)
        where T : class
    {
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            if (cts.IsCancellationRequested)
            {
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0} s waiting for {description}.");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>Polls until the probe yields a value, for values that are structs (a <c>JsonElement</c>).</summary>
    public static async Task<T> UntilValueAsync<T>(Func<Task<T?>> probe, TimeSpan timeout, string description)
        where T : struct =>
        (await UntilAsync<Box<T>>(async () => await probe() is { } value ? new Box<T>(value) : null, timeout, description)).Value;

    sealed record Box<T>(T Value);
}
