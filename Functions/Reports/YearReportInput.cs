using NetworkFunctions.Agenda;
using NetworkFunctions.Minutes;
using NetworkFunctions.Networks;

namespace NetworkFunctions.Reports;

/// <summary>
/// Everything the year-end report is computed from: the network as it stands at the end of the year (departments,
/// members, meetings including cancelled ones) and every invitation and survey answer of every meeting (each answer
/// carries its meeting number; a member's latest answer to a meeting counts).
/// </summary>
/// <param name="InvitedIds">
/// Who was invited to each meeting, as recorded when the invitations went out. Optional: for a meeting without a
/// record, the invited are the members who had joined by the invitation time (see <see cref="InvitedMembers"/>).
/// </param>
/// <param name="Missed">The steps recorded as missed (<see cref="AttentionKinds.StepMissed"/>): the report says what did not go out.</param>
/// <param name="Minutes">The minutes the preparers sent, by meeting: who came, and the decisions and follow-ups.</param>
/// <param name="Agendas">Each meeting's agenda as stored (the version members last received), by meeting: the themes worked on.</param>
public sealed record YearReportInput(
    Network Network,
    IReadOnlyList<InvitationAnswer> InvitationAnswers,
    IReadOnlyList<SurveyAnswer> SurveyAnswers,
    IReadOnlyDictionary<int, IReadOnlySet<string>>? InvitedIds = null,
    IReadOnlyList<Attention>? Missed = null,
    IReadOnlyDictionary<int, MeetingMinutes>? Minutes = null,
    IReadOnlyDictionary<int, MeetingAgenda>? Agendas = null);
