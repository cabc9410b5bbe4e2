namespace NetworkFunctions.Agenda;

/// <summary>Where the preparers put one contribution.</summary>
public enum PlacementKind
{
    /// <summary>In the block <see cref="Placement.Block"/>.</summary>
    Block,

    /// <summary>In a new theme block of its own, right after where it was (splitting a theme block).</summary>
    NewBlock,

    /// <summary>Not at this meeting: a candidate for the next one.</summary>
    CarriedOver,

    /// <summary>Taken off, with <see cref="Placement.Reason"/>, which the member can read later.</summary>
    Dropped,
}

public sealed record Placement(PlacementKind Kind, int Block = -1, string? Reason = null);

/// <summary>
/// What the preparers set for one block (by its index in the revision they edited): its place in the order, its length
/// in planning minutes (<see cref="AgendaMinutes"/>; 0 removes the block and carries its contributions over), its title
/// (theme, case and expert blocks), the expert input's description, and a theme block to merge it into.
/// </summary>
public sealed record BlockEdit(int Position, int Minutes, string? Title, string? Description, int? MergeInto);

/// <summary>One save of the workspace, made on <see cref="Revision"/>: a block edit per block, a placement per contribution (<see cref="AgendaWorkspace.Contributions"/>).</summary>
public sealed record AgendaEdits(int Revision, IReadOnlyList<BlockEdit> Blocks, IReadOnlyList<Placement> Placements, string? Note, bool Approve);

/// <summary>
/// The preparers' changes to an agenda, pure: the blocks in their new order and lengths, tiled again from the meeting's
/// start (the last block takes up time left over, so the half-day stays tiled; a block that ends after the meeting is
/// flagged by <see cref="Overflowing"/>, never cut), contributions moved, carried over or dropped, blocks merged or
/// split, and who changed what when.
/// </summary>
public static class AgendaWorkspace
{
    /// <summary>The kinds of change a history entry names (texts <c>workspace_change_{kind}</c>).</summary>
    public static class Changes
    {
        public const string Order = "order";
        public const string Times = "times";
        public const string Titles = "titles";
        public const string ExpertInput = "expertInput";
        public const string Blocks = "blocks";
        public const string Moves = "moves";
        public const string Drops = "drops";
        public const string Note = "note";
        public const string Approved = "approved";
    }

    /// <summary>The newest entries of the history that are kept.</summary>
    public const int MaxHistory = 100;

    /// <summary>Every contribution in the order the workspace lists them: the blocks' in block order, then those carried over, then those dropped.</summary>
    public static IReadOnlyList<AgendaCandidate> Contributions(MeetingAgenda agenda) =>
        [.. agenda.Items.SelectMany(i => i.Contributions), .. agenda.NotFitted, .. (agenda.Dropped ?? []).Select(d => d.Candidate)];

    /// <summary>Whether the preparers may title a block of this kind.</summary>
    public static bool Titled(AgendaItemKind kind) => kind is AgendaItemKind.Themes or AgendaItemKind.CaseSparring or AgendaItemKind.ExpertInput;

    /// <summary>A block's length in planning minutes.</summary>
    public static int Minutes(MeetingAgenda agenda, AgendaItem item) => new AgendaMinutes(agenda.Start, agenda.End).Between(item.Start, item.End);

    /// <summary>The indices of the blocks that end after the meeting does.</summary>
    public static IReadOnlyList<int> Overflowing(MeetingAgenda agenda) =>
        [.. agenda.Items.Select((item, i) => (item, i)).Where(x => x.item.End > agenda.End).Select(x => x.i)];

