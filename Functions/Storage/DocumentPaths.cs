using System.Globalization;

namespace NetworkFunctions.Storage;

/// <summary>Where each document of a network lives in the documents container. Everything of a network sits under its folder.</summary>
public static class DocumentPaths
{
    public static string Network(string networkId) => $"networks/{networkId}/";

    public static string NetworkDocument(string networkId) => $"networks/{networkId}/network.json";

    public static string Meeting(string networkId, int meeting) => $"networks/{networkId}/meetings/{N(meeting)}/";

    public static string Answers(string networkId, int meeting) => Meeting(networkId, meeting) + "answers/";

    public static string Answer(string networkId, int meeting, string memberId) => Answers(networkId, meeting) + memberId + ".json";

    public static string Surveys(string networkId, int meeting) => Meeting(networkId, meeting) + "surveys/";

    public static string Survey(string networkId, int meeting, string memberId) => Surveys(networkId, meeting) + memberId + ".json";

    public static string AgendaHtml(string networkId, int meeting) => Meeting(networkId, meeting) + "agenda.html";

    /// <summary>The agenda without the page around it, for emails.</summary>
    public static string AgendaBody(string networkId, int meeting) => Meeting(networkId, meeting) + "agenda.body.html";

    /// <summary>The contributions the agenda could not fit: candidates for the next meeting.</summary>
    public static string CarryOver(string networkId, int meeting) => Meeting(networkId, meeting) + "carryover.json";

    public static string AgendaText(string networkId, int meeting) => Meeting(networkId, meeting) + "agenda.txt";

    public static string AgendaJson(string networkId, int meeting) => Meeting(networkId, meeting) + "agenda.json";

    public static string SurveySummaryHtml(string networkId, int meeting) => Meeting(networkId, meeting) + "survey-summary.html";

    public static string SurveySummaryText(string networkId, int meeting) => Meeting(networkId, meeting) + "survey-summary.txt";

    public static string ReportHtml(string networkId) => $"networks/{networkId}/report/report.html";

    public static string ReportBody(string networkId) => $"networks/{networkId}/report/report.body.html";

    public static string ReportText(string networkId) => $"networks/{networkId}/report/report.txt";

    public static string ReportChart(string networkId, string chart) => $"networks/{networkId}/report/{chart}.png";

    /// <summary>The record that one email was accepted by SendGrid: its presence means "do not send again".</summary>
    public static string SentMail(string networkId, int meeting, string kind, string recipient, int revision) =>
        $"networks/{networkId}/sent/{N(meeting)}/{kind}/{recipient}.r{revision.ToString(CultureInfo.InvariantCulture)}.json";

    public static string SentMailOfKind(string networkId, int meeting, string kind) => $"networks/{networkId}/sent/{N(meeting)}/{kind}/";

    static string N(int meeting) => meeting.ToString("00", CultureInfo.InvariantCulture);
}
