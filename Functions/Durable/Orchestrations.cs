namespace NetworkFunctions.Durable;

/// <summary>
/// The names of the two orchestrations, for the triggers that start them. They are function names of running
/// instances and never change (docs/versioning.md); a test holds them equal to the orchestrators' class names.
/// </summary>
public static class Orchestrations
{
    public const string NetworkYear = "NetworkOrchestrator";

    public const string Meeting = "MeetingOrchestrator";

    public const string MemberJoined = "MemberJoinedOrchestrator";

    public const string AgendaUpdate = "AgendaUpdateOrchestrator";

    public const string Minutes = "MinutesOrchestrator";
}
