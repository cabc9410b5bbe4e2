using System.Net;
using NetworkFunctions.Agenda;
using NetworkFunctions.Minutes;
using NetworkFunctions.Networks;
using NetworkFunctions.Rendering;
using NetworkFunctions.Reports;
using static NetworkFunctions.Tests.Unit.Reports.ReportData;

namespace NetworkFunctions.Tests.Unit.Reports;

public sealed class YearReportPageTests
{
    const string Script = "<script>alert(1)</script>";
    const string Breakout = "\"><img src=x onerror=alert(1)>";

    static readonly TemplateRenderer Renderer = new();
    static readonly TimeZoneInfo Copenhagen = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");
    static readonly Dictionary<string, string> NoCharts = [];

    static ReportContext Context(Language language = Language.Da) =>
        new("Læringsnetværk for samskabelse", "Slagelse Kommune", language, Copenhagen);

    /// <summary>The HTML as a reader sees it: entities decoded (the encoder writes æ, ø and → as character references).</summary>
    static string Shown(string html) => WebUtility.HtmlDecode(html);

    static (string Html, string Text) Render(YearReport report, Language language = Language.Da, IReadOnlyDictionary<string, string>? charts = null) =>
        YearReportPage.Render(Renderer, report, Context(language), charts ?? NoCharts);

