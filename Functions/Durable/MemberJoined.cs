namespace NetworkFunctions.Durable;

/// <summary>A member who joined during the year: the input of the orchestration that invites them to the meetings still open.</summary>
public sealed record MemberJoined(string NetworkId, string MemberId)
{
    public string InstanceId => InstanceIds.Joined(NetworkId, MemberId);
}

/// <summary>One member's invitation to one meeting at a revision.</summary>
public sealed record MemberInvitationRef(string NetworkId, int Number, int Revision, string MemberId);

/// <summary>A meeting the joined member is invited to, and until when the invitation is worth sending.</summary>
public sealed record OpenMeeting(int Number, int Revision, DateTimeOffset DeadlineAt);
