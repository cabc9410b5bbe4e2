using NetworkFunctions.Networks;

namespace NetworkFunctions.Overview;

/// <summary>The status JSON of <c>GET /api/networks/{networkId}</c> (SPEC section 3): counts and phases, and what waits on a fault or was missed (<see cref="Attention"/>); no personal data.</summary>
public sealed record NetworkStatus(
    string NetworkId,
    string Name,
    string RuntimeStatus,
    IReadOnlyList<string> MissingDepartments,
    string? ReportUrl,
    IReadOnlyList<MeetingStatusView> Meetings,
    int Members,
    IReadOnlyList<Attention> Attention);

public sealed record MeetingStatusView(
    int Number,
    DateTimeOffset Start,
    DateTimeOffset End,
    string Phase,
    int Invited,
    int Answered,
    int Attending,
    int Contributions,
    int SurveyAnswers,
    string? AgendaUrl,
    int Revision,
    DateTimeOffset? NextStepAt,
    string? Agenda,
    int Came,
    string CameFrom);
