using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NetworkFunctions.Office;
using NetworkFunctions.Validation;

namespace NetworkFunctions.Local.SignIn;

/// <summary>
/// The platform's built-in authentication as the local host plays it, for the office's console: LOCAL DEVELOPMENT
/// ONLY, it checks no password. <c>/.auth/login/aad</c> shows a page where one types a name and address (and may tick
/// "administrator"); the choice is kept in a cookie signed with a key made for this run. On every request the host
/// removes any <c>X-MS-CLIENT-PRINCIPAL*</c> header the client sent, as the platform does, and for a signed-in visitor
/// adds the principal the platform would (<see cref="ConsolePrincipal.Encode"/>: Entra ID's claims, tenant
/// <see cref="Tenant"/>, the admin group <see cref="AdminGroup"/> when ticked). <c>/.auth/me</c> and <c>/.auth/logout</c>
/// answer as the platform's do.
/// </summary>
public static class DevelopmentSignIn
{
    public const string Tenant = "local-development";
    public const string AdminGroup = "local-console-admins";
    public const string CookieName = "LocalSignIn";
    const string LoginPath = "/.auth/login/aad";

    static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);
    static readonly HtmlEncoder Html = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    sealed record Person(string Name, string Email, bool Admin);

    /// <summary>Removes what a client sent as a principal and adds the signed-in visitor's, before anything else sees the request.</summary>
    public static IApplicationBuilder UseDevelopmentSignIn(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            foreach (string header in context.Request.Headers.Keys.Where(h => h.StartsWith(ConsolePrincipal.Header, StringComparison.OrdinalIgnoreCase)).ToList())
            {
                context.Request.Headers.Remove(header);
            }

            if (Read(context.Request.Cookies[CookieName]) is { } person)
            {
                context.Request.Headers[ConsolePrincipal.Header] = PrincipalOf(person);
                context.Request.Headers[ConsolePrincipal.ProviderHeader] = ConsolePrincipal.EntraProvider;
            }

            await next(context);
        });

    public static void MapDevelopmentSignIn(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(LoginPath, (HttpContext context) => Page(Target(context.Request.Query["post_login_redirect_uri"]), null));
        endpoints.MapPost(LoginPath, async (HttpContext context) =>
        {
            IFormCollection form = await context.Request.ReadFormAsync(context.RequestAborted);
            string name = form["name"].ToString().Trim();
            string email = form["email"].ToString().Trim();
            string target = Target(form["target"]);
            if (name.Length is 0 or > 200 || !EmailAddresses.IsValid(email))
            {
                return Page(target, "Write a name and a valid email address.");
            }

            context.Response.Cookies.Append(CookieName, Write(new Person(name, email, form["admin"] == "yes")), new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Path = "/",
            });
            return Results.Redirect(target);
        });
        endpoints.MapGet("/.auth/logout", (HttpContext context) =>
        {
            context.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/" });
            return Results.Redirect(Target(context.Request.Query["post_logout_redirect_uri"]));
        });
        endpoints.MapGet("/.auth/me", (HttpContext context) =>
            Read(context.Request.Cookies[CookieName]) is { } person
                ? Results.Json(new[] { new { provider_name = ConsolePrincipal.EntraProvider, user_id = person.Email, user_claims = Claims(person).Select(c => new { typ = c.Type, val = c.Value }) } })
                : Results.Json(Array.Empty<object>()));
    }

    /// <summary>The header value the platform would send for this person: what the tests send through the cookie, too.</summary>
    public static string CookieFor(string name, string email, bool admin = false) => Write(new Person(name, email, admin));

    static string PrincipalOf(Person person) => ConsolePrincipal.Encode(Claims(person));

    static List<(string Type, string Value)> Claims(Person person)
    {
        List<(string, string)> claims =
        [
            ("http://schemas.microsoft.com/identity/claims/objectidentifier", ObjectIdOf(person.Email)),
            ("http://schemas.microsoft.com/identity/claims/tenantid", Tenant),
            ("name", person.Name),
            ("preferred_username", person.Email),
            ("http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress", person.Email),
        ];
        if (person.Admin)
        {
            claims.Add(("groups", AdminGroup));
        }

        return claims;
    }

    /// <summary>A stable object id per address, shaped like Entra ID's (a GUID).</summary>
    static string ObjectIdOf(string email) =>
        new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(EmailAddresses.Normalise(email)))[..16]).ToString();

    static string Write(Person person)
    {
        string payload = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(person));
        return payload + "." + Base64Url.EncodeToString(HMACSHA256.HashData(Key, Encoding.ASCII.GetBytes(payload)));
    }

    static Person? Read(string? cookie)
    {
        if (cookie?.Split('.') is not [var payload, var signature]
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(signature), Encoding.ASCII.GetBytes(Base64Url.EncodeToString(HMACSHA256.HashData(Key, Encoding.ASCII.GetBytes(payload))))))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<Person>(Base64Url.DecodeFromChars(payload));
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }

    /// <summary>Where to go after signing in or out: a path of this host only (never another site).</summary>
    static string Target(string? asked) =>
        asked is { Length: > 0 } path && path.StartsWith('/') && !path.StartsWith("//", StringComparison.Ordinal) && !path.Contains('\\', StringComparison.Ordinal)
            ? path
            : ConsoleRoutes.Home;

    static IResult Page(string target, string? problem) => Results.Content($$"""
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Local development sign-in</title>
        <style>body{font:16px/1.5 system-ui,sans-serif;max-width:34rem;margin:2rem auto;padding:0 1rem;color:#1f2a2e}.local{border:3px solid #8a5a00;padding:.6rem .9rem;border-radius:6px;background:#fff8e6}
        label{display:block;font-weight:600;margin:.8rem 0 .2rem}input[type=text],input[type=email]{width:100%;box-sizing:border-box;font:inherit;padding:.6rem;border:1px solid #8a979b;border-radius:5px}
        .choice{display:flex;gap:.6rem;align-items:center;font-weight:normal}button{font:inherit;font-weight:bold;background:#2b6f6a;color:#fff;border:0;border-radius:6px;padding:.8rem 1.4rem;margin-top:1rem;width:100%}
        .error{color:#a4262c;font-weight:600}:focus{outline:3px solid #f2b134;outline-offset:2px}</style></head>
        <body><main>
        <h1>Local development sign-in</h1>
        <p class="local"><strong>Local development only.</strong> No password is checked: you become whoever you type. In Azure, Microsoft Entra ID signs people in instead (infra/README.md).</p>
        {{(problem is null ? "" : $"<p class=\"error\" role=\"alert\">{Html.Encode(problem)}</p>")}}
        <form method="post" action="{{LoginPath}}">
        <input type="hidden" name="target" value="{{Html.Encode(target)}}">
        <label for="name">Name</label><input type="text" id="name" name="name" autocomplete="name" required>
        <label for="email">Email</label><input type="email" id="email" name="email" autocomplete="email" required>
        <label class="choice" for="admin"><input type="checkbox" id="admin" name="admin" value="yes"> Administrator (sees every network)</label>
        <button type="submit">Sign in</button>
        </form>
        </main></body></html>
        """, "text/html; charset=utf-8", Encoding.UTF8, problem is null ? 200 : 400);
}
