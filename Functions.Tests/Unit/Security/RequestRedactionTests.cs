using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using NetworkFunctions.Hosting;

namespace NetworkFunctions.Tests.Unit.Security;

/// <summary>A request span keeps no bearer token (a member's form, a preparer's workspace) and no query (a function key).</summary>
public sealed class RequestRedactionTests
{
    static Activity Redacted(string method, string path, string query)
    {
        var activity = new Activity("request");
        activity.SetTag("url.path", path);
        activity.SetTag("url.query", query);
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Path = path;
        context.Request.QueryString = new QueryString(query);
        TelemetrySetup.RedactRequest(activity, context.Request);
        return activity;
    }

    [Theory]
    [InlineData("/api/forms/k1.eyJOIjoibiJ9.c2ln", "/api/forms/{token}")]
    [InlineData("/api/agenda/k1.eyJOIjoibiJ9.c2ln", "/api/agenda/{token}")]
    [InlineData("/API/Agenda/k1.x.y", "/api/agenda/{token}")]
    public void A_token_route_becomes_its_template(string path, string template)
    {
        Activity activity = Redacted("POST", path, "?code=secret");

        Assert.Equal(template, activity.GetTagItem("url.path"));
        Assert.Equal($"POST {template}", activity.DisplayName);
        Assert.Null(activity.GetTagItem("url.query"));
    }

    [Fact]
    public void Other_routes_keep_their_path_and_lose_their_query()
    {
        Activity activity = Redacted("GET", "/api/networks/net-1/dashboard", "?code=secret");

        Assert.Equal("/api/networks/net-1/dashboard", activity.GetTagItem("url.path"));
        Assert.Null(activity.GetTagItem("url.query"));
    }
}
