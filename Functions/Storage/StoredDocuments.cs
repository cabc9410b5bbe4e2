namespace NetworkFunctions.Storage;

/// <summary>The documents built for one meeting from its answers.</summary>
public enum MeetingDocument
{
    /// <summary>The agenda as a page (HTML).</summary>
    AgendaPage,

    /// <summary>The agenda without the page around it, for emails.</summary>
    AgendaBody,

    AgendaText,

    /// <summary>The agenda's model, read back when a member's data is erased.</summary>
    AgendaJson,

    /// <summary>The contributions the agenda could not fit: candidates for the next meeting.</summary>
    CarryOver,

    SurveySummaryPage,
    SurveySummaryText,

    /// <summary>The minutes (referat) as the preparers keep them: blocks, attendance register, revision, sent.</summary>
    MinutesJson,

    /// <summary>The minutes as a page (HTML).</summary>
    MinutesPage,

    /// <summary>The minutes without the page around it, for emails.</summary>
    MinutesBody,

    MinutesText,
}

/// <summary>The documents of the year-end report (its charts are stored by name beside them).</summary>
public enum ReportDocument
{
    Page,

    /// <summary>The report for the email, charts as <c>cid:</c> images.</summary>
    Body,

    Text,
}

/// <summary>The two kinds of member answer: to a meeting's invitation, and to its survey.</summary>
public enum AnswerKind
{
    Invitation,
    Survey,
}
