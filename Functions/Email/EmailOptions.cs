using System.ComponentModel.DataAnnotations;

namespace NetworkFunctions.Email;

/// <summary>How mail leaves the system (configuration section <c>Email</c>).</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    [Required, EmailAddress]
    public string SenderAddress { get; set; } = "";

    [Required]
    public string SenderName { get; set; } = "NetworkFunctions";

    /// <summary>The SendGrid API key (a Key Vault reference in Azure).</summary>
    [Required]
    public string SendGridApiKey { get; set; } = "";

    /// <summary>Overrides SendGrid's API address; the local host points it at its mail sink.</summary>
    [Url]
    public string? SendGridHost { get; set; }

    /// <summary>How long a send waits for SendGrid's answer before it counts as failed (and is retried).</summary>
    [Range(1, 300)]
    public int SendTimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// How long SendGrid's activity feed may lag behind an accepted mail: a send whose answer was lost is looked up
    /// there, and not sent again until this long after it was handed over.
    /// </summary>
    [Range(0, 3600)]
    public int ActivitySettleSeconds { get; set; } = 300;

    /// <summary>
    /// The verification key of SendGrid's signed event webhook (base64, as SendGrid shows it); empty: the webhook
    /// (<c>POST /api/sendgrid/events</c>) is off and answers 404.
    /// </summary>
    public string? EventWebhookPublicKey { get; set; }

    /// <summary>How many of one step's emails are handed to SendGrid at the same time.</summary>
    [Range(1, 64)]
    public int SendConcurrency { get; set; } = 8;
}
