namespace NetworkFunctions.Durable;

/// <summary>A network, as the network-wide activities take it.</summary>
public sealed record NetworkRef(string NetworkId);

/// <summary>A meeting of a network: the meeting orchestration's input, with the <see cref="MeetingShapes">shape</see> the instance runs.</summary>
public sealed record MeetingRef(string NetworkId, int Number, int Shape = MeetingShapes.Original)
{
    /// <summary>The meeting orchestration's instance id: deterministic, so changes can be raised to it.</summary>
    public string InstanceId => InstanceIds.Meeting(NetworkId, Number);
}

/// <summary>A meeting at a given revision (the .ics SEQUENCE the step's emails carry).</summary>
public sealed record MeetingRevisionRef(string NetworkId, int Number, int Revision);

/// <summary>One of a meeting's reminders at a given revision.</summary>
public sealed record ReminderRef(string NetworkId, int Number, int Revision, int Index);
