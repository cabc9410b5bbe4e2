using Microsoft.AspNetCore.Http;
using NetworkFunctions.Validation;

namespace NetworkFunctions.Http;

/// <summary>RFC 7807 answers (<c>application/problem+json</c>) with the wording the API uses everywhere.</summary>
public static class Problems
{
    public static IResult Validation(FieldErrors errors, string title = "The request is not valid.") =>
        Results.ValidationProblem(errors.ToDictionary(), title: title, detail: $"{errors.Count} problem(s); see errors.");

    public static IResult Status(int status, string title, string? detail = null) =>
        Results.Problem(statusCode: status, title: title, detail: detail);

    public static IResult NotFound(string what) => Status(StatusCodes.Status404NotFound, $"{what} was not found.");

    /// <summary>503 with <c>Retry-After</c>: a dependency is down for a moment and nothing was done; the same request may be sent again.</summary>
    public static IResult Unavailable(string title, string detail, int retryAfterSeconds = 30) =>
        new WithHeader(Status(StatusCodes.Status503ServiceUnavailable, title, detail), "Retry-After", retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static IResult Conflict(string title, string? detail = null) => Status(StatusCodes.Status409Conflict, title, detail);

    /// <summary>
    /// What an answer of the API says: its status, and for a problem its title and field errors. The console acts
    /// through the API's own code and shows its answer this way.
    /// </summary>
    public static (int Status, string? Title, IReadOnlyDictionary<string, string[]> Errors) Describe(IResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        IResult inner = result is WithHeader wrapped ? wrapped.Inner : result;
        int status = inner is IStatusCodeHttpResult { StatusCode: { } code } ? code : StatusCodes.Status200OK;
        return inner is IValueHttpResult { Value: Microsoft.AspNetCore.Mvc.ProblemDetails problem }
            ? (problem.Status ?? status, problem.Title, problem is HttpValidationProblemDetails validation ? validation.Errors.AsReadOnly() : new Dictionary<string, string[]>().AsReadOnly())
            : (status, null, new Dictionary<string, string[]>().AsReadOnly());
    }

    sealed class WithHeader(IResult inner, string name, string value) : IResult
    {
        public IResult Inner => inner;

        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers[name] = value;
            return inner.ExecuteAsync(httpContext);
        }
    }
}
