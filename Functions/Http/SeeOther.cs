using Microsoft.AspNetCore.Http;

namespace NetworkFunctions.Http;

/// <summary>303 See Other to a path of this app: after a form's POST has been acted on, the browser GETs the page that shows it, and a reload does not post again.</summary>
public sealed class SeeOther(string path) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (!path.StartsWith('/') || path.StartsWith("//", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("Only a path of this app is redirected to.");
        }

        httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
        httpContext.Response.Headers.Location = path;
        httpContext.Response.Headers.CacheControl = "no-store";
        return Task.CompletedTask;
    }
}
