using NetworkFunctions.Agenda;
using static NetworkFunctions.Tests.Unit.Agenda.AgendaFixtures;

namespace NetworkFunctions.Tests.Unit.Agenda;

/// <summary>
/// The preparers' edits of an agenda (<see cref="AgendaWorkspace.Apply"/>): order, time boxes tiled again from the
/// start, titles, moves, splits, merges, carry-over, drops with reasons, approval and the history of who changed what.
/// </summary>
public sealed class AgendaWorkspaceTests
{
    static readonly DateTimeOffset At = new(2027, 1, 27, 10, 0, 0, TimeSpan.Zero);

    static readonly AgendaCandidate A1 = Theme("a", "Frivillige i ældreplejen");
    static readonly AgendaCandidate A2 = Theme("b", "Frivillige i ældreplejen?");
    static readonly AgendaCandidate B1 = Theme("c", "Digitale borgermøder");
    static readonly AgendaCandidate C1 = Case("d", "Borgermøde om skoleveje");
    static readonly AgendaCandidate X1 = Theme("e", "Sundhedshuse", from: 1);

    /// <summary>09:00–12:30: check-in 15, expert 30, theme A 20 (A1, A2), theme B 20 (B1), break 15, case 25 (C1), challenges 25, next steps 60; X1 carried over.</summary>
    static MeetingAgenda Agenda()
    {
        (AgendaItemKind Kind, int Minutes, string? Title, AgendaCandidate[] Contributions)[] plan =
        [
            (AgendaItemKind.CheckIn, 15, null, []),
            (AgendaItemKind.ExpertInput, 30, null, []),
            (AgendaItemKind.Themes, 20, "Frivillige i ældreplejen", [A1, A2]),
            (AgendaItemKind.Themes, 20, "Digitale borgermøder", [B1]),
            (AgendaItemKind.Break, 15, null, []),
            (AgendaItemKind.CaseSparring, 25, "Borgermøde om skoleveje", [C1]),
            (AgendaItemKind.Challenges, 25, null, []),
            (AgendaItemKind.NextSteps, 60, null, []),
        ];
        var items = new List<AgendaItem>();
        DateTimeOffset at = Start;
        foreach ((AgendaItemKind kind, int minutes, string? title, AgendaCandidate[] contributions) in plan)
        {
            items.Add(new AgendaItem(at, at.AddMinutes(minutes), kind, title, contributions));
            at = at.AddMinutes(minutes);
        }

        return new MeetingAgenda(2, Start, Start.AddMinutes(210), items, [], [X1]);
    }

    /// <summary>The edits that change nothing: every block as it is, every contribution where it is.</summary>
    static AgendaEdits Unchanged(MeetingAgenda agenda, bool approve = false) => new(
        agenda.Revision,
        [.. agenda.Items.Select((item, i) => new BlockEdit(i + 1, AgendaWorkspace.Minutes(agenda, item), item.GroupTitle, item.Description, null))],
        [.. AgendaWorkspace.Contributions(agenda).Select(c =>
            agenda.Items.Select((item, i) => (item, i)).FirstOrDefault(x => x.item.Contributions.Contains(c)) is { item: not null } found
                ? new Placement(PlacementKind.Block, found.i)
                : agenda.Dropped?.FirstOrDefault(d => d.Candidate == c) is { } d ? new Placement(PlacementKind.Dropped, Reason: d.Reason)
                : new Placement(PlacementKind.CarriedOver))],
        agenda.Note,
        approve);

    static AgendaEdits WithBlock(AgendaEdits edits, int index, Func<BlockEdit, BlockEdit> change) =>
        edits with { Blocks = [.. edits.Blocks.Select((b, i) => i == index ? change(b) : b)] };

    static AgendaEdits WithPlacement(AgendaEdits edits, int index, Placement placement) =>
        edits with { Placements = [.. edits.Placements.Select((p, i) => i == index ? placement : p)] };

