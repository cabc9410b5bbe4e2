using System.Collections.Concurrent;
using System.Net;
using System.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace NetworkFunctions.Benchmarks.Fleet;

/// <summary>
/// A transparent proxy between the host and Azurite that counts every storage call by service and operation
/// (<see cref="StorageCalls"/>): it listens on three ports (blob, queue, table) and forwards each request as it came
/// (method, path, query, headers, body) to the Azurite port of the same service, and the answer back. The host is given
/// the proxy's ports as its Azurite, so every call it and its Durable engine make is seen.
/// </summary>
public sealed class StorageCountingProxy : IAsyncDisposable
{
    static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Transfer-Encoding", "Upgrade", "Proxy-Connection", "TE", "Trailer", "Host",
    };

    readonly WebApplication app;
    readonly HttpMessageInvoker upstream = new(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false, UseCookies = false, AutomaticDecompression = DecompressionMethods.None });
    readonly ConcurrentDictionary<(StorageService Service, string Operation), long> counts = new();
    readonly ConcurrentDictionary<string, byte> failures = new();

    StorageCountingProxy(WebApplication app, int basePort)
    {
        this.app = app;
        BasePort = basePort;
    }

    /// <summary>The blob port; queue and table are the next two, as Azurite's own.</summary>
    public int BasePort { get; }

    /// <summary>Starts listening on <paramref name="basePort"/>..+2, forwarding to Azurite on <paramref name="azuriteBasePort"/>..+2.</summary>
    public static async Task<StorageCountingProxy> StartAsync(int basePort, int azuriteBasePort, CancellationToken cancellationToken)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            for (int i = 0; i < 3; i++)
            {
                kestrel.Listen(IPAddress.Loopback, basePort + i);
            }

            kestrel.Limits.MaxRequestBodySize = null;
        });
        WebApplication app = builder.Build();
        var proxy = new StorageCountingProxy(app, basePort);
        app.Run(async context =>
        {
            try
            {
                await proxy.ForwardAsync(context, azuriteBasePort);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A call the proxy could not pass on is the host's to see as a storage fault; say which, once per kind.
                if (proxy.failures.TryAdd(e.GetType().Name + e.Message, 0))
                {
                    Console.Error.WriteLine($"  counting proxy: {context.Request.Method} {context.Request.Path} failed: {e}");
                }

                throw;
            }
        });
        await app.StartAsync(cancellationToken);
        return proxy;
    }

    /// <summary>The calls counted since the last <see cref="Reset"/>.</summary>
    public StorageCount Snapshot() => new(counts.ToDictionary(c => c.Key, c => c.Value));

    public void Reset() => counts.Clear();

    async Task ForwardAsync(HttpContext context, int azuriteBasePort)
    {
        int offset = context.Connection.LocalPort - BasePort;
        var service = (StorageService)offset;
        HttpRequest request = context.Request;
        if (!IsMailSink(service, request.Path.Value))
        {
            counts.AddOrUpdate((service, StorageCalls.Operation(service, request.Method, request.Path.Value ?? "/", HttpUtility.ParseQueryString(request.QueryString.Value ?? ""))), 1, (_, n) => n + 1);
        }

        // The target exactly as the client wrote it: the request is signed over its path's own escaping.
        string target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? $"{request.Path}{request.QueryString}";
        using var forward = new HttpRequestMessage(new HttpMethod(request.Method), new Uri($"http://127.0.0.1:{azuriteBasePort + offset}{target}", UriKind.Absolute));
        if (request.ContentLength is not null || request.Headers.TransferEncoding.Count > 0)
        {
            forward.Content = new StreamContent(request.Body);
        }

        foreach ((string name, Microsoft.Extensions.Primitives.StringValues values) in request.Headers)
        {
            if (HopByHop.Contains(name))
            {
                continue;
            }

            if (!forward.Headers.TryAddWithoutValidation(name, (IEnumerable<string>)values))
            {
                forward.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string>)values);
            }
        }

        forward.Headers.Host = $"127.0.0.1:{azuriteBasePort + offset}";
        using HttpResponseMessage answer = await upstream.SendAsync(forward, context.RequestAborted);
        context.Response.StatusCode = (int)answer.StatusCode;
        foreach (var header in answer.Headers.Concat(answer.Content.Headers))
        {
            if (!HopByHop.Contains(header.Key))
            {
                context.Response.Headers[header.Key] = header.Value.ToArray();
            }
        }

        await answer.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
    }

    /// <summary>The local mail sink keeps its mailbox in the same storage (<c>…-mailbox</c>); in Azure that is SendGrid's, so it is not counted.</summary>
    static bool IsMailSink(StorageService service, string? path) =>
        service == StorageService.Blob && path is not null && path.Split('/', StringSplitOptions.RemoveEmptyEntries) is [_, var container, ..]
        && container.EndsWith("-mailbox", StringComparison.Ordinal);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        upstream.Dispose();
    }
}

/// <summary>Storage calls counted, by service and operation.</summary>
public sealed record StorageCount(IReadOnlyDictionary<(StorageService Service, string Operation), long> Calls)
{
    public long Total => Calls.Values.Sum();

    public long Of(StorageService service) => Calls.Where(c => c.Key.Service == service).Sum(c => c.Value);

    /// <summary>What these calls cost at <see cref="StorageCalls.UsdPer10000"/>.</summary>
    public double Usd => Calls.Sum(c => c.Value * StorageCalls.UsdPer10000[StorageCalls.Billing(c.Key.Service, c.Key.Operation)] / 10_000);

    /// <summary>These calls less an earlier snapshot's.</summary>
    public StorageCount Minus(StorageCount earlier)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        return new(Calls.ToDictionary(c => c.Key, c => c.Value - earlier.Calls.GetValueOrDefault(c.Key)));
    }

    /// <summary>The operations by count, "queue GetMessages 1200, …", the largest first.</summary>
    public string Top(int n) =>
        string.Join(", ", Calls.Where(c => c.Value > 0).OrderByDescending(c => c.Value).Take(n).Select(c => $"{c.Key.Service.ToString().ToLowerInvariant()} {c.Key.Operation} {c.Value}"));
}
