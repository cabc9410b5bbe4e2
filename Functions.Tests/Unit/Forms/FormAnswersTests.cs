using Microsoft.Extensions.Primitives;
using NetworkFunctions.Forms;
using NetworkFunctions.Http;
using NetworkFunctions.Networks;
using NetworkFunctions.Validation;

namespace NetworkFunctions.Tests.Unit.Forms;

public sealed class FormAnswersTests
{
    static Dictionary<string, StringValues> Fields(params (string Name, string[] Values)[] fields) =>
        fields.ToDictionary(f => f.Name, f => new StringValues(f.Values));

    static Dictionary<string, StringValues> Invitation(string attendance, string[] types, string[] titles, string[] descriptions) =>
        Fields(("attendance", [attendance]), ("type", types), ("title", titles), ("description", descriptions));

    static Dictionary<string, StringValues> Survey(string usefulness = "4", string relations = "5", string courage = "3", string worked = "", string improve = "", string nextThemes = "") =>
        Fields(("usefulness", [usefulness]), ("relations", [relations]), ("courage", [courage]), ("worked", [worked]), ("improve", [improve]), ("nextThemes", [nextThemes]));

    static string[] Keys(FieldErrors errors) => errors.ToDictionary().Keys.ToArray();

    [Theory]
    [InlineData("yes", Attendance.Yes)]
    [InlineData("no", Attendance.No)]
    [InlineData("maybe", Attendance.Maybe)]
    public void ReadsTheAttendance(string value, Attendance attendance)
    {
        var (read, contributions, errors) = FormAnswers.ReadInvitation(Fields(("attendance", [value])));

        Assert.Equal(attendance, read);
        Assert.Empty(contributions);
        Assert.True(errors.IsEmpty);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ja")]
    [InlineData("Yes")]
    [InlineData("YES")]
    [InlineData("true")]
    [InlineData("1")]
    public void RefusesAnotherAttendance(string value)
    {
        var (read, _, errors) = FormAnswers.ReadInvitation(Fields(("attendance", [value])));

        Assert.Null(read);
        Assert.Equal(["attendance"], Keys(errors));
    }

    [Fact]
    public void RequiresTheAttendance()
    {
        var (read, _, errors) = FormAnswers.ReadInvitation(Fields(("title", ["Et tema"]), ("type", ["theme"])));

        Assert.Null(read);
        Assert.Equal(["attendance"], Keys(errors));
    }

    [Fact]
    public void TakesTheFirstAttendanceOfSeveral()
    {
        Assert.Equal(Attendance.No, FormAnswers.ReadInvitation(Fields(("attendance", ["no", "yes"]))).Attendance);
    }

    [Fact]
    public void PairsTheIthTypeTitleAndDescription()
    {
        var (_, contributions, errors) = FormAnswers.ReadInvitation(Invitation(
            "yes",
            ["theme", "case", "challenge"],
            ["Samskabelse i landdistrikterne", "Borgermødet i Skælskør", "Når kollegerne ikke vil"],
            ["Hvordan?", "Det gik godt", ""]));

        Assert.True(errors.IsEmpty);
        Assert.Equal(
            [
                new Contribution(ContributionType.Theme, "Samskabelse i landdistrikterne", "Hvordan?"),
                new Contribution(ContributionType.Case, "Borgermødet i Skælskør", "Det gik godt"),
                new Contribution(ContributionType.Challenge, "Når kollegerne ikke vil", ""),
            ],
            contributions);
    }

    [Theory]
    [InlineData("theme", ContributionType.Theme)]
    [InlineData("case", ContributionType.Case)]
    [InlineData("experience", ContributionType.Experience)]
    [InlineData("challenge", ContributionType.Challenge)]
    [InlineData(" case ", ContributionType.Case)]
    public void ReadsEveryContributionType(string type, ContributionType expected)
    {
        var (_, contributions, errors) = FormAnswers.ReadInvitation(Invitation("yes", [type], ["Titel"], [""]));

        Assert.True(errors.IsEmpty);
        Assert.Equal(expected, Assert.Single(contributions).Type);
    }

    [Theory]
    [InlineData("")]
    [InlineData("tema")]
    [InlineData("Theme")]
    [InlineData("idea")]
    public void RefusesAnotherTypeAtItsRow(string type)
    {
        var (_, _, errors) = FormAnswers.ReadInvitation(Invitation("yes", ["theme", type], ["Første", "Anden"], ["", ""]));

        Assert.Equal(["type[1]"], Keys(errors));
    }

    [Fact]
    public void RefusesAMissingTypeForATitle()
    {
        var (_, _, errors) = FormAnswers.ReadInvitation(Invitation("yes", ["theme"], ["Første", "Anden"], []));

        Assert.Equal(["type[1]"], Keys(errors));
    }

    [Fact]
    public void IgnoresRowsWithAnEmptyTitle()
    {
        var (_, contributions, errors) = FormAnswers.ReadInvitation(Invitation(
            "maybe",
            ["theme", "nonsense", "case", "theme"],
            ["", "   ", "Sagen", "\t"],
            ["ignored", "ignored too", "Beskrivelse", "ignored"]));

        Assert.True(errors.IsEmpty);
        Assert.Equal([new Contribution(ContributionType.Case, "Sagen", "Beskrivelse")], contributions);
    }

    [Fact]
    public void AcceptsThreeContributionsAndEmptyRowsBeyond()
    {
        var (_, contributions, errors) = FormAnswers.ReadInvitation(Invitation(
            "yes",
            ["theme", "case", "experience", "challenge", "theme"],
            ["1", "", "2", "3", ""],
            ["", "", "", "", ""]));

        Assert.True(errors.IsEmpty);
        Assert.Equal(["1", "2", "3"], contributions.Select(c => c.Title));
    }

    [Fact]
    public void RefusesMoreThanThreeContributions()
    {
        var (_, contributions, errors) = FormAnswers.ReadInvitation(Invitation(
            "yes",
            ["theme", "case", "experience", "challenge"],
            ["1", "2", "3", "4"],
            ["", "", "", ""]));

        Assert.Equal(4, contributions.Count);
        Assert.Equal(["title"], Keys(errors));
    }

    [Theory]
    [InlineData(1, 0, true)]
    [InlineData(120, 0, true)]
    [InlineData(121, 0, false)]
    [InlineData(10, 2000, true)]
    [InlineData(10, 2001, false)]
    public void LimitsTitlesTo120AndDescriptionsTo2000Characters(int title, int description, bool valid)
    {
        var (_, _, errors) = FormAnswers.ReadInvitation(Invitation("yes", ["case", "theme"], ["Ok", new string('t', title)], ["", new string('d', description)]));

        Assert.Equal(valid, errors.IsEmpty);
        if (!valid)
        {
            Assert.Equal([title > 120 ? "title[1]" : "description[1]"], Keys(errors));
        }
    }

    [Fact]
    public void CountsLengthsAfterCleaning()
    {
        string title = "  " + new string('t', 120) + "\u0007  ";
        string description = new string('a', 1000) + "\r\n" + new string('b', 999);

        var (_, contributions, errors) = FormAnswers.ReadInvitation(Invitation("yes", ["theme"], [title], [description]));

        Assert.True(errors.IsEmpty);
        Assert.Equal(120, contributions[0].Title.Length);
        Assert.Equal(2000, contributions[0].Description.Length);
    }

    [Fact]
    public void ReportsEveryProblemOfTheInvitationForm()
    {
        var (_, _, errors) = FormAnswers.ReadInvitation(Invitation(
            "perhaps",
            ["bad", "theme", "case", "case"],
            [new string('x', 121), "2", "3", "4"],
            ["", new string('y', 2001), "", ""]));

        Assert.Equal(["attendance", "description[1]", "title", "title[0]", "type[0]"], Keys(errors));
    }

    [Fact]
    public void RemovesControlCharactersAndNormalisesLineEnds()
    {
        var (_, contributions, _) = FormAnswers.ReadInvitation(Invitation(
            "yes",
            ["theme"],
            ["\u0000Tit\u0007el\u001b "],
            ["  Linje 1\r\nLinje 2\nLinje\t3\u0000\r\n\r\n"]));

        Assert.Equal("Titel", contributions[0].Title);
        Assert.Equal("Linje 1\nLinje 2\nLinje3", contributions[0].Description);
    }

    [Fact]
    public void KeepsMarkupAsTextForTheRendererToEscape()
    {
        var (_, contributions, _) = FormAnswers.ReadInvitation(Invitation("yes", ["theme"], ["<script>alert(1)</script>"], ["a & b < c"]));

        Assert.Equal("<script>alert(1)</script>", contributions[0].Title);
        Assert.Equal("a & b < c", contributions[0].Description);
    }

    [Fact]
    public void ReadsASurvey()
    {
        var (ratings, texts, errors) = FormAnswers.ReadSurvey(Survey("1", "5", "3", "Godt", "Mere tid", "Frivillighed"));

        Assert.True(errors.IsEmpty);
        Assert.Equal(new Dictionary<string, int> { ["usefulness"] = 1, ["relations"] = 5, ["courage"] = 3 }, ratings);
        Assert.Equal(new Dictionary<string, string> { ["worked"] = "Godt", ["improve"] = "Mere tid", ["nextThemes"] = "Frivillighed", ["commitment"] = "" }, texts);
    }

    [Fact]
    public void Reads_the_optional_follow_up_of_a_commitment()
    {
        static Dictionary<string, StringValues> Fields(params (string, string)[] fields) => fields.ToDictionary(f => f.Item1, f => new StringValues(f.Item2));

        Assert.Equal((Tried.Partly, "Vi nåede halvdelen", true), Without(FormAnswers.ReadFollowUp(Fields(("tried", " partly "), ("triedNote", " Vi nåede halvdelen\r\n ")))));
        Assert.Equal((null, "", false), Without(FormAnswers.ReadFollowUp(Fields())));
        Assert.Equal((null, "Kun en note", true), Without(FormAnswers.ReadFollowUp(Fields(("triedNote", "Kun en note")))));

        var (_, _, _, errors) = FormAnswers.ReadFollowUp(Fields(("tried", "maybe"), ("triedNote", new string('x', FormAnswers.MaxText + 1))));
        Assert.Equal(["tried", "triedNote"], errors.ToDictionary().Keys.Order(StringComparer.Ordinal));
    }

    static (Tried?, string, bool) Without((Tried? Tried, string Note, bool Answered, NetworkFunctions.Validation.FieldErrors Errors) read)
    {
        Assert.True(read.Errors.IsEmpty);
        return (read.Tried, read.Note, read.Answered);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("2")]
    [InlineData("3")]
    [InlineData("4")]
    [InlineData("5")]
    public void AcceptsRatingsFromOneToFive(string rating)
    {
        Assert.True(FormAnswers.ReadSurvey(Survey(rating, rating, rating)).Errors.IsEmpty);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("6")]
    [InlineData("-1")]
    [InlineData("+3")]
    [InlineData(" 3")]
    [InlineData("3.0")]
    [InlineData("3,5")]
    [InlineData("tre")]
    [InlineData("")]
    [InlineData("99999999999")]
    public void RefusesOtherRatings(string rating)
    {
        var (ratings, _, errors) = FormAnswers.ReadSurvey(Survey(usefulness: rating));

        Assert.Equal(["usefulness"], Keys(errors));
        Assert.False(ratings.ContainsKey("usefulness"));
        Assert.Equal(2, ratings.Count);
    }

    [Fact]
    public void RequiresEveryRating()
    {
        var (ratings, texts, errors) = FormAnswers.ReadSurvey(Fields());

        Assert.Empty(ratings);
        Assert.Equal(["courage", "relations", "usefulness"], Keys(errors));
        Assert.Equal(["", "", "", ""], FormAnswers.SurveyTexts.Select(t => texts[t]));
    }

    [Theory]
    [InlineData("worked")]
    [InlineData("improve")]
    [InlineData("nextThemes")]
    public void LimitsSurveyTextsTo2000Characters(string field)
    {
        Dictionary<string, StringValues> fields = Survey();
        fields[field] = new string('x', 2000);
        Assert.True(FormAnswers.ReadSurvey(fields).Errors.IsEmpty);

        fields[field] = new string('x', 2001);
        Assert.Equal([field], Keys(FormAnswers.ReadSurvey(fields).Errors));
    }

    [Fact]
    public void CleansSurveyTexts()
    {
        var (_, texts, _) = FormAnswers.ReadSurvey(Survey(worked: " Godt\r\nsamarbejde\u0000 ", improve: "\u001b[31mrødt", nextThemes: "\r\n"));

        Assert.Equal("Godt\nsamarbejde", texts["worked"]);
        Assert.Equal("[31mrødt", texts["improve"]);
        Assert.Equal("", texts["nextThemes"]);
    }

    [Fact]
    public void ReportsEverySurveyProblemAtOnce()
    {
        var (_, _, errors) = FormAnswers.ReadSurvey(Survey("0", "x", "", new string('a', 2001), new string('b', 2001), new string('c', 2001)));

        Assert.Equal(["courage", "improve", "nextThemes", "relations", "usefulness", "worked"], Keys(errors));
    }
}
