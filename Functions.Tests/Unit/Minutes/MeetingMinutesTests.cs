using Microsoft.Extensions.Primitives;
using NetworkFunctions.Minutes;
using NetworkFunctions.Validation;

namespace NetworkFunctions.Tests.Unit.Minutes;

/// <summary>The minutes as the preparers keep them: prefilled, edited, sent and then fixed, and read from the form.</summary>
public sealed class MeetingMinutesTests
{
    static readonly DateTimeOffset At = new(2027, 2, 3, 13, 0, 0, TimeSpan.Zero);

    static readonly MeetingMinutes Prefilled = MeetingMinutes.Prefilled(1, ["Check-in", "Tema: Frivillige"], ["mb", "ma"]);

    [Fact]
    public void Prefilled_minutes_have_a_block_per_heading_and_the_yes_answers_on_the_register()
    {
        Assert.Equal(["Check-in", "Tema: Frivillige"], Prefilled.Blocks.Select(b => b.Heading));
        Assert.All(Prefilled.Blocks, b => Assert.Equal((null, null, null), (b.KeyPoints, b.Decisions, b.FollowUps)));
        Assert.Equal(["ma", "mb"], Prefilled.Came);
        Assert.Equal(0, Prefilled.Revision);
        Assert.False(Prefilled.Sent);
    }

    [Fact]
    public void Edits_are_trimmed_counted_and_sent_minutes_stay_as_they_are()
    {
        var edits = new MinutesEdits(0, [("  Godt møde ", "", null), (null, "Vi prøver det", " Anne følger op ")], ["mc", "ma", "mc"], Send: false);

        MeetingMinutes saved = edits.ApplyTo(Prefilled, "facilitator", At);

        Assert.Equal(new MinutesBlock("Check-in", "Godt møde", null, null), saved.Blocks[0]);
        Assert.Equal(new MinutesBlock("Tema: Frivillige", null, "Vi prøver det", "Anne følger op"), saved.Blocks[1]);
        Assert.Equal(["ma", "mc"], saved.Came);
        Assert.Equal((1, "facilitator", At, false), (saved.Revision, saved.SavedBy, saved.SavedAt, saved.Sent));

        MeetingMinutes sent = (edits with { Revision = 1, Send = true }).ApplyTo(saved, "consultant", At.AddHours(1));
        Assert.Equal(("consultant", At.AddHours(1), 2), (sent.SentBy, sent.SentAt, sent.Revision));
        Assert.Same(sent, (edits with { Revision = 2 }).ApplyTo(sent, "facilitator", At.AddHours(2)));
    }

    [Fact]
    public void An_erased_member_leaves_the_register()
    {
        Assert.Equal(["mb"], Prefilled.Without("ma").Came);
    }

    [Fact]
    public void The_form_reads_every_block_the_register_and_the_action_and_reports_every_error_under_its_field()
    {
        var members = new HashSet<string>(["ma", "mb"], StringComparer.Ordinal);
        var fields = new Dictionary<string, StringValues>
        {
            ["revision"] = "3",
            ["keyPoints0"] = "Punkter",
            ["followUps1"] = "Opfølgning",
            ["came"] = new(["ma", "mb"]),
            ["action"] = "send",
        };

        (MinutesEdits? edits, FieldErrors errors) = MinutesForm.Read(fields, Prefilled, members);

        Assert.True(errors.IsEmpty);
        Assert.Equal((3, true), (edits!.Revision, edits.Send));
        Assert.Equal([("Punkter", null, null), (null, null, "Opfølgning")], edits.Blocks);
        Assert.Equal(["ma", "mb"], edits.Came);

        fields["revision"] = "";
        fields["decisions1"] = new string('x', MinutesForm.MaxText + 1);
        fields["came"] = new(["ma", "stranger"]);
        (MinutesEdits? refused, FieldErrors refusal) = MinutesForm.Read(fields, Prefilled, members);
        Assert.Null(refused);
        Assert.Equal(["decisions1", "register", "revision"], refusal.ToDictionary().Keys);
    }
}