    [Fact]
    public void Shows_who_came_and_the_decisions_and_follow_ups_of_the_minutes_sent()
    {
        Network network = Slagelse();
        string[] ids = [.. network.Members.Select(m => m.Id)];
        var sent = new MeetingMinutes(1, [new MinutesBlock("Tema: Frivillige", null, "Vi prøver <en> model", "Anne samler erfaringer"), new MinutesBlock("Check-in", "Godt", null, null)],
            [ids[0], ids[1], "erased"], 2, "consultant", At(1), "consultant", At(1));
        var draft = sent with { MeetingNumber = 2, SentAt = null, SentBy = null };
        YearReport report = YearReport.From(new YearReportInput(network, [Rsvp(ids[0], 1, Attendance.Yes), Rsvp(ids[2], 1, Attendance.Yes)], [],
            Minutes: new Dictionary<int, MeetingMinutes> { [1] = sent, [2] = draft }));

        (string html, string text) = Render(report);

        Assert.Equal(2, report.Meetings[0].Came);
        Assert.Null(report.Meetings[1].Came);
        Assert.Contains("Tema: Frivillige: Vi prøver &lt;en&gt; model", html, StringComparison.Ordinal);
        Assert.Contains("- Opfølgning: Tema: Frivillige: Anne samler erfaringer", text, StringComparison.Ordinal);
        Assert.Contains("BESLUTNINGER OG OPFØLGNING FRA REFERATERNE", text, StringComparison.Ordinal);
        Assert.Contains(text.Split('\n', StringSplitOptions.TrimEntries), l => l.StartsWith("1 | ", StringComparison.Ordinal) && l.Split(" | ")[3] == "2");
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, "Tema: Frivillige: Vi prøver"));
    }

    [Fact]
    public void Lists_the_themes_and_cases_each_agenda_worked_on_and_whether_it_was_approved()
    {
        Network network = Slagelse();
        AgendaItem Block(AgendaItemKind kind, string? title) => new(At(1), At(1), kind, title, []);
        var approved = new MeetingAgenda(1, At(1), At(1),
            [Block(AgendaItemKind.CheckIn, null), Block(AgendaItemKind.Themes, " Frivillige <i>"), Block(AgendaItemKind.CaseSparring, "Borgerbudget"), Block(AgendaItemKind.Themes, "frivillige <I>"), Block(AgendaItemKind.Themes, " ")],
            [], [], 3, Approved: new AgendaApproval("facilitator", At(1), 3));
        var draft = approved with { MeetingNumber = 2, Items = [Block(AgendaItemKind.Themes, "Data")], Approved = null };
        var empty = approved with { MeetingNumber = 3, Items = [Block(AgendaItemKind.CheckIn, null)] };
        YearReport report = YearReport.From(new YearReportInput(network, [], [],
            Agendas: new Dictionary<int, MeetingAgenda> { [1] = approved, [2] = draft, [3] = empty }));

        (string html, string text) = Render(report);

        Assert.Equal(["Frivillige <i>", "Borgerbudget"], report.Meetings[0].Themes);
        Assert.Equal((true, false), (report.Meetings[0].AgendaApproved, report.Meetings[1].AgendaApproved));
        Assert.Contains("TEMAER, NETVÆRKET ARBEJDEDE MED", text, StringComparison.Ordinal);
        Assert.Contains("(dagsorden godkendt af forberederne)", text, StringComparison.Ordinal);
        Assert.Contains("(dagsordensforslaget, ikke godkendt)\n- Data", text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("<li>Frivillige &lt;i&gt;</li><li>Borgerbudget</li>", html, StringComparison.Ordinal);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(text, "^Møde [0-9].*\\(dagsorden", System.Text.RegularExpressions.RegexOptions.Multiline).Count);
    }

    [Fact]
    public void Counts_the_commitments_made_followed_up_and_tried_and_quotes_how_it_went_anonymously()
    {
        Network network = Slagelse(meetings: FourMeetings(cancelled: 4));
        SurveyAnswer Committed(string member, int meeting, string? commitment) => Survey(member, meeting, 4, 4, 4) with { Commitment = commitment };
        InvitationAnswer FollowedUp(string member, int meeting, Tried? tried, string note) =>
            Rsvp(member, meeting, Attendance.Yes) with { FollowUp = new CommitmentFollowUp("Noget", tried, note) };
        YearReport report = YearReport.From(new YearReportInput(network,
            [FollowedUp("m1", 2, Tried.Yes, "Borgerpanelet <virkede>"), FollowedUp("m2", 2, Tried.No, "Nåede det ikke"), FollowedUp("m3", 3, Tried.Partly, ""), FollowedUp("m4", 4, Tried.Yes, "Aflyst møde")],
            [Committed("m1", 1, "Borgerpanel"), Committed("m2", 1, "Ringe rundt"), Committed("m3", 2, " "), Committed("m3", 2, "Dele erfaringer") with { SubmittedAt = At(2).AddDays(11) }, Committed("m4", 3, null), Committed("m5", 4, "Aflyst")]));

        (string html, string text) = Render(report);

        Assert.Equal((3, 3, 2), (report.Commitments.Made, report.Commitments.Answered, report.Commitments.Tried));
        Assert.Equal(["Borgerpanelet <virkede>"], report.Commitments.Quotes);
        Assert.Contains("Tilsagn om at prøve noget mellem møderne: 3; fulgt op i næste invitation: 3, heraf prøvet helt eller delvist: 2", text, StringComparison.Ordinal);
        Assert.Contains("<li style=\"white-space:pre-line;\">Borgerpanelet &lt;virkede&gt;</li>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Nåede det ikke", text, StringComparison.Ordinal);
        Assert.DoesNotContain("TILSAGN", Render(YearReport.From(new YearReportInput(network, [], []))).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Lists_what_every_agenda_carried_over_and_none_took_up_without_names()
    {
        Network network = Slagelse();
        InvitationAnswer waiting = Rsvp("m1", 1, Attendance.Yes, ContributionType.Theme, ContributionType.Case) with
        {
            Contributions = [new(ContributionType.Theme, "Frivillige <i>", ""), new(ContributionType.Case, "Borgermøde", "")],
        };
        AgendaCandidate Of(int index) => new("m1", "Navn m1", Teknik, waiting.Contributions[index], waiting.SubmittedAt, 1);
        var first = new MeetingAgenda(1, At(1), At(1), [new AgendaItem(At(1), At(1), AgendaItemKind.CaseSparring, "Borgermøde", [Of(1)])], [], [Of(0)]);
        var second = new MeetingAgenda(2, At(2), At(2), [], [], [Of(0)]);
        InvitationAnswer again = waiting with { MemberId = "m2", Contributions = [new(ContributionType.Theme, "frivillige <I> ", "")] };
        AgendaCandidate Again() => new("m2", "Navn m2", Teknik, again.Contributions[0], again.SubmittedAt, 1);
        first = first with { NotFitted = [.. first.NotFitted, Again()] };
        second = second with { NotFitted = [.. second.NotFitted, Again()] };
        YearReport report = YearReport.From(new YearReportInput(network, [waiting, again], [], Agendas: new Dictionary<int, MeetingAgenda> { [1] = first, [2] = second }));

        (string html, string text) = Render(report);

        Assert.Equal(["Frivillige <i>"], report.WaitedAllYear.Select(c => c.Title));
        Assert.Contains("DET VENTEDE HELE ÅRET\n- Tema: Frivillige <i>", text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("<li>Tema: Frivillige &lt;i&gt;</li>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Navn m1", text, StringComparison.Ordinal);
    }

    [Fact]
    public void WritesTheTrendInDanishWords()
    {
        (string html, string text) = Render(FullYear());

        Assert.Contains("<html lang=\"da\">", html, StringComparison.Ordinal);
        Assert.Contains("Årsrapport: Læringsnetværk for samskabelse", Shown(html), StringComparison.Ordinal);
        Assert.Contains("Nye relationer på tværs: 1,7 → 4,7 (+3,0, møde 1 → møde 4)", Shown(html), StringComparison.Ordinal);
        Assert.Contains("Mod til at eksperimentere: 1,3 → 4,3 (+3,0, møde 1 → møde 4)", Shown(html), StringComparison.Ordinal);
        Assert.Contains("Udbytte af mødet: 4,0 → 4,0 (±0,0, møde 1 → møde 4)", Shown(html), StringComparison.Ordinal);
        Assert.Contains("- Nye relationer på tværs: 1,7 → 4,7 (+3,0, møde 1 → møde 4)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void WritesTheTrendInEnglishWords()
    {
        (string html, string text) = Render(FullYear(), Language.En);

        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("Year-end report: Læringsnetværk for samskabelse", Shown(html), StringComparison.Ordinal);
        Assert.Contains("New relations across departments: 1.7 → 4.7 (+3.0, meeting 1 → meeting 4)", Shown(html), StringComparison.Ordinal);
        Assert.Contains("Courage to experiment: 1.3 → 4.3 (+3.0, meeting 1 → meeting 4)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Nye relationer", html, StringComparison.Ordinal);
    }

    [Fact]
    public void SaysWhichStepsWereMissedAndNothingWhenNoneWere()
    {
        DateTimeOffset at = new(2027, 6, 1, 8, 0, 0, TimeSpan.Zero);
        YearReport report = FullYear() with
        {
            Missed =
            [
                new Attention(AttentionKinds.StepMissed, at, "missed", null, MailKinds.Kickoff),
                new Attention(AttentionKinds.StepMissed, at, "missed", 2, MailKinds.Reminder(1)),
                new Attention(AttentionKinds.StepMissed, at, "missed", 3, MailKinds.FinalAgenda),
            ],
        };

        (string html, string text) = Render(report);
        (string english, _) = Render(report, Language.En);

        Assert.Contains("Det, der ikke nåede ud", Shown(html), StringComparison.Ordinal);
        Assert.Contains("<li style=\"margin:0 0 4px 0;\">bekræftelsen af opstarten til direktøren</li>", Shown(html), StringComparison.Ordinal);
        Assert.Contains("Møde 2: påmindelse 1", Shown(html), StringComparison.Ordinal);
        Assert.Contains("- Møde 3: endelig dagsorden", text, StringComparison.Ordinal);
        Assert.Contains("Meeting 2: reminder 1", Shown(english), StringComparison.Ordinal);
        Assert.DoesNotContain("Det, der ikke nåede ud", Shown(Render(FullYear()).Html), StringComparison.Ordinal);
    }

    [Fact]
    public void EveryStepKindHasItsWordsInBothLanguages()
    {
        string[] steps = [MailKinds.Kickoff, MailKinds.Invitation, MailKinds.Update, MailKinds.Cancellation, MailKinds.Agenda, MailKinds.FinalAgenda,
            MailKinds.Survey, MailKinds.SurveyReminder, MailKinds.SurveySummary, MailKinds.Report, MailKinds.Reminder(2)];
        YearReport report = FullYear() with
        {
            Missed = [.. steps.Select(step => new Attention(AttentionKinds.StepMissed, DateTimeOffset.UnixEpoch, "missed", 1, step))],
        };

        // Danish words differ from every step id, so an id shown as it is would be a missing text.
        string danish = Render(report).Text;
        Assert.All(steps, step => Assert.DoesNotContain("Møde 1: " + step + "\n", danish, StringComparison.Ordinal));
        Assert.Equal(steps.Length, Render(report, Language.En).Text.Split('\n').Count(line => line.StartsWith("- Meeting 1: ", StringComparison.Ordinal)));
    }

    [Fact]
    public void SummarisesTheYearInFigures()
    {
        (string html, string text) = Render(FullYear());

        Assert.Contains("Møder holdt: 3 af 4 (1 aflyst)", Shown(html), StringComparison.Ordinal);
        Assert.Contains("Deltagere pr. møde i gennemsnit: 3,0", Shown(html), StringComparison.Ordinal);
        Assert.Contains("Bidrag fra medlemmerne: 12", html, StringComparison.Ordinal);
        Assert.Contains("Evalueringer besvaret: 9 (64 %)", html, StringComparison.Ordinal);
        Assert.Contains("Centre, der har været med: 2 af 3", Shown(html), StringComparison.Ordinal);
        Assert.Contains("Centre, der ikke har været repræsenteret på noget møde: Center for Kultur & Fritid.", Shown(html), StringComparison.Ordinal);
        Assert.Contains("Center for Kultur &amp; Fritid.", html, StringComparison.Ordinal);
        Assert.Contains("- Møder holdt: 3 af 4 (1 aflyst)", text, StringComparison.Ordinal);
        Assert.Contains("Center for Kultur & Fritid.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void SummarisesTheYearInEnglishFigures()
    {
        (string html, _) = Render(FullYear(), Language.En);

        Assert.Contains("Meetings held: 3 of 4 (1 cancelled)", html, StringComparison.Ordinal);
        Assert.Contains("Average attendance per meeting: 3.0", html, StringComparison.Ordinal);
        Assert.Contains("Surveys answered: 9 (64%)", html, StringComparison.Ordinal);
        Assert.Contains("Departments not represented at any meeting: Center for Kultur &amp; Fritid.", html, StringComparison.Ordinal);
    }

    [Fact]
    public void TabulatesAttendanceDepartmentsContributionsAndSurveys()
    {
        (string html, string text) = Render(FullYear());

        Assert.Contains("Deltagelse pr. center", html, StringComparison.Ordinal);
        Assert.Contains("Center for Teknik & Miljø", Shown(html), StringComparison.Ordinal);
        Assert.Contains("Center for Teknik &amp; Milj", html, StringComparison.Ordinal);
        Assert.Contains("3. feb. 2027", html, StringComparison.Ordinal);
        Assert.Contains("Samskabelse i landdistrikterne", html, StringComparison.Ordinal);
        Assert.Contains("Medlemmernes bidrag", html, StringComparison.Ordinal);
        Assert.Contains("Udfordringer", html, StringComparison.Ordinal);

        string[] lines = text.Split('\n', StringSplitOptions.TrimEntries);
        Assert.Contains("Møde | Dato | Ja | Kom | Måske | Nej | Intet svar | Centre", lines);
        Assert.Contains("1 | 3. feb. 2027 | 3 | – | 0 | 1 | 1 | 2", lines);
        Assert.Contains("2 | 3. apr. 2027 | 3 | – | 1 | 0 | 1 | 2", lines);
        Assert.Contains("3 | 3. jun. 2027 | aflyst", lines);
        Assert.Contains("Center | 1 | 2 | 3 (aflyst) | 4 | I alt", lines);
        Assert.Contains("Center for Teknik & Miljø | 2 | 2 | – | 2 | 6", lines);
        Assert.Contains("Center for Børn & Unge | 1 | 1 | – | 1 | 3", lines);
        Assert.Contains("Center for Kultur & Fritid | 0 | 0 | – | 0 | 0", lines);
        Assert.Contains("Møde | Temaer | Cases | Erfaringer | Udfordringer | I alt", lines);
        Assert.Contains("1 | 1 | 1 | 1 | 1 | 4", lines);
        Assert.Contains("I alt | 3 | 3 | 3 | 3 | 12", lines);
        Assert.Contains("1 | 3 (75 %) | 4,0 | 1,7 | 1,3", lines);
        Assert.Contains("4 | 3 (60 %) | 4,0 | 4,7 | 4,3", lines);
        Assert.Contains("Hele året | 9 (64 %) | 4,0 | 3,0 | 2,7", lines);
    }

    [Fact]
    public void ShowsCancelledMeetingsAsCancelled()
    {
        (string html, string text) = Render(FullYear(), Language.En);

        Assert.Contains("3 (cancelled)", html, StringComparison.Ordinal);
        Assert.Contains(">cancelled</td>", html, StringComparison.Ordinal);
        Assert.Contains("3 | 3 Jun 2027 | cancelled", text.Split('\n', StringSplitOptions.TrimEntries));
    }

    [Fact]
    public void ShowsMemberHighlightsOnlyEscaped()
    {
        YearReport report = Report(surveys:
        [
            Survey("m1", 1, 4, 4, 4, worked: "Godt at møde kolleger fra andre centre " + Script, nextThemes: "Ambassadører " + Breakout),
            Survey("m2", 2, 4, 4, 4, worked: Breakout + " og tillid & mod"),
        ]);

        (string html, string text) = Render(report);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror=alert(1)>", html, StringComparison.Ordinal);
        Assert.Contains("centre &lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains(" &quot;&gt;&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
        Assert.Contains("Godt at møde kolleger fra andre centre " + Script, Shown(html), StringComparison.Ordinal);
        Assert.Contains("Ambassadører " + Breakout, Shown(html), StringComparison.Ordinal);
        Assert.Contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt; og tillid &amp; mod", html, StringComparison.Ordinal);
        Assert.Contains("Møde 1: Samskabelse i landdistrikterne", Shown(html), StringComparison.Ordinal);
        Assert.Contains("\"Godt at møde kolleger fra andre centre " + Script + "\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public void EscapesNamesFromTheKickoffDocument()
    {
        Network network = Slagelse(meetings: [FourMeetings()[0] with { Title = "<b>Tema</b>" }]) with { Departments = ["<i>Center</i>"] };
        network = network with { Members = [Joined("m1", "<i>Center</i>")] };
        YearReport report = Report([Rsvp("m1", 1, Attendance.Yes)], [Survey("m1", 1, 3, 3, 3, worked: "Fint")], network);
        var context = new ReportContext("Netværk \"<x>\"", "Kommune & co", Language.Da, Copenhagen);

        (string html, _) = YearReportPage.Render(Renderer, report, context, NoCharts);

        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<i>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<x>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;i&gt;Center&lt;/i&gt;", html, StringComparison.Ordinal);
        Assert.Contains(": &lt;b&gt;Tema&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.Contains("Møde 1: <b>Tema</b>", Shown(html), StringComparison.Ordinal);
    }

    [Fact]
    public void EmbedsDataUriChartsWithAltText()
    {
        YearReport report = FullYear();
        string trend = "data:image/png;base64," + Convert.ToBase64String(ReportCharts.SurveyTrend(report, Language.Da));
        string attendance = "data:image/png;base64," + Convert.ToBase64String(ReportCharts.Attendance(report, Language.Da));

        (string html, _) = Render(report, charts: new Dictionary<string, string>
        {
            [ReportCharts.SurveyTrendName] = trend,
            [ReportCharts.AttendanceName] = attendance,
        });

        Assert.Contains($"<img src=\"{trend}\" alt=\"", html, StringComparison.Ordinal);
        Assert.Contains($"<img src=\"{attendance}\" alt=\"", html, StringComparison.Ordinal);
        string shown = Shown(html);
        Assert.Contains($"<img src=\"{trend}\" alt=\"Linjediagram over gennemsnittet pr. møde", shown, StringComparison.Ordinal);
        Assert.Contains("Nye relationer på tværs: 1,7 → 4,7", shown[shown.IndexOf(trend, StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.Contains($"<img src=\"{attendance}\" alt=\"Søjlediagram over antal deltagere pr. møde fordelt på centre.\"", shown, StringComparison.Ordinal);
    }

    [Fact]
    public void LinksChartsByUrlEncoded()
    {
        (string html, _) = Render(FullYear(), Language.En, new Dictionary<string, string>
        {
            [ReportCharts.SurveyTrendName] = "https://example.blob.core.windows.net/reports/trend.png?sv=1&sig=a+b",
            [ReportCharts.AttendanceName] = "cid:attendance",
        });

        Assert.Contains("src=\"https://example.blob.core.windows.net/reports/trend.png?sv=1&amp;sig=a&#x2B;b\"", html, StringComparison.Ordinal);
        Assert.Contains("src=\"cid:attendance\"", html, StringComparison.Ordinal);
        Assert.Contains("alt=\"Bar chart of the number attending each meeting by department.\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void LeavesOutChartsWithoutAUsableUri()
    {
        (string html, _) = Render(FullYear(), charts: new Dictionary<string, string>
        {
            [ReportCharts.SurveyTrendName] = "javascript:alert(1)",
            [ReportCharts.AttendanceName] = "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        });

        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data:text/html", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ShowsNoChartsWhenNoneAreGiven()
    {
        (string html, _) = Render(FullYear());

        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Contains("Nye relationer på tværs: 1,7 → 4,7", Shown(html), StringComparison.Ordinal);
    }

    [Fact]
    public void RendersAYearWithoutAnswers()
    {
        (string html, string text) = Render(Report());

        Assert.Contains("Der er endnu ikke evalueringssvar fra mindst to møder", Shown(html), StringComparison.Ordinal);
        Assert.Contains("Ingen fritekstsvar fra møderne.", Shown(html), StringComparison.Ordinal);
        Assert.Contains("Deltagere pr. møde i gennemsnit: 0,0", Shown(html), StringComparison.Ordinal);
        Assert.Contains("Evalueringer besvaret: 0 (0 %)", html, StringComparison.Ordinal);
        Assert.Contains("Hele året | 0 (0 %) | – | – | –", text.Split('\n', StringSplitOptions.TrimEntries));
    }

    [Fact]
    public void TitlesTheMessage()
    {
        Assert.Equal("Årsrapport: Læringsnetværk for samskabelse", YearReportPage.Title(Renderer, Context()));
        Assert.Equal("Year-end report: Læringsnetværk for samskabelse", YearReportPage.Title(Renderer, Context(Language.En)));
    }
}
