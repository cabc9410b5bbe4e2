using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using NetworkFunctions.Forms;
using NetworkFunctions.Networks;
using NetworkFunctions.Rendering;
using NetworkFunctions.Validation;
using static NetworkFunctions.Tests.Support.DomainFixtures;

namespace NetworkFunctions.Tests.Unit.Forms;

/// <summary>
/// A form sent back with errors opens with a summary at the top (WCAG 3.3.1): every error in the order of the fields,
/// each a link to the field it is about, the page title starting with "Fejl:", and a closed contribution opened when
/// it holds an error.
/// </summary>
public sealed class FormErrorSummaryTests
{
    static readonly FormPages Pages = new(new TemplateRenderer());

    static readonly MeetingContext Context = MeetingContext.Of(Network(), 1);

    static IHtmlDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    static IReadOnlyList<(string Href, string Text)> Summary(IHtmlDocument page) =>
        [.. page.QuerySelectorAll("#errors li a").Cast<IHtmlAnchorElement>().Select(a => (a.GetAttribute("href")!, a.TextContent))];

    [Fact]
    public void The_invitation_form_lists_each_error_linked_to_its_field()
    {
        var errors = new FieldErrors();
        errors.Add("title[1]", "too long");
        errors.Add("attendance", "missing");
        errors.Add("type[2]", "unknown");
        IReadOnlyList<Contribution> posted = [new(ContributionType.Case, "Kort", ""), new(ContributionType.Theme, new string('x', 121), ""), new(ContributionType.Theme, "Tredje", "")];

        IHtmlDocument page = Parse(Pages.Invitation(Context, "/api/forms/t", null, posted, null, errors));

        Assert.Equal(
            [
                ("#attendance-yes", "Kommer du? Vælg ja, måske eller nej."),
                ("#title2", "Bidrag 2, titel: Titlen må højst være 120 tegn."),
                ("#type3", "Bidrag 3, type: Vælg en type."),
            ],
            Summary(page));
        foreach ((string href, _) in Summary(page))
        {
            Assert.NotNull(page.GetElementById(href[1..]));
        }

        Assert.StartsWith("Fejl: Møde 1: svar og bidrag", page.Title, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#errors[role=alert]"));
        Assert.All(page.QuerySelectorAll("details"), d => Assert.True(d.HasAttribute("open")));
    }

    [Fact]
    public void The_survey_form_links_a_rating_to_its_first_choice_and_a_text_to_its_box()
    {
        var errors = new FieldErrors();
        errors.Add("improve", "too long");
        errors.Add("relations", "missing");

        IHtmlDocument page = Parse(Pages.Survey(Context, "/api/forms/t", null, new Dictionary<string, string> { ["improve"] = new('x', 2001) }, errors));

        Assert.Equal(
            [
                ("#relations-1", "Har mødet givet dig nye relationer på tværs af centrene? Vælg et tal fra 1 til 5."),
                ("#improve", "Hvad kan vi gøre bedre? Højst 2000 tegn."),
            ],
            Summary(page));
        Assert.NotNull(page.GetElementById("relations-1"));
        Assert.StartsWith("Fejl: ", page.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void A_form_without_errors_has_no_summary_and_a_plain_title()
    {
        IHtmlDocument page = Parse(Pages.Invitation(Context, "/api/forms/t", null, null, null, null));

        Assert.Null(page.GetElementById("errors"));
        Assert.StartsWith("Møde 1: svar og bidrag", page.Title, StringComparison.Ordinal);
    }
}
