using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace NetworkFunctions.Local.Functions;

/// <summary>
/// Azure's admin API for running a non-HTTP function on demand: <c>POST /admin/functions/{functionName}</c> with the
/// master key and the body <c>{"input": "…"}</c> answers 202 and runs the function in the background. Functions.Local
/// runs timer functions this way (the input is not used: a timer function gets its <see cref="TimerInfo"/>).
/// </summary>
public static class AdminFunctionEndpoints
{
    public const string Route = "/admin/functions/{functionName}";

    public static void MapAdminFunctions(this IEndpointRouteBuilder endpoints, FunctionCatalog catalog, FunctionKeys keys) =>
        endpoints.MapPost(Route, (HttpContext http, string functionName) => InvokeAsync(catalog, keys, http, functionName))
            .WithDisplayName("Admin: run a function");

    static async Task<IResult> InvokeAsync(FunctionCatalog catalog, FunctionKeys keys, HttpContext http, string functionName)
    {
        if (!keys.IsAuthorized(AuthorizationLevel.Admin, http.Request))
        {
            return Results.StatusCode(StatusCodes.Status401Unauthorized);
        }

        FunctionDescriptor? function = catalog.Functions.FirstOrDefault(f => string.Equals(f.Name, functionName, StringComparison.OrdinalIgnoreCase));
        if (function is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"There is no function named '{functionName}'.");
        }

        if (await ReadInvocationErrorAsync(http.Request) is { } error)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { [error.Field] = [error.Message] }, title: "The body must be {\"input\": \"…\"}.");
        }

        if (function.Trigger != TriggerKind.Timer)
        {
            return Results.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: $"'{function.Name}' is a {function.Trigger} function; Functions.Local runs only timer functions on demand.");
        }

        http.RequestServices.GetRequiredService<TimerInvoker>().StartInBackground(function);
        return Results.Accepted();
    }

    /// <summary>The body may be empty; else a JSON object whose <c>input</c>, if present, is a string or null.</summary>
    static async Task<(string Field, string Message)?> ReadInvocationErrorAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        string body = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return ("$", "Must be a JSON object.");
            }

            return document.RootElement.TryGetProperty("input", out JsonElement input) && input.ValueKind is not (JsonValueKind.String or JsonValueKind.Null)
                ? ("input", "Must be a string.")
                : null;
        }
        catch (JsonException)
        {
            return ("$", "Not valid JSON.");
        }
    }
}
