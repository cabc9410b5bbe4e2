using NetworkFunctions.Agenda;
using NetworkFunctions.Networks;
using NetworkFunctions.Rendering;

namespace NetworkFunctions.Tests.Unit.Agenda;

/// <summary>The check-in's round of what members tried since last time: counted, quoted without names, in an order that gives nobody away.</summary>
public sealed class TriedRoundTests
{
    static readonly TemplateRenderer Renderer = new();
    static readonly DateTimeOffset At = new(2027, 4, 1, 9, 0, 0, TimeSpan.Zero);

    static InvitationAnswer Answer(string member, CommitmentFollowUp? followUp) => new(member, 2, Attendance.Yes, [], At, followUp);

    [Fact]
    public void Counts_who_tried_and_quotes_how_it_went_alphabetically_without_names()
    {
        string? round = TriedRound.Of(
        [
            Answer("m-zeta", new("Ringe til foreningerne", Tried.Yes, "Tre foreninger sagde ja\r\ntil et møde")),
            Answer("m-alpha", new("Prøve borgerpanel", Tried.No, "")),
            Answer("m-beta", new("Dele erfaringer", Tried.Partly, "Blev afbrudt af budgettet")),
            Answer("m-gamma", null),
        ], Renderer, Language.Da);

        Assert.Equal(
            "Runde: Det har vi prøvet siden sidst – 2 af 3, der svarede, har prøvet det, de ville (helt eller delvist).\n"
            + "– Blev afbrudt af budgettet\n"
            + "– Tre foreninger sagde ja til et møde",
            round);
        Assert.DoesNotContain("m-", round, StringComparison.Ordinal);
    }

    [Fact]
    public void Is_left_out_when_nobody_answered_about_a_commitment()
    {
        Assert.Null(TriedRound.Of([Answer("m1", null)], Renderer, Language.En));
        Assert.StartsWith("Round: what we have tried", TriedRound.Of([Answer("m1", new("x", null, "y"))], Renderer, Language.En), StringComparison.Ordinal);
    }
}
