using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NetworkFunctions.Hosting;
using NetworkFunctions.Networks;
using NetworkFunctions.Telemetry;
using NetworkFunctions.Tests.SystemTests.EndToEnd;
using NetworkFunctions.Tests.Support;
using OpenTelemetry.Metrics;
using Xunit.Abstractions;

namespace NetworkFunctions.Tests.SystemTests.Hosting;

/// <summary>
/// OpenTelemetry on the local host, read with in-memory exporters: a compressed year is one trace from the kickoff
/// request through the orchestrations and activities to each SendGrid call; the metrics count mails, answers, step
/// lateness and open attention; and no span, tag or log line holds a member's name, address, answer or form token.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TelemetryTests(TelemetryHostFixture fixture, ITestOutputHelper output) : IClassFixture<TelemetryHostFixture>
{
    static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_year_is_one_trace_with_its_metrics_and_no_personal_data_in_any_span_or_log()
    {
        using HttpClient http = fixture.Api();
        var mailbox = new Mailbox(http);
        string tag = Guid.NewGuid().ToString("N")[..10];
        string id = $"otel-{tag}";
        JsonObject schedule = CompressedYear.QuickSchedule();
        Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsJsonAsync("/api/networks", CompressedYear.Document(id, DateTimeOffset.UtcNow, [15], schedule, tag, length: 3))).StatusCode);

        string anne = CompressedYear.Email("anne", tag);
        using var forms = new HttpClient();
        ReceivedMail invitation = (await mailbox.WaitForAsync(m => m.Recipient == anne && m.Subject.StartsWith("Invitation"), 1, Wait, "Anne's invitation"))[0];
        Assert.Equal(HttpStatusCode.OK, (await forms.PostAsync(invitation.FormLink, new FormUrlEncodedContent(
            [new("attendance", "yes"), new("type", "theme"), new("title", "Annes hemmelige tema"), new("description", "Kun Anne ved det")]))).StatusCode);
        ReceivedMail survey = (await mailbox.WaitForAsync(m => m.Recipient == anne && m.Subject.StartsWith("Hvordan var"), 1, Wait, "Anne's survey"))[0];
        Assert.Equal(HttpStatusCode.OK, (await forms.PostAsync(survey.FormLink, new FormUrlEncodedContent(
            [new("usefulness", "5"), new("relations", "4"), new("courage", "5"), new("worked", "Annes egne ord om mødet"), new("improve", ""), new("nextThemes", "")]))).StatusCode);
        await mailbox.WaitForAsync(m => m.Recipient.Contains($".{tag}@") && m.Subject.StartsWith("Årsrapport"), 3, Wait, "the year-end report");
        await Polling.UntilAsync(() => Task.FromResult(fixture.Spans.Any(s => s.DisplayName == $"orchestration:{Durable.Orchestrations.NetworkYear}" && Tag(s, "durabletask.task.instance_id") == id) ? "ended" : null), Wait, "the year's orchestration span");
        IReadOnlyList<Activity> spans = fixture.Spans;

        // One trace: the kickoff request, the orchestrations, the activities and every SendGrid call of the year.
        Activity kickoff = Assert.Single(spans, s => s.Kind == ActivityKind.Server && s.DisplayName.StartsWith("POST", StringComparison.Ordinal) && Tag(s, "url.path") == "/api/networks" && spans.Any(c => c.TraceId == s.TraceId && Tag(c, NetworkTelemetry.Tags.NetworkId) == id));
        IReadOnlyList<Activity> sends = spans.Where(s => s.DisplayName == NetworkTelemetry.SendMailSpan && Tag(s, NetworkTelemetry.Tags.NetworkId) == id).ToList();
        output.WriteLine($"{spans.Count} spans; {sends.Count} SendGrid calls of the year; sources: {string.Join(", ", spans.Select(s => s.Source.Name).Distinct())}");
        Assert.Equal(["agenda", "agenda-not-approved", "final-agenda", "invitation", "kickoff", "minutes-reminder", "minutes-request", "reminder", "report", "survey", "survey-reminder", "survey-summary"],
            sends.Select(s => Tag(s, NetworkTelemetry.Tags.MailKind)).Distinct().Order(StringComparer.Ordinal));
        Assert.All(sends, s => Assert.Equal(kickoff.TraceId, s.TraceId));
        Assert.All(sends, s => Assert.Equal("sent", Tag(s, NetworkTelemetry.Tags.Outcome)));
        Assert.All(sends, s => Assert.Equal(ActivityKind.Client, s.Kind));
        Activity kickoffSend = Assert.Single(sends, s => Tag(s, NetworkTelemetry.Tags.MailKind) == MailKinds.Kickoff);
        Activity step = Assert.Single(spans, s => s.SpanId == kickoffSend.ParentSpanId);
        Assert.Equal(TelemetrySetup.DurableTaskSource, step.Source.Name);
        Assert.StartsWith("activity:", step.DisplayName, StringComparison.Ordinal);
        Assert.Contains(spans, s => s.TraceId == kickoff.TraceId && s.DisplayName == $"orchestration:{Durable.Orchestrations.Meeting}");

        // The form requests are in their own traces, by route template: the token is in no span.
        string[] tokens = [Token(invitation.FormLink), Token(survey.FormLink)];
        Assert.Equal(2, spans.Count(s => s.Kind == ActivityKind.Server && s.DisplayName == "POST /api/forms/{token}" && Tag(s, "url.path") == "/api/forms/{token}"));

        // Nothing personal in any span (name, tags, events) or any log line.
        string[] personal = [.. CompressedYear.Members.SelectMany(m => new[] { m.Name, CompressedYear.Email(m.Email.Split('@')[0], tag) }),
            "Annes hemmelige tema", "Kun Anne ved det", "Annes egne ord", .. tokens];
        string[] texts = [.. spans.SelectMany(SpanTexts), .. fixture.Logs.Lines];
        Assert.NotEmpty(texts);
        Assert.Empty(texts.Where(t => personal.Any(p => t.Contains(p, StringComparison.OrdinalIgnoreCase))).Take(5));

        // Metrics: mails by kind and outcome, answers, step lateness, and (after housekeeping) open attention by kind.
        using (var admin = LocalHostFixture.KeyedClient(fixture.Host.BaseAddress, fixture.MasterKey))
        {
            Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsJsonAsync("/admin/functions/Housekeeping", new { input = "" })).StatusCode);
        }

        await Polling.UntilAsync(() => Task.FromResult(fixture.CollectMetrics().ContainsKey(NetworkTelemetry.OpenAttention) ? "counted" : null), Wait, "housekeeping's count of open attention");
        IReadOnlyDictionary<string, MetricSnapshot> metrics = fixture.CollectMetrics();
        Assert.Equal(6, Sum(metrics[NetworkTelemetry.MailsSent], (NetworkTelemetry.Tags.MailKind, "invitation"), (NetworkTelemetry.Tags.Outcome, "sent")));
        Assert.Equal(1, Sum(metrics[NetworkTelemetry.MailsSent], (NetworkTelemetry.Tags.MailKind, "kickoff"), (NetworkTelemetry.Tags.Outcome, "sent")));
        Assert.Equal(1, Sum(metrics[NetworkTelemetry.Answers], (NetworkTelemetry.Tags.FormKind, "invitation")));
        Assert.Equal(1, Sum(metrics[NetworkTelemetry.Answers], (NetworkTelemetry.Tags.FormKind, "survey")));
        MetricPoint lateness = Points(metrics[NetworkTelemetry.StepLateness], (NetworkTelemetry.Tags.Step, "invitation")).Single();
        Assert.Equal(1, lateness.GetHistogramCount());
        Assert.InRange(lateness.GetHistogramSum(), 0, 30);
        Assert.Equal(AttentionKinds.All.Order(StringComparer.Ordinal),
            metrics[NetworkTelemetry.OpenAttention].MetricPoints.Select(p => TagsOf(p)[NetworkTelemetry.Tags.AttentionKind]).Order(StringComparer.Ordinal));
        Assert.All(metrics[NetworkTelemetry.OpenAttention].MetricPoints, p => Assert.Equal(0, p.GetGaugeLastValueLong()));
    }

    static string? Tag(Activity span, string key) => span.GetTagItem(key)?.ToString();

    static string Token(string formLink) => formLink[(formLink.LastIndexOf('/') + 1)..];

    static IEnumerable<string> SpanTexts(Activity span) =>
        [span.DisplayName, span.StatusDescription ?? "",
            .. span.TagObjects.Select(t => $"{t.Key}={t.Value}"),
            .. span.Events.SelectMany(e => e.Tags.Select(t => $"{e.Name} {t.Key}={t.Value}"))];

    static Dictionary<string, string?> TagsOf(MetricPoint point)
    {
        var tags = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, object?> t in point.Tags)
        {
            tags[t.Key] = t.Value?.ToString();
        }

        return tags;
    }

    static IEnumerable<MetricPoint> Points(MetricSnapshot metric, params (string Key, string Value)[] tags) =>
        metric.MetricPoints.Where(p => tags.All(t => TagsOf(p).GetValueOrDefault(t.Key) == t.Value));

    static long Sum(MetricSnapshot metric, params (string Key, string Value)[] tags) =>
        Points(metric, tags).Sum(p => p.GetSumLong());
}
