using System.ComponentModel.DataAnnotations;

namespace NetworkFunctions.Office;

/// <summary>How the office's console signs people in.</summary>
public enum ConsoleSignIn
{
    /// <summary>No sign-in is set up: the console pages say so and show nothing.</summary>
    None,

    /// <summary>
    /// The platform's built-in authentication (App Service authentication with Microsoft Entra ID) signs people in and
    /// passes the principal in <c>X-MS-CLIENT-PRINCIPAL</c>; the platform removes that header from what a client sends.
    /// <c>Functions.Local</c> plays the platform's part with its development sign-in.
    /// </summary>
    AppService,
}

/// <summary>Settings of the office's console (configuration section <c>Console</c>).</summary>
public sealed class ConsoleOptions : IValidatableObject
{
    public const string Section = "Console";

    public ConsoleSignIn SignIn { get; set; } = ConsoleSignIn.None;

    /// <summary>The Entra tenant people sign in from; a principal from any other tenant is refused. Required with <see cref="ConsoleSignIn.AppService"/>.</summary>
    [MaxLength(100)]
    public string TenantId { get; set; } = "";

    /// <summary>The object id of the group whose members see and change every network (empty: nobody does).</summary>
    [MaxLength(100)]
    public string AdminGroup { get; set; } = "";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (SignIn == ConsoleSignIn.AppService && string.IsNullOrWhiteSpace(TenantId))
        {
            yield return new ValidationResult(
                $"{Section}:{nameof(TenantId)} is required when {Section}:{nameof(SignIn)} is {nameof(ConsoleSignIn.AppService)}.",
                [nameof(TenantId)]);
        }
    }
}
