using System.ComponentModel.DataAnnotations;

namespace NetworkFunctions.Local.Mail;

/// <summary>Bound from the <c>Local</c> configuration section (<c>Local:MailboxContainer</c>).</summary>
public sealed class MailSinkOptions
{
    public const string Section = "Local";
    public const string DefaultContainer = "dev-mailbox";

    /// <summary>The blob container that holds the mailbox; a valid container name (3-63 lowercase letters, digits, dashes).</summary>
    [Required]
    [RegularExpression("^(?=.{3,63}$)[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9]))*$")]
    public string MailboxContainer { get; set; } = DefaultContainer;
}
