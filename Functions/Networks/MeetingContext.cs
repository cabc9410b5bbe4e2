namespace NetworkFunctions.Networks;

/// <summary>A network and one of its meetings, loaded for an activity, with what every message about it needs.</summary>
public sealed record MeetingContext(Network Network, Meeting Meeting, MeetingTimeline Timeline)
{
    public TimeZoneInfo Zone => Network.Zone;

    public Language Language => Network.Language;

    /// <summary>The two who prepare every meeting and receive its agenda and survey summary, with their sent-record keys.</summary>
    public IReadOnlyList<(Person Person, string Key)> Preparers =>
    [
        (Network.Facilitator.AsPerson, MailKinds.Facilitator),
        (Network.Consultant, MailKinds.Consultant),
    ];

    public static MeetingContext Of(Network network, int number)
    {
        Meeting meeting = network.FindMeeting(number) ?? throw new InvalidOperationException($"Network {network.Id} has no meeting {number}.");
        return new MeetingContext(network, meeting, MeetingTimeline.For(meeting, network.Schedule, network.Zone));
    }
}