    static void AssertTiled(MeetingAgenda agenda)
    {
        Assert.Equal(agenda.Start, agenda.Items[0].Start);
        Assert.All(agenda.Items.Zip(agenda.Items.Skip(1)), pair => Assert.Equal(pair.First.End, pair.Second.Start));
        Assert.Equal(agenda.End, agenda.Items[^1].End);
    }

    [Fact]
    public void Nothing_changed_is_the_same_revision_and_no_history()
    {
        MeetingAgenda agenda = Agenda();

        MeetingAgenda after = AgendaWorkspace.Apply(agenda, Unchanged(agenda), "facilitator", At);

        Assert.Same(agenda, after);
    }

    [Fact]
    public void Blocks_are_reordered_by_position_and_tiled_again_from_the_start()
    {
        MeetingAgenda agenda = Agenda();
        // The case before the themes.
        AgendaEdits edits = WithBlock(Unchanged(agenda), 5, b => b with { Position = 3 });

        MeetingAgenda after = AgendaWorkspace.Apply(agenda, edits, "consultant", At);

        Assert.Equal(
            [AgendaItemKind.CheckIn, AgendaItemKind.ExpertInput, AgendaItemKind.Themes, AgendaItemKind.CaseSparring, AgendaItemKind.Themes, AgendaItemKind.Break, AgendaItemKind.Challenges, AgendaItemKind.NextSteps],
            after.Items.Select(i => i.Kind));
        Assert.Equal("Borgermøde om skoleveje", after.Items[3].GroupTitle);
        Assert.Equal(Start.AddMinutes(65), after.Items[3].Start);
        Assert.Equal(Start.AddMinutes(90), after.Items[3].End);
        AssertTiled(after);
        Assert.Equal(1, after.Revision);
        AgendaChange change = Assert.Single(after.History!);
        Assert.Equal(("consultant", At, 1), (change.By, change.At, change.Revision));
        Assert.Equal([AgendaWorkspace.Changes.Order], change.Changes);
    }

    [Fact]
    public void A_longer_block_pushes_the_rest_and_the_last_block_takes_up_what_is_left()
    {
        MeetingAgenda agenda = Agenda();
        AgendaEdits edits = WithBlock(WithBlock(Unchanged(agenda), 1, b => b with { Minutes = 45 }), 7, b => b with { Minutes = 10 });

        MeetingAgenda after = AgendaWorkspace.Apply(agenda, edits, "facilitator", At);

        Assert.Equal(Start.AddMinutes(15), after.Items[1].Start);
        Assert.Equal(Start.AddMinutes(60), after.Items[1].End);
        Assert.Equal(Start.AddMinutes(60), after.Items[2].Start);
        // Next steps was set to 10 minutes, but nothing follows it: it runs to the end, so the half-day stays tiled.
        AssertTiled(after);
        Assert.Empty(AgendaWorkspace.Overflowing(after));
        Assert.Contains(AgendaWorkspace.Changes.Times, after.History![0].Changes);
    }

    [Fact]
    public void Blocks_that_run_past_the_end_are_flagged_not_cut()
    {
        MeetingAgenda agenda = Agenda();
        AgendaEdits edits = WithBlock(Unchanged(agenda), 1, b => b with { Minutes = 90 });

        MeetingAgenda after = AgendaWorkspace.Apply(agenda, edits, "facilitator", At);

        Assert.Equal([7], AgendaWorkspace.Overflowing(after));
        Assert.Equal(Start.AddMinutes(270), after.Items[^1].End);
        Assert.Equal(60, AgendaWorkspace.Minutes(after, after.Items[^1]));
        Assert.Equal(8, after.Items.Count);
    }

