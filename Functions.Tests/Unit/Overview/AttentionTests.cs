using System.Net;
using NetworkFunctions.Networks;
using NetworkFunctions.Overview;
using NetworkFunctions.Rendering;
using static NetworkFunctions.Tests.Unit.Overview.DashboardData;

namespace NetworkFunctions.Tests.Unit.Overview;

/// <summary>What waits on a fault or was missed: in the status JSON and at the top of the dashboard.</summary>
public sealed class AttentionTests
{
    static readonly TemplateRenderer Renderer = new();

    static readonly Attention[] Open =
    [
        new(AttentionKinds.EmailConfiguration, Seen.AddMinutes(-30), "SendGrid answered 401: the app's key or sender is refused."),
        new(AttentionKinds.StepMissed, Seen.AddMinutes(-5), "reminder-0 did not run <b>in time</b>", 1, "reminder-0"),
    ];

    [Fact]
    public void The_status_lists_the_open_attention_and_nothing_when_all_is_well()
    {
        NetworkStatus well = NetworkStatusBuilder.Build(Input(), "https://app/api/networks/x");
        NetworkStatus waiting = NetworkStatusBuilder.Build(Input() with { Attention = Open }, "https://app/api/networks/x");

        Assert.Empty(well.Attention);
        Assert.Equal(Open, waiting.Attention);
    }

    [Fact]
    public void The_dashboard_shows_the_attention_first_with_its_meeting_and_encoded_detail()
    {
        string html = DashboardPage.Render(Renderer, Input() with { Attention = Open });

        int heading = html.IndexOf("Kræver opmærksomhed", StringComparison.Ordinal);
        Assert.True(heading >= 0);
        Assert.True(heading < html.IndexOf("year-heading", StringComparison.Ordinal));
        Assert.Contains("Mail venter", html, StringComparison.Ordinal);
        Assert.Contains("Et trin blev ikke udført i tide – møde 1", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;in time&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.Contains("role=\"alert\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dashboard_without_attention_has_no_such_section()
    {
        Assert.DoesNotContain("Kræver opmærksomhed", DashboardPage.Render(Renderer, Input()), StringComparison.Ordinal);
    }
}
