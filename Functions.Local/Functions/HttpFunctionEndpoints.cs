using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NetworkFunctions.Local.Functions;

/// <summary>Maps every HTTP-triggered function onto ASP.NET Core routing, with the route prefix and key check of Azure.</summary>
public static class HttpFunctionEndpoints
{
    public static void MapHttpFunctions(this IEndpointRouteBuilder endpoints, FunctionCatalog catalog, string routePrefix, FunctionKeys keys)
    {
        foreach (FunctionDescriptor function in catalog.OfKind(TriggerKind.Http))
        {
            var trigger = (HttpTriggerAttribute)function.TriggerAttribute;
            string route = "/" + string.Join('/', new[] { routePrefix.Trim('/'), (trigger.Route ?? function.Name).Trim('/') }.Where(s => s.Length > 0));
            string[]? methods = trigger.Methods?.Select(m => m.ToUpperInvariant()).ToArray();
            RequestDelegate handler = http => HandleAsync(function, trigger.AuthLevel, keys, http);
            IEndpointConventionBuilder endpoint = methods is { Length: > 0 }
                ? endpoints.MapMethods(route, methods, handler)
                : endpoints.Map(route, handler);
            endpoint.WithDisplayName(function.Name);
        }
    }

    static async Task HandleAsync(FunctionDescriptor function, AuthorizationLevel level, FunctionKeys keys, HttpContext http)
    {
        if (!keys.IsAuthorized(level, http.Request))
        {
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        await using AsyncServiceScope scope = http.RequestServices.CreateAsyncScope();
        http.RequestServices = scope.ServiceProvider;
        object? result;
        try
        {
            result = await FunctionInvoker.InvokeAsync(function, new InvocationContext(scope.ServiceProvider, http.RequestAborted) { Http = http });
        }
        catch (BadHttpRequestException e)
        {
            await Results.Problem(statusCode: e.StatusCode, title: e.Message).ExecuteAsync(http);
            return;
        }
        catch (Exception e) when (!http.RequestAborted.IsCancellationRequested)
        {
            scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Functions.Local.Http")
                .LogError(e, "Function {Function} failed", function.Name);
            if (!http.Response.HasStarted)
            {
                await Results.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "The function failed.").ExecuteAsync(http);
            }

            return;
        }

        switch (result)
        {
            case IResult r:
                await r.ExecuteAsync(http);
                break;
            case IActionResult a:
                await a.ExecuteResultAsync(new ActionContext(http, http.GetRouteData(), new ActionDescriptor()));
                break;
            default:
                http.Response.StatusCode = StatusCodes.Status204NoContent;
                break;
        }
    }
}