    [Fact]
    public void Titles_and_the_expert_input_are_written_trimmed_and_only_where_a_block_has_one()
    {
        MeetingAgenda agenda = Agenda();
        AgendaEdits edits = WithBlock(WithBlock(WithBlock(Unchanged(agenda), 1, b => b with { Title = "  Samskabelse i praksis ", Description = "Oplæg ved <Lone> & dialog" }), 2, b => b with { Title = "Frivillige" }), 0, b => b with { Title = "Ignored" });

        MeetingAgenda after = AgendaWorkspace.Apply(agenda, edits, "facilitator", At);

        Assert.Equal(("Samskabelse i praksis", "Oplæg ved <Lone> & dialog"), (after.Items[1].GroupTitle, after.Items[1].Description));
        Assert.Equal("Frivillige", after.Items[2].GroupTitle);
        Assert.Null(after.Items[0].GroupTitle);
        Assert.Equal([AgendaWorkspace.Changes.Titles, AgendaWorkspace.Changes.ExpertInput], after.History![0].Changes);
    }

    [Fact]
    public void A_contribution_moves_to_another_block_or_is_carried_over()
    {
        MeetingAgenda agenda = Agenda();
        // A2 (index 1) into theme B; B1 (index 2) carried over; X1 (carried, index 4) onto theme A.
        AgendaEdits edits = WithPlacement(WithPlacement(WithPlacement(Unchanged(agenda), 1, new(PlacementKind.Block, 3)), 2, new(PlacementKind.CarriedOver)), 4, new(PlacementKind.Block, 2));

        MeetingAgenda after = AgendaWorkspace.Apply(agenda, edits, "facilitator", At);

        Assert.Equal([A1, X1], after.Items[2].Contributions);
        Assert.Equal([A2], after.Items[3].Contributions);
        Assert.Equal([B1], after.NotFitted);
        Assert.Equal([AgendaWorkspace.Changes.Moves], after.History![0].Changes);
    }

    [Fact]
    public void A_split_makes_a_theme_block_after_its_own_with_half_its_time()
    {
        MeetingAgenda agenda = Agenda();
        AgendaEdits edits = WithPlacement(Unchanged(agenda), 1, new(PlacementKind.NewBlock));

        MeetingAgenda after = AgendaWorkspace.Apply(agenda, edits, "facilitator", At);

        Assert.Equal(9, after.Items.Count);
        Assert.Equal([A1], after.Items[2].Contributions);
        Assert.Equal(10, AgendaWorkspace.Minutes(after, after.Items[2]));
        Assert.Equal((AgendaItemKind.Themes, "Frivillige i ældreplejen?", 10), (after.Items[3].Kind, after.Items[3].GroupTitle, AgendaWorkspace.Minutes(after, after.Items[3])));
        Assert.Equal([A2], after.Items[3].Contributions);
        Assert.Equal([B1], after.Items[4].Contributions);
        AssertTiled(after);
    }

    [Fact]
    public void Merged_theme_blocks_keep_the_first_title_and_both_times()
    {
        MeetingAgenda agenda = Agenda();
        AgendaEdits edits = WithBlock(Unchanged(agenda), 3, b => b with { MergeInto = 2 });

        MeetingAgenda after = AgendaWorkspace.Apply(agenda, edits, "facilitator", At);

        Assert.Equal(7, after.Items.Count);
        Assert.Equal(("Frivillige i ældreplejen", 40), (after.Items[2].GroupTitle, AgendaWorkspace.Minutes(after, after.Items[2])));
        Assert.Equal([A1, A2, B1], after.Items[2].Contributions);
        Assert.Equal([AgendaWorkspace.Changes.Blocks, AgendaWorkspace.Changes.Times, AgendaWorkspace.Changes.Moves], after.History![0].Changes);
        AssertTiled(after);
    }

    [Fact]
    public void Only_theme_blocks_merge()
    {
        MeetingAgenda agenda = Agenda();
        AgendaEdits edits = WithBlock(WithBlock(Unchanged(agenda), 5, b => b with { MergeInto = 2 }), 2, b => b with { MergeInto = 2 });

        Assert.Same(agenda, AgendaWorkspace.Apply(agenda, edits, "facilitator", At));
    }

    [Fact]
    public void A_block_set_to_zero_minutes_goes_and_its_contributions_are_carried_over()
    {
        MeetingAgenda agenda = Agenda();
        AgendaEdits edits = WithBlock(Unchanged(agenda), 5, b => b with { Minutes = 0 });

        MeetingAgenda after = AgendaWorkspace.Apply(agenda, edits, "facilitator", At);

        Assert.DoesNotContain(after.Items, i => i.Kind == AgendaItemKind.CaseSparring);
        Assert.Equal([C1, X1], after.NotFitted);
        AssertTiled(after);
    }

