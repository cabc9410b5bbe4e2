using System.ComponentModel.DataAnnotations;

namespace NetworkFunctions.Networks;

/// <summary>Settings of the product itself (configuration section <c>Network</c>).</summary>
public sealed class NetworkOptions
{
    public const string Section = "Network";

    /// <summary>The address members reach the API at; form links in emails start with it.</summary>
    [Required, Url]
    public string PublicBaseUrl { get; set; } = "";

    /// <summary>The blob container holding kickoff documents, answers, agendas and reports.</summary>
    [Required, RegularExpression("^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){2,62}$")]
    public string DocumentsContainer { get; set; } = "network-documents";

    /// <summary>
    /// Days after a network's last meeting before the daily housekeeping purges its personal data (once the network's
    /// orchestration has finished). 0 keeps nothing: the first housekeeping run after the network finished purges it.
    /// </summary>
    [Range(0, 3650)]
    public int RetentionDays { get; set; } = 365;
}
