using NetworkFunctions.Networks;

namespace NetworkFunctions.Surveys;

/// <summary>What the survey summary page needs to know beyond the figures.</summary>
public sealed record SummaryContext(string NetworkName, string Organisation, int MeetingNumber, string? MeetingTitle, Language Language);
