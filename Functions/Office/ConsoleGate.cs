using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NetworkFunctions.Http;
using NetworkFunctions.Networks;

namespace NetworkFunctions.Office;

/// <summary>Who came through the gate, in which language the console speaks to them; or the answer that turns them away.</summary>
public sealed record ConsoleVisit(ConsolePrincipal? Principal, Language Language, IResult? Refusal)
{
    public ConsolePrincipal Person => Principal ?? throw new InvalidOperationException("The visit was refused.");
}

/// <summary>
/// The console's door, checked before any console page is shown or any console form is acted on:
/// <list type="bullet">
/// <item>sign-in must be set up (<see cref="ConsoleOptions.SignIn"/>), else 404 with what to do;</item>
/// <item>a visitor with no principal is sent to the platform's sign-in (<c>/.auth/login/aad</c>) and back; a POST
/// without one gets 401, since a redirect would lose what was posted;</item>
/// <item>a principal that cannot be read (not base64, not JSON, another provider, no address) gets 401, one from another
/// tenant 403;</item>
/// <item>a POST must carry the person's own antiforgery token (<see cref="ConsoleTokens"/>) and must not come from
/// another site (<c>Sec-Fetch-Site</c>), else 403 and nothing is done.</item>
/// </list>
/// Which networks the person may see is <see cref="ConsoleAccess"/>'s rule, applied by each page.
/// </summary>
public sealed class ConsoleGate(IOptions<ConsoleOptions> options, ConsoleTokens tokens, ConsolePages pages, ILogger<ConsoleGate> logger)
{
    public const string SignInPath = "/.auth/login/aad";

    public ConsoleOptions Options => options.Value;

    /// <summary>The gate for a page (GET).</summary>
    public ConsoleVisit Enter(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Language language = LanguageOf(request);
        if (Options.SignIn == ConsoleSignIn.None || !tokens.Available)
        {
            return new(null, language, HtmlPage.Status(StatusCodes.Status404NotFound, pages.Message(language, null, "console_not_set_up_title", "console_not_set_up")));
        }

        if (string.IsNullOrEmpty(request.Headers[ConsolePrincipal.Header].FirstOrDefault()))
        {
            return new(null, language, HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
                ? Results.Redirect($"{SignInPath}?post_login_redirect_uri={Uri.EscapeDataString(request.Path + request.QueryString)}")
                : HtmlPage.Status(StatusCodes.Status401Unauthorized, pages.SignIn(language, SignInPath)));
        }

        if (ConsolePrincipal.Read(request.Headers[ConsolePrincipal.Header].FirstOrDefault(), request.Headers[ConsolePrincipal.ProviderHeader].FirstOrDefault()) is not { } principal)
        {
            logger.LogWarning(LogEvents.ConsoleRefused, "Console refused a principal it could not read");
            return new(null, language, HtmlPage.Status(StatusCodes.Status401Unauthorized, pages.SignIn(language, SignInPath)));
        }

        if (!ConsoleAccess.FromTenant(principal, Options))
        {
            logger.LogWarning(LogEvents.ConsoleRefused, "Console refused a principal from another tenant");
            return new(null, language, HtmlPage.Status(StatusCodes.Status403Forbidden, pages.Message(language, null, "console_tenant_title", "console_tenant")));
        }

        return new(principal, language, null);
    }

    /// <summary>The gate for a form (POST): <see cref="Enter"/>, then the antiforgery token of <paramref name="fields"/> and the request's site.</summary>
    public ConsoleVisit Act(HttpRequest request, IReadOnlyDictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ConsoleVisit visit = Enter(request);
        if (visit.Refusal is not null)
        {
            return visit;
        }

        bool crossSite = request.Headers["Sec-Fetch-Site"].FirstOrDefault() is "cross-site" or "same-site";
        if (crossSite || !tokens.Check(fields.GetValueOrDefault(ConsoleTokens.Field), visit.Person))
        {
            logger.LogWarning(LogEvents.ConsoleRefused, "Console refused a form without a valid antiforgery token (cross-site: {CrossSite})", crossSite);
            return visit with { Refusal = HtmlPage.Status(StatusCodes.Status403Forbidden, pages.Message(visit.Language, visit.Person, "console_forged_title", "console_forged", link: (ConsoleRoutes.Home, "console_to_home"))) };
        }

        return visit;
    }

    /// <summary>Danish unless the browser prefers English over Danish.</summary>
    public static Language LanguageOf(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        foreach (var language in request.GetTypedHeaders().AcceptLanguage.OrderByDescending(l => l.Quality ?? 1))
        {
            string tag = language.Value.Value ?? "";
            if (tag.StartsWith("da", StringComparison.OrdinalIgnoreCase) || tag.StartsWith("nb", StringComparison.OrdinalIgnoreCase) || tag.StartsWith("no", StringComparison.OrdinalIgnoreCase))
            {
                return Language.Da;
            }

            if (tag.StartsWith("en", StringComparison.OrdinalIgnoreCase))
            {
                return Language.En;
            }
        }

        return Language.Da;
    }
}
