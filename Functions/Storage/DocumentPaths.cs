using System.Globalization;
using NetworkFunctions.Networks;

namespace NetworkFunctions.Storage;

/// <summary>
/// Where each document of a network lives in the documents container; known only to Storage. Everything of a network
/// sits under its folder, so a purge is one listing.
/// </summary>
internal static class DocumentPaths
{
    public static string Network(string networkId) => $"networks/{networkId}/";

    public static string NetworkDocument(string networkId) => $"networks/{networkId}/network.json";

    public static string Meeting(string networkId, int meeting) => $"networks/{networkId}/meetings/{N(meeting)}/";

    public static string Answers(string networkId, int meeting) => Meeting(networkId, meeting) + "answers/";

    public static string Answer(string networkId, int meeting, string memberId) => Answers(networkId, meeting) + memberId + ".json";

    public static string Surveys(string networkId, int meeting) => Meeting(networkId, meeting) + "surveys/";

    public static string Survey(string networkId, int meeting, string memberId) => Surveys(networkId, meeting) + memberId + ".json";

    /// <summary>The seal of a meeting's answers or survey answers, beside (not inside) their folder so listings do not see it.</summary>
    public static string Seal(string networkId, int meeting, AnswerKind kind) =>
        Meeting(networkId, meeting) + (kind == AnswerKind.Invitation ? "answers.sealed.json" : "surveys.sealed.json");

    public static string Of(string networkId, int meeting, MeetingDocument document) => Meeting(networkId, meeting) + document switch
    {
        MeetingDocument.AgendaPage => "agenda.html",
        MeetingDocument.AgendaBody => "agenda.body.html",
        MeetingDocument.AgendaText => "agenda.txt",
        MeetingDocument.AgendaJson => "agenda.json",
        MeetingDocument.CarryOver => "carryover.json",
        MeetingDocument.SurveySummaryPage => "survey-summary.html",
        MeetingDocument.SurveySummaryText => "survey-summary.txt",
        MeetingDocument.MinutesJson => "minutes.json",
        MeetingDocument.MinutesPage => "minutes.html",
        MeetingDocument.MinutesBody => "minutes.body.html",
        MeetingDocument.MinutesText => "minutes.txt",
        _ => throw new ArgumentOutOfRangeException(nameof(document), document, null),
    };

    public static string Of(string networkId, ReportDocument document) => $"networks/{networkId}/report/" + document switch
    {
        ReportDocument.Page => "report.html",
        ReportDocument.Body => "report.body.html",
        ReportDocument.Text => "report.txt",
        _ => throw new ArgumentOutOfRangeException(nameof(document), document, null),
    };

    public static string ReportChart(string networkId, string chart) => $"networks/{networkId}/report/{chart}.png";

    /// <summary>The record that one email was accepted by SendGrid: its presence means "do not send again".</summary>
    public static string SentMail(MailKey key) => SentMailOfKind(key.NetworkId, key.Meeting, key.Kind) + RecordName(key);

    /// <summary>The record that SendGrid refused one email for good, beside where its sent record would be.</summary>
    public static string RefusedMail(MailKey key) => $"networks/{key.NetworkId}/failed/{N(key.Meeting)}/{key.Kind}/" + RecordName(key);

    /// <summary>The record that an email is about to be handed to SendGrid: with no sent record beside it, whether it went is unknown.</summary>
    public static string IntendedMail(MailKey key) => $"networks/{key.NetworkId}/intent/{N(key.Meeting)}/{key.Kind}/" + RecordName(key);

    public static string SentMailOfKind(string networkId, int meeting, string kind) => $"networks/{networkId}/sent/{N(meeting)}/{kind}/";

    public static string Erasures(string networkId) => $"networks/{networkId}/erasures/";

    public static string Erasure(string networkId, string key) => Erasures(networkId) + key + ".json";

    public static string Attentions(string networkId) => $"networks/{networkId}/attention/";

    public static string Attention(string networkId, string kind, int? meeting, string? step) =>
        Attentions(networkId) + $"{kind}.{(meeting is { } n ? N(n) : "network")}{(step is null ? "" : "." + step)}.json";

    static string RecordName(MailKey key) => $"{key.Recipient}.r{key.Revision.ToString(CultureInfo.InvariantCulture)}.json";

    static string N(int meeting) => meeting.ToString("00", CultureInfo.InvariantCulture);
}
