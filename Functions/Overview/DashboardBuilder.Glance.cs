using NetworkFunctions.Networks;
using NetworkFunctions.Rendering;

namespace NetworkFunctions.Overview;

// The year at a glance: one row per meeting with four small bars, so the whole year fits one screen.
public sealed partial class DashboardBuilder
{
    /// <summary>
    /// A meeting's row: said yes and came against those invited ("came" only once the meeting is over, and marked when
    /// it is the replies because no register was kept), contributions against the year's busiest meeting, and survey
    /// answers against those invited (the survey goes to everyone invited who did not decline, so more may answer than came).
    /// </summary>
    MeetingGlance Glance(DashboardInput input, Meeting meeting, MeetingSnapshot? snapshot, int invited, int saidYes, IReadOnlyDictionary<int, int> contributionsPerMeeting, string? agendaState)
    {
        Network network = input.Network;
        Language l = network.Language;
        if (meeting.Cancelled)
        {
            return new MeetingGlance(Text(l, "dashboard_meeting", ("n", Count(meeting.Number, l))), Formats.ShortDate(meeting.Start, network.Zone, l), null,
                [Gauge.None, Gauge.None, Gauge.None, Gauge.None]);
        }

        bool over = meeting.End <= input.Now;
        int came = snapshot?.Attended.Count(id => network.FindMember(id) is not null) ?? 0;
        int contributions = contributionsPerMeeting.GetValueOrDefault(meeting.Number);
        int mostContributions = contributionsPerMeeting.Values.DefaultIfEmpty(0).Max();
        int surveys = snapshot?.SurveyAnswers ?? 0;
        return new MeetingGlance(
            Text(l, "dashboard_meeting", ("n", Count(meeting.Number, l))),
            Formats.ShortDate(meeting.Start, network.Zone, l),
            agendaState,
            [
                invited == 0 && saidYes == 0 ? Gauge.None : Of(saidYes, Math.Max(invited, saidYes), l),
                !over || invited == 0 ? Gauge.None : Of(came, invited, l) with { Note = snapshot?.RegisterKept == true ? null : Text(l, "dashboard_glance_by_replies") },
                invited == 0 && contributions == 0 ? Gauge.None : new Gauge(Count(contributions, l), Gauge.PercentOf(contributions, mostContributions), Bar: true),
                !over ? Gauge.None : new Gauge(Text(l, "dashboard_glance_answers", ("n", Count(surveys, l))), Gauge.PercentOf(surveys, invited), Bar: true),
            ]);
    }

    /// <summary>"12 af 20" with its bar.</summary>
    Gauge Of(int value, int whole, Language l) =>
        new(Text(l, "dashboard_glance_of", ("value", Count(value, l)), ("whole", Count(whole, l))), Gauge.PercentOf(value, whole), Bar: true);

    /// <summary>The contributions of a meeting's current members, each member's latest answer counted once.</summary>
    static int ContributionsOf(Network network, MeetingSnapshot? snapshot) =>
        snapshot is null
            ? 0
            : snapshot.Answers
                .Where(a => network.FindMember(a.MemberId) is not null)
                .LatestPerMember(snapshot.Number)
                .Sum(a => a.Contributions.Count);
}
