using Microsoft.AspNetCore.Http;

namespace NetworkFunctions.Http;

/// <summary>
/// An HTML page for members: no referrer leaves it (the token is in the URL), no script or third-party resource may
/// load, the browser does not sniff types, and nothing is cached.
/// </summary>
public sealed class HtmlPage(int status, string html, int? retryAfterSeconds = null) : IResult
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    public static HtmlPage Ok(string html) => new(StatusCodes.Status200OK, html);

    public static HtmlPage Status(int status, string html) => new(status, html);

    /// <summary>503 with <c>Retry-After</c>: storage did not answer in time; the member may send the same form again.</summary>
    public static HtmlPage Unavailable(string html, int retryAfterSeconds = 30) => new(StatusCodes.Status503ServiceUnavailable, html, retryAfterSeconds);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        HttpResponse response = httpContext.Response;
        response.StatusCode = status;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers["Content-Security-Policy"] = ContentSecurityPolicy;
        response.Headers["X-Content-Type-Options"] = "nosniff";
        response.Headers["Cache-Control"] = "no-store";
        if (retryAfterSeconds is { } seconds)
        {
            response.Headers["Retry-After"] = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (!HttpMethods.IsHead(httpContext.Request.Method))
        {
            await response.WriteAsync(html, httpContext.RequestAborted);
        }
    }
}