    /// <summary>
    /// The agenda with <paramref name="edits"/> applied by <paramref name="by"/> at <paramref name="at"/>: the next revision
    /// when anything changed (approval cleared unless approved in the same save), the same one when nothing did.
    /// Edits that do not fit the agenda (a block or contribution index out of range) are ignored: the form reader
    /// refuses them first.
    /// </summary>
    public static MeetingAgenda Apply(MeetingAgenda agenda, AgendaEdits edits, string by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(agenda);
        ArgumentNullException.ThrowIfNull(edits);
        var minutes = new AgendaMinutes(agenda.Start, agenda.End);
        List<Work> blocks = [.. agenda.Items.Select((item, i) => Work.Of(agenda, item, i, i < edits.Blocks.Count ? edits.Blocks[i] : null))];
        IReadOnlyList<AgendaCandidate> all = Contributions(agenda);
        var previouslyDropped = (agenda.Dropped ?? []).GroupBy(d => d.Candidate).ToDictionary(g => g.Key, g => g.First());
        var carried = new List<AgendaCandidate>();
        var dropped = new List<DroppedContribution>();
        var added = new List<Work>();
        Work? lastTheme = blocks.LastOrDefault(b => b.Kind == AgendaItemKind.Themes);

        for (int k = 0; k < all.Count; k++)
        {
            AgendaCandidate candidate = all[k];
            Work? from = blocks.FirstOrDefault(b => agenda.Items[b.Index].Contributions.Contains(candidate));
            Placement placement = k < edits.Placements.Count ? edits.Placements[k] : Stay(agenda, blocks, from, previouslyDropped.ContainsKey(candidate));
            switch (placement.Kind)
            {
                case PlacementKind.Block when placement.Block >= 0 && placement.Block < blocks.Count:
                    blocks[placement.Block].Contributions.Add(candidate);
                    break;
                case PlacementKind.NewBlock:
                    // A split: the new theme block follows the block it came from and takes half its time.
                    Work anchor = from ?? lastTheme ?? blocks[^1];
                    int length = from is { Minutes: > 1 } ? from.Minutes / 2 : AgendaAssembler.ThemeBlockMinutes;
                    if (from is not null)
                    {
                        from.Minutes -= length;
                    }

                    var split = new Work(-1, AgendaItemKind.Themes, candidate.Contribution.Title.Trim(), null, anchor.Position, anchor.Index, added.Count + 1) { Minutes = length };
                    split.Contributions.Add(candidate);
                    added.Add(split);
                    break;
                case PlacementKind.Dropped:
                    string reason = (placement.Reason ?? "").Trim();
                    dropped.Add(previouslyDropped.TryGetValue(candidate, out DroppedContribution? before) && before.Reason == reason
                        ? before
                        : new DroppedContribution(candidate, reason, by, at));
                    break;
                default:
                    carried.Add(candidate);
                    break;
            }
        }

        blocks.AddRange(added);
        MergeThemes(blocks, edits);
        foreach (Work removed in blocks.Where(b => b.Minutes <= 0).ToList())
        {
            carried.InsertRange(0, removed.Contributions);
            blocks.Remove(removed);
        }

        List<Work> ordered = [.. blocks.OrderBy(b => b.Position).ThenBy(b => b.AnchorIndex).ThenBy(b => b.Sequence)];
        var items = new List<AgendaItem>(ordered.Count);
        int minute = 0;
        foreach (Work block in ordered)
        {
            DateTimeOffset start = minutes.At(minute);
            minute += block.Minutes;
            DateTimeOffset end = block == ordered[^1] && minute < minutes.Nominal ? agenda.End : minutes.At(minute);
            items.Add(new AgendaItem(start, end, block.Kind, block.Title, block.Contributions, block.Description));
        }

        string? note = string.IsNullOrWhiteSpace(edits.Note) ? null : edits.Note.Trim();
        MeetingAgenda changed = agenda with { Items = items, NotFitted = carried, Dropped = dropped, Note = note };
        List<string> changes = [.. Differences(agenda, changed, ordered)];
        int revision = changes.Count > 0 ? agenda.Revision + 1 : agenda.Revision;
        if (edits.Approve)
        {
            changes.Add(Changes.Approved);
        }

        if (changes.Count == 0)
        {
            return agenda;
        }

        return changed with
        {
            Revision = revision,
            Approved = edits.Approve ? new AgendaApproval(by, at, revision) : revision == agenda.Revision ? agenda.Approved : null,
            History = [.. (agenda.History ?? []).TakeLast(MaxHistory - 1), new AgendaChange(by, at, revision, changes)],
        };
    }

    /// <summary>Where a contribution stays when the form says nothing of it (it was added after the form was shown).</summary>
    static Placement Stay(MeetingAgenda agenda, List<Work> blocks, Work? from, bool dropped) =>
        from is not null ? new Placement(PlacementKind.Block, blocks.IndexOf(from))
        : dropped ? new Placement(PlacementKind.Dropped, Reason: "")
        : new Placement(PlacementKind.CarriedOver);

