namespace NetworkFunctions.Networks;

/// <summary>The kinds of email, as they appear in the sent records (<c>sent/{meeting}/{kind}/{recipient}.r{revision}</c>).</summary>
public static class MailKinds
{
    public const string Kickoff = "kickoff";
    public const string Invitation = "invitation";
    public const string Update = "update";
    public const string Cancellation = "cancellation";
    public const string Agenda = "agenda";
    public const string FinalAgenda = "final-agenda";

    /// <summary>The agenda the preparers changed after the final agenda went out, to every invited member, once per revision of the agenda.</summary>
    public const string AgendaUpdate = "agenda-update";

    /// <summary>The minutes, to every invited member and the director, under the minutes' revision.</summary>
    public const string Minutes = "minutes";

    /// <summary>The preparers' link to the minutes form, after the meeting.</summary>
    public const string MinutesRequest = "minutes-request";

    /// <summary>The preparers' one reminder when no minutes were sent by the time the survey closes.</summary>
    public const string MinutesReminder = "minutes-reminder";

    /// <summary>The preparers' notice that the final agenda went out as the unapproved draft.</summary>
    public const string AgendaNotApproved = "agenda-not-approved";
    public const string Survey = "survey";
    public const string SurveyReminder = "survey-reminder";
    public const string SurveySummary = "survey-summary";
    public const string Report = "report";

    public static string Reminder(int index) => $"reminder-{index}";

    /// <summary>The consultant's notice that SendGrid refused some mails of a kind.</summary>
    public static string DeliveryFailure(string kind) => $"delivery-failure-{kind}";

    /// <summary>Recipient keys for the people who are not members.</summary>
    public const string Director = "director";
    public const string Facilitator = "facilitator";
    public const string Consultant = "consultant";

    /// <summary>Network-wide mails are filed under meeting 0.</summary>
    public const int NetworkWide = 0;
}
