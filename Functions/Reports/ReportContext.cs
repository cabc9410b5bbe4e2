using NetworkFunctions.Networks;

namespace NetworkFunctions.Reports;

/// <summary>
/// What the year-end report page needs beyond the figures; <see cref="Zone"/> is the network's, for meeting dates;
/// <see cref="NetworkId"/>, when given, for the route of next year's draft kickoff document.
/// </summary>
public sealed record ReportContext(string NetworkName, string Organisation, Language Language, TimeZoneInfo Zone, string? NetworkId = null);
