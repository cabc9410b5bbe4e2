using NetworkFunctions.Networks;

namespace NetworkFunctions.Reports;

/// <summary>What the year-end report page needs beyond the figures; <see cref="Zone"/> is the network's, for meeting dates.</summary>
public sealed record ReportContext(string NetworkName, string Organisation, Language Language, TimeZoneInfo Zone);
