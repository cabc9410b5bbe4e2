namespace NetworkFunctions.Agenda;

/// <summary>
/// The minutes a meeting's agenda is planned in: real minutes, or for a compressed meeting (tests, demos) the minutes
/// of a nominal half-day of <see cref="AgendaAssembler.NominalCompressedMinutes"/> mapped linearly onto the real span.
/// The preparers' workspace shows and takes time boxes in these minutes, so a compressed meeting reads like a real one.
/// </summary>
public sealed record AgendaMinutes(DateTimeOffset Start, DateTimeOffset End)
{
    public bool Compressed => AgendaAssembler.IsCompressed(Start, End);

    /// <summary>The meeting's length in planning minutes.</summary>
    public int Nominal => Compressed
        ? AgendaAssembler.NominalCompressedMinutes
        : (int)Math.Min(Math.Floor((End - Start).TotalMinutes), int.MaxValue / 2);

    /// <summary>The instant of planning minute <paramref name="minute"/>; past <see cref="Nominal"/> it runs on beyond the end at the same rate.</summary>
    public DateTimeOffset At(int minute) =>
        minute == Nominal ? End
        : Compressed ? Start.AddTicks((long)((Int128)(End - Start).Ticks * minute / Nominal))
        : Start.AddMinutes(minute);

    /// <summary>How many planning minutes lie between two instants of the meeting, rounded.</summary>
    public int Between(DateTimeOffset from, DateTimeOffset to) =>
        Compressed
            ? (int)Math.Round((double)(to - from).Ticks * Nominal / (End - Start).Ticks, MidpointRounding.AwayFromZero)
            : (int)Math.Round((to - from).TotalMinutes, MidpointRounding.AwayFromZero);
}
