using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using NetworkFunctions.Forms;
using NetworkFunctions.Networks;
using NetworkFunctions.Rendering;
using NetworkFunctions.Validation;
using static NetworkFunctions.Tests.Support.DomainFixtures;

namespace NetworkFunctions.Tests.Unit.Forms;

/// <summary>
/// Commitments on the member's forms: the survey asks what the member will try before next time; the next invitation
/// shows it back (escaped) and asks whether they tried it and how it went; the receipt repeats both.
/// </summary>
public sealed class CommitmentFormTests
{
    static readonly FormPages Pages = new(new TemplateRenderer());

    static readonly MeetingContext Second = MeetingContext.Of(Network(), 2);

    static IHtmlDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    const string Commitment = "Invitere <b>borgerne</b> & foreningerne ind";

    [Fact]
    public void The_survey_asks_what_the_member_will_try_and_says_who_sees_it()
    {
        IHtmlDocument page = Parse(Pages.Survey(MeetingContext.Of(Network(), 1), "/api/forms/t", null, null, null));

        var area = (IHtmlTextAreaElement)page.GetElementById("commitment")!;
        Assert.Equal("commitment", area.Name);
        Assert.Contains("kun du ser det igen", page.QuerySelector("label[for=commitment]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_next_invitation_shows_the_commitment_and_asks_how_it_went()
    {
        string html = Pages.Invitation(Second, "/api/forms/t", null, null, null, null, new CommitmentFollowUp(Commitment, Tried.Partly, "Godt & svært"));
        IHtmlDocument page = Parse(html);

        Assert.Contains("Invitere &lt;b&gt;borgerne&lt;/b&gt; &amp; foreningerne ind", html, StringComparison.Ordinal);
        Assert.Equal("Sidst ville du prøve dette – nåede du det?", page.QuerySelector("fieldset legend + p")?.PreviousElementSibling?.TextContent);
        Assert.True(((IHtmlInputElement)page.QuerySelector("input[name=tried][value=partly]")!).IsChecked);
        Assert.Equal("Godt & svært", ((IHtmlTextAreaElement)page.GetElementById("triedNote")!).Value);
        Assert.Null(Parse(Pages.Invitation(Second, "/api/forms/t", null, null, null, null)).GetElementById("triedNote"));
    }

    [Fact]
    public void A_bad_follow_up_is_in_the_error_summary_linked_to_its_field()
    {
        var errors = new FieldErrors();
        errors.Add("tried", "unknown");
        errors.Add("triedNote", "too long");

        IHtmlDocument page = Parse(Pages.Invitation(Second, "/api/forms/t", null, [], "yes", errors, new CommitmentFollowUp(Commitment, null, "x")));

        string[] targets = [.. page.QuerySelectorAll("#errors li a").Select(a => a.GetAttribute("href")!)];
        Assert.Equal(["#tried-yes", "#triedNote"], targets);
        Assert.All(targets, t => Assert.NotNull(page.GetElementById(t[1..])));
    }

    [Fact]
    public void The_receipt_repeats_the_commitment_and_how_it_went()
    {
        var answer = new InvitationAnswer("m1", 2, Attendance.Yes, [], Now, new CommitmentFollowUp(Commitment, Tried.Yes, "Det virkede"));

        string text = Parse(Pages.InvitationReceived(Second, answer, "/api/forms/t")).QuerySelector("dl")!.TextContent;

        Assert.Contains("Det ville du prøve" + Commitment, text, StringComparison.Ordinal);
        Assert.Contains("Nåede du det?Ja", text, StringComparison.Ordinal);
        Assert.Contains("Hvordan gik detDet virkede", text, StringComparison.Ordinal);
    }
}
