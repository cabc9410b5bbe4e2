using NetworkFunctions.Networks;
using NetworkFunctions.Surveys;
using static NetworkFunctions.Tests.Unit.Surveys.SurveyAnswers;

namespace NetworkFunctions.Tests.Unit.Surveys;

public sealed class SurveySummaryTests
{
    [Fact]
    public void CountsResponsesAndTheResponseRate()
    {
        SurveySummary summary = SurveySummary.From(2, [Answer("a", 4, 4, 4), Answer("b", 3, 3, 3), Answer("c", 5, 5, 5)], invited: 4);

        Assert.Equal(2, summary.Meeting);
        Assert.Equal(3, summary.Responses);
        Assert.Equal(4, summary.Invited);
        Assert.Equal(0.75, summary.ResponseRate!.Value, 6);
    }

    [Fact]
    public void AveragesAndDistributesEachQuestion()
    {
        SurveySummary summary = SurveySummary.From(
            2,
            [Answer("a", 5, 2, 1), Answer("b", 4, 4, 1), Answer("c", 4, 5, 3), Answer("d", 2, 4, 5)],
            invited: 10);

        Assert.Equal(3.75, summary.Usefulness.Average!.Value, 6);
        Assert.Equal([0, 1, 0, 2, 1], summary.Usefulness.Distribution);
        Assert.Equal(3.75, summary.Relations.Average!.Value, 6);
        Assert.Equal([0, 1, 0, 2, 1], summary.Relations.Distribution);
        Assert.Equal(2.5, summary.Courage.Average!.Value, 6);
        Assert.Equal([2, 0, 1, 0, 1], summary.Courage.Distribution);
        Assert.Equal(4, summary.Courage.Count);
        Assert.Same(summary.Relations, summary.Rating(SurveyQuestion.Relations));
    }

    [Fact]
    public void HasNoAveragesWithoutAnswers()
    {
        SurveySummary summary = SurveySummary.From(2, [], invited: 12);

        Assert.Equal(0, summary.Responses);
        Assert.Equal(0.0, summary.ResponseRate!.Value, 6);
        Assert.All(SurveyQuestions.All, q =>
        {
            Assert.Null(summary.Rating(q).Average);
            Assert.Equal(0, summary.Rating(q).Count);
            Assert.Equal([0, 0, 0, 0, 0], summary.Rating(q).Distribution);
        });
        Assert.Empty(summary.Worked);
        Assert.Empty(summary.Improve);
        Assert.Empty(summary.NextThemes);
    }

    [Fact]
    public void HasNoRateWhenNobodyWasInvited()
    {
        Assert.Null(SurveySummary.From(2, [], invited: 0).ResponseRate);
        Assert.Null(SurveySummary.From(2, [Answer("a", 3, 3, 3)], invited: 0).ResponseRate);
    }

    [Fact]
    public void CapsTheRateAtAllInvited()
    {
        SurveySummary summary = SurveySummary.From(2, [Answer("a", 3, 3, 3), Answer("b", 3, 3, 3)], invited: 1);

        Assert.Equal(1.0, summary.ResponseRate!.Value, 6);
    }

    [Fact]
    public void CountsTheLatestAnswerOfAMember()
    {
        SurveySummary summary = SurveySummary.From(
            2,
            [Answer("a", 5, 5, 5, worked: "Nyt svar", minutesBeforeClose: 10), Answer("a", 1, 1, 1, worked: "Gammelt svar", minutesBeforeClose: 90)],
            invited: 3);

        Assert.Equal(1, summary.Responses);
        Assert.Equal(5.0, summary.Relations.Average!.Value, 6);
        Assert.Equal(["Nyt svar"], summary.Worked);
    }

    [Fact]
    public void IgnoresAnswersToOtherMeetings()
    {
        SurveySummary summary = SurveySummary.From(2, [Answer("a", 5, 5, 5), Answer("b", 1, 1, 1, meeting: 3)], invited: 3);

        Assert.Equal(1, summary.Responses);
        Assert.Equal(5.0, summary.Courage.Average!.Value, 6);
    }

    [Fact]
    public void LeavesRatingsOutsideOneToFiveUncounted()
    {
        SurveySummary summary = SurveySummary.From(2, [Answer("a", 0, 6, 3), Answer("b", 4, 2, 3)], invited: 2);

        Assert.Equal(2, summary.Responses);
        Assert.Equal(4.0, summary.Usefulness.Average!.Value, 6);
        Assert.Equal(1, summary.Usefulness.Count);
        Assert.Equal([0, 1, 0, 0, 0], summary.Relations.Distribution);
        Assert.Equal(3.0, summary.Courage.Average!.Value, 6);
    }

    [Fact]
    public void ListsFreeTextsTrimmedAlphabeticallyAndWithoutWhoWroteThem()
    {
        SurveySummary summary = SurveySummary.From(
            2,
            [
                Answer("member-zoe", 3, 3, 3, worked: "  Trygheden i gruppen ", improve: "", nextThemes: "Borgerinddragelse"),
                Answer("member-adam", 3, 3, 3, worked: "at møde kolleger fra andre centre", improve: "   ", nextThemes: "Tillid"),
                Answer("member-bo", 3, 3, 3, worked: "", improve: "Mere tid til sparring", nextThemes: "borgerinddragelse"),
            ],
            invited: 5);

        Assert.Equal(["at møde kolleger fra andre centre", "Trygheden i gruppen"], summary.Worked);
        Assert.Equal(["Mere tid til sparring"], summary.Improve);
        Assert.Equal(["Borgerinddragelse", "borgerinddragelse", "Tillid"], summary.NextThemes);
        string json = System.Text.Json.JsonSerializer.Serialize(summary);
        Assert.DoesNotContain("member-", json, StringComparison.Ordinal);
    }
}
