using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace NetworkFunctions.Telemetry;

/// <summary>
/// The app's own spans and metrics, with stable names (<c>docs/operations.md</c> lists them). Tags carry ids, kinds
/// and outcomes only: never a name, an address, an answer or a form token.
/// </summary>
public static class NetworkTelemetry
{
    public const string Name = "NetworkFunctions";

    public const string MailsSent = "networkfunctions.mails";
    public const string Answers = "networkfunctions.answers";
    public const string StepLateness = "networkfunctions.step.lateness";
    public const string OpenAttention = "networkfunctions.attention.open";

    /// <summary>The span around one SendGrid call.</summary>
    public const string SendMailSpan = "sendgrid.send";

    public static class Tags
    {
        public const string NetworkId = "networkfunctions.network.id";
        public const string Meeting = "networkfunctions.meeting";
        public const string MailKind = "networkfunctions.mail.kind";
        public const string Outcome = "networkfunctions.outcome";
        public const string FormKind = "networkfunctions.form.kind";
        public const string Step = "networkfunctions.step";
        public const string AttentionKind = "networkfunctions.attention.kind";
    }

    public static readonly ActivitySource Source = new(Name);

    static readonly Meter Meter = new(Name);

    static readonly Counter<long> Mails = Meter.CreateCounter<long>(MailsSent, "{mail}",
        "Mails handed to SendGrid, by kind and outcome (sent, refused, or the fault that makes it wait).");

    static readonly Counter<long> AnswerCount = Meter.CreateCounter<long>(Answers, "{answer}",
        "Answers stored from the forms, by form kind.");

    static readonly Histogram<double> Lateness = Meter.CreateHistogram<double>(StepLateness, "s",
        "How long after its due time a meeting's step sent its mails.");

    static readonly Gauge<long> Attention = Meter.CreateGauge<long>(OpenAttention, "{item}",
        "Attention items open across the deployment, by kind, as housekeeping counted them.");

    public static void Mail(string kind, string outcome) =>
        Mails.Add(1, new(Tags.MailKind, KindOf(kind)), new(Tags.Outcome, outcome));

    public static void Answer(string formKind) => AnswerCount.Add(1, new KeyValuePair<string, object?>(Tags.FormKind, formKind));

    public static void StepRan(string kind, TimeSpan late) =>
        Lateness.Record(Math.Max(0, late.TotalSeconds), new KeyValuePair<string, object?>(Tags.Step, KindOf(kind)));

    public static void AttentionOpen(string kind, long count) =>
        Attention.Record(count, new KeyValuePair<string, object?>(Tags.AttentionKind, kind));

    /// <summary>A mail kind without its index (<c>reminder-2</c> → <c>reminder</c>), so the metrics keep few series.</summary>
    public static string KindOf(string kind) =>
        kind.StartsWith("reminder-", StringComparison.Ordinal) ? "reminder"
        : kind.StartsWith("delivery-failure-", StringComparison.Ordinal) ? "delivery-failure"
        : kind;
}