    /// <summary>Theme blocks merged into another theme block give it their contributions and their time.</summary>
    static void MergeThemes(List<Work> blocks, AgendaEdits edits)
    {
        foreach (Work source in blocks.Where(b => b.Index >= 0).ToList())
        {
            if (source.Index >= edits.Blocks.Count || edits.Blocks[source.Index].MergeInto is not { } target)
            {
                continue;
            }

            // Follow a chain (a into b, b into c) to the block that stays.
            Work? into = blocks.FirstOrDefault(b => b.Index == target);
            for (int hops = 0; into is not null && into.Index < edits.Blocks.Count && edits.Blocks[into.Index].MergeInto is { } next && hops < blocks.Count; hops++)
            {
                into = blocks.FirstOrDefault(b => b.Index == next);
            }

            if (into is null || into == source || source.Kind != AgendaItemKind.Themes || into.Kind != AgendaItemKind.Themes || !blocks.Contains(source))
            {
                continue;
            }

            into.Contributions.AddRange(source.Contributions);
            into.Minutes += source.Minutes;
            blocks.Remove(source);
        }
    }

    /// <summary>What kinds of change lead from <paramref name="before"/> to <paramref name="after"/>, whose blocks are <paramref name="blocks"/>.</summary>
    static IEnumerable<string> Differences(MeetingAgenda before, MeetingAgenda after, List<Work> blocks)
    {
        List<Work> kept = [.. blocks.Where(b => b.Index >= 0)];
        if (kept.Count != before.Items.Count || kept.Count != blocks.Count)
        {
            yield return Changes.Blocks;
        }

        if (!kept.Select(b => b.Index).SequenceEqual(kept.Select(b => b.Index).Order()))
        {
            yield return Changes.Order;
        }

        if (kept.Any(b => b.Minutes != Minutes(before, before.Items[b.Index])))
        {
            yield return Changes.Times;
        }

        if (kept.Any(b => b.Title != before.Items[b.Index].GroupTitle))
        {
            yield return Changes.Titles;
        }

        if (kept.Any(b => b.Kind == AgendaItemKind.ExpertInput && b.Description != before.Items[b.Index].Description))
        {
            yield return Changes.ExpertInput;
        }

        if (!Placements(before).SequenceEqual(Placements(after)) || !before.NotFitted.SequenceEqual(after.NotFitted))
        {
            yield return Changes.Moves;
        }

        if (!(before.Dropped ?? []).SequenceEqual(after.Dropped ?? []))
        {
            yield return Changes.Drops;
        }

        if (before.Note != after.Note)
        {
            yield return Changes.Note;
        }
    }

    /// <summary>Which contributions sit together in a block, whatever the blocks' order.</summary>
    static IEnumerable<string> Placements(MeetingAgenda agenda) =>
        agenda.Items
            .Select(i => string.Join("|", i.Contributions.Select(c => $"{c.MemberId}/{c.FromMeeting}/{c.Contribution.Title}")))
            .Order(StringComparer.Ordinal);

    /// <summary>A block while it is being changed.</summary>
    sealed class Work(int index, AgendaItemKind kind, string? title, string? description, int position, int anchorIndex, int sequence)
    {
        public int Index { get; } = index;

        public AgendaItemKind Kind { get; } = kind;

        public string? Title { get; } = title;

        public string? Description { get; } = description;

        public int Position { get; } = position;

        /// <summary>Orders blocks of the same position: the block first, then what was split off it.</summary>
        public int AnchorIndex { get; } = anchorIndex;

        public int Sequence { get; } = sequence;

        public int Minutes { get; set; }

        public List<AgendaCandidate> Contributions { get; } = [];

        public static Work Of(MeetingAgenda agenda, AgendaItem item, int index, BlockEdit? edit)
        {
            string? title = Titled(item.Kind) && edit is not null ? Blank(edit.Title) : item.GroupTitle;
            string? description = item.Kind == AgendaItemKind.ExpertInput && edit is not null ? Blank(edit.Description) : item.Description;
            return new Work(index, item.Kind, title, description, edit?.Position ?? index + 1, index, 0)
            {
                Minutes = edit?.Minutes ?? AgendaWorkspace.Minutes(agenda, item),
            };
        }

        static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }
}
