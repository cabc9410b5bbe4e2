using NetworkFunctions.Agenda;
using NetworkFunctions.Networks;

namespace NetworkFunctions.Minutes;

/// <summary>What the minutes say of one agenda block: its key points, the decisions taken and the follow-ups agreed.</summary>
public sealed record MinutesBlock(string Heading, string? KeyPoints, string? Decisions, string? FollowUps);

/// <summary>
/// A meeting's minutes (referat), kept by the two preparers: a block per agenda block, the attendance register (the ids
/// of the members who came), the revision and who saved it last, and — once sent to the members and the director —
/// who sent it and when. Sent minutes no longer change.
/// </summary>
public sealed record MeetingMinutes(
    int MeetingNumber,
    IReadOnlyList<MinutesBlock> Blocks,
    IReadOnlyList<string> Came,
    int Revision,
    string? SavedBy,
    DateTimeOffset? SavedAt,
    string? SentBy = null,
    DateTimeOffset? SentAt = null)
{
    public bool Sent => SentAt is not null;

    /// <summary>
    /// The minutes before anyone wrote them: a block per agenda block (its time, kind and title as the heading) and a
    /// register ticked for the members who said yes. Without an agenda, one block for the whole meeting.
    /// </summary>
    public static MeetingMinutes Prefilled(int meeting, IReadOnlyList<string> headings, IEnumerable<string> saidYes) =>
        new(meeting, [.. headings.Select(h => new MinutesBlock(h, null, null, null))], [.. saidYes.Order(StringComparer.Ordinal)], 0, null, null);

    /// <summary>The register without a member (erasure), and their id nowhere in the minutes.</summary>
    public MeetingMinutes Without(string memberId) => this with { Came = [.. Came.Where(id => id != memberId)] };
}

/// <summary>What one save of the minutes form sets: each block's three texts, the register, and whether to send now.</summary>
public sealed record MinutesEdits(int Revision, IReadOnlyList<(string? KeyPoints, string? Decisions, string? FollowUps)> Blocks, IReadOnlyList<string> Came, bool Send)
{
    /// <summary>The minutes with these edits by <paramref name="by"/> at <paramref name="at"/>; sent minutes stay as they are.</summary>
    public MeetingMinutes ApplyTo(MeetingMinutes minutes, string by, DateTimeOffset at)
    {
        if (minutes.Sent)
        {
            return minutes;
        }

        static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        return minutes with
        {
            Blocks = [.. minutes.Blocks.Select((b, i) => i < Blocks.Count ? b with { KeyPoints = Blank(Blocks[i].KeyPoints), Decisions = Blank(Blocks[i].Decisions), FollowUps = Blank(Blocks[i].FollowUps) } : b)],
            Came = [.. Came.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            Revision = minutes.Revision + 1,
            SavedBy = by,
            SavedAt = at,
            SentBy = Send ? by : null,
            SentAt = Send ? at : null,
        };
    }
}