    [Fact]
    public void A_dropped_contribution_keeps_its_reason_who_and_when_until_the_reason_changes()
    {
        MeetingAgenda agenda = Agenda();
        MeetingAgenda dropped = AgendaWorkspace.Apply(agenda, WithPlacement(Unchanged(agenda), 2, new(PlacementKind.Dropped, Reason: " Tages op i ledergruppen ")), "consultant", At);

        DroppedContribution d = Assert.Single(dropped.Dropped!);
        Assert.Equal((B1, "Tages op i ledergruppen", "consultant", At), (d.Candidate, d.Reason, d.By, d.At));
        Assert.Equal([AgendaWorkspace.Changes.Moves, AgendaWorkspace.Changes.Drops], dropped.History![0].Changes);

        // Saved again by the other preparer without touching it: the same drop, same author.
        MeetingAgenda again = AgendaWorkspace.Apply(dropped, Unchanged(dropped) with { Note = "Husk kaffe" }, "facilitator", At.AddHours(1));
        Assert.Equal(d, Assert.Single(again.Dropped!));

        // Put back on the agenda: the dropped are listed last (A1, A2, C1, X1, then B1).
        MeetingAgenda back = AgendaWorkspace.Apply(again, WithPlacement(Unchanged(again), 4, new(PlacementKind.Block, 2)), "facilitator", At.AddHours(2));
        Assert.Empty(back.Dropped!);
        Assert.Contains(B1, back.Items[2].Contributions);
    }

    [Fact]
    public void Approval_holds_until_the_next_change_and_the_history_says_who_did_what()
    {
        MeetingAgenda agenda = Agenda();
        MeetingAgenda approved = AgendaWorkspace.Apply(agenda, Unchanged(agenda, approve: true), "consultant", At);

        Assert.Equal(new AgendaApproval("consultant", At, 0), approved.Approved);
        Assert.Equal(0, approved.Revision);

        MeetingAgenda noted = AgendaWorkspace.Apply(approved, Unchanged(approved) with { Note = "Vi mødes i kantinen" }, "facilitator", At.AddMinutes(5));
        Assert.Null(noted.Approved);
        Assert.Equal(("Vi mødes i kantinen", 1), (noted.Note, noted.Revision));

        MeetingAgenda both = AgendaWorkspace.Apply(noted, WithBlock(Unchanged(noted, approve: true), 1, b => b with { Minutes = 35 }), "facilitator", At.AddMinutes(9));
        Assert.Equal(new AgendaApproval("facilitator", At.AddMinutes(9), 2), both.Approved);
        Assert.Equal(
            [("consultant", 0, "approved"), ("facilitator", 1, "note"), ("facilitator", 2, "times,approved")],
            both.History!.Select(h => (h.By, h.Revision, string.Join(",", h.Changes))));
    }

    [Fact]
    public void A_compressed_meeting_is_edited_in_the_minutes_of_a_nominal_half_day()
    {
        AgendaInput input = Input(TimeSpan.FromSeconds(42), [Theme("a", "Frivillige"), Case("b", "Skoleveje")]);
        MeetingAgenda agenda = AgendaAssembler.Assemble(input);
        Assert.Equal(210, agenda.Items.Sum(i => AgendaWorkspace.Minutes(agenda, i)));

        int last = agenda.Items.Count - 1;
        MeetingAgenda after = AgendaWorkspace.Apply(agenda, WithBlock(WithBlock(Unchanged(agenda), 0, b => b with { Minutes = b.Minutes + 5 }), last, b => b with { Minutes = b.Minutes - 5 }), "facilitator", At);

        Assert.Equal(AgendaWorkspace.Minutes(agenda, agenda.Items[0]) + 5, AgendaWorkspace.Minutes(after, after.Items[0]));
        AssertTiled(after);
    }
}
