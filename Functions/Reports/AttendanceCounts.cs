namespace NetworkFunctions.Reports;

/// <summary>How the invited members answered one meeting's invitation.</summary>
public sealed record AttendanceCounts(int Invited, int Yes, int Maybe, int No, int NoAnswer)
{
    public static AttendanceCounts None { get; } = new(0, 0, 0, 0, 0);

    public int Answered => Yes + Maybe + No;

    /// <summary>The share of the invited who answered, null when nobody was invited.</summary>
    public double? AnswerRate => Invited > 0 ? Math.Min(1.0, (double)Answered / Invited) : null;
}
