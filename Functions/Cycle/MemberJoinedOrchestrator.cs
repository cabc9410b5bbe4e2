using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using NetworkFunctions.Durable;
using NetworkFunctions.Networks;

namespace NetworkFunctions.Cycle;

/// <summary>
/// A member who joins during the year is invited at once to every meeting whose invitations have gone out and whose
/// form is still open, with the calendar entry and their form link; each invitation waits out faults until that
/// meeting's deadline. The invitation has the same sent record as the meeting's own, so it never goes twice.
/// </summary>
public static class MemberJoinedOrchestrator
{
    [Function(nameof(MemberJoinedOrchestrator))]
    public static async Task<int> Run([OrchestrationTrigger] TaskOrchestrationContext context, MemberJoined joined)
    {
        ILogger log = context.CreateReplaySafeLogger(nameof(MemberJoinedOrchestrator));
        (OpenMeeting[] meetings, Patience patience) = await context.CallActivityAsync<OpenMeetings>(nameof(MeetingActivities.GetOpenMeetings), joined, DurableRetry.Default);
        int invited = 0;
        foreach (OpenMeeting meeting in meetings)
        {
            var invitation = new MemberInvitationRef(joined.NetworkId, meeting.Number, meeting.Revision, joined.MemberId);
            if (await PatientSteps.RunAsync(context, log, joined.NetworkId, meeting.Number, MailKinds.Invitation, meeting.DeadlineAt, patience,
                quick => context.CallActivityAsync<StepResult>(nameof(MeetingActivities.SendLateInvitation), invitation, quick)))
            {
                invited++;
            }
        }

        return invited;
    }
}

/// <summary>The meetings a joined member is invited to now, and the patience the invitations have.</summary>
public sealed record OpenMeetings(OpenMeeting[] Meetings, Patience Patience);
