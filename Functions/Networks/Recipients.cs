namespace NetworkFunctions.Networks;

/// <summary>Who gets which mail of a meeting: pure rules over members, who was invited and who answered.</summary>
public static class Recipients
{
    /// <summary>Current members who were invited to the meeting (a member who joined while a meeting's form was open is invited at once, see <see cref="LateInvitations"/>; later, from the next meeting on).</summary>
    public static IReadOnlyList<Member> Invited(Network network, IReadOnlySet<string> invitedIds) =>
        network.Members.Where(m => invitedIds.Contains(m.Id)).ToList();

    /// <summary>Invited members who have not answered the invitation: the only ones a reminder goes to.</summary>
    public static IReadOnlyList<Member> NotAnswered(Network network, IReadOnlySet<string> invitedIds, IEnumerable<string> answeredIds)
    {
        var answered = answeredIds.ToHashSet(StringComparer.Ordinal);
        return Invited(network, invitedIds).Where(m => !answered.Contains(m.Id)).ToList();
    }

    /// <summary>Invited members who did not say they would stay away: they get the survey.</summary>
    public static IReadOnlyList<Member> Surveyed(Network network, IReadOnlySet<string> invitedIds, IEnumerable<InvitationAnswer> answers)
    {
        var declined = answers.Where(a => a.Attendance == Attendance.No).Select(a => a.MemberId).ToHashSet(StringComparer.Ordinal);
        return Invited(network, invitedIds).Where(m => !declined.Contains(m.Id)).ToList();
    }

    /// <summary>The person behind a mail's recipient key (a member id or a role key); null for a member who has left.</summary>
    public static Person? ByKey(Network network, string key) => key switch
    {
        MailKinds.Director => network.Director,
        MailKinds.Facilitator => network.Facilitator.AsPerson,
        MailKinds.Consultant => network.Consultant,
        _ => network.FindMember(key) is { } member ? new Person(member.Name, member.Email) : null,
    };
}
