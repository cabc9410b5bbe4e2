using NetworkFunctions.Agenda;
using NetworkFunctions.Calendar;
using NetworkFunctions.Cycle;
using NetworkFunctions.Durable;
using NetworkFunctions.Email;
using NetworkFunctions.Forms;
using NetworkFunctions.Http;
using NetworkFunctions.Minutes;
using NetworkFunctions.Networks;
using NetworkFunctions.Rendering;
using NetworkFunctions.Validation;
using NetworkFunctions.Tests.Support;
using static NetworkFunctions.Tests.Support.DomainFixtures;

namespace NetworkFunctions.Tests.Unit.Security;

/// <summary>
/// Each payload of the <see cref="XssCorpus"/> alone through the real renderers: the email template (which every
/// mail kind uses, cancellations and operations notices included), the member pages, and the three kinds of .ics.
/// The year test drives the same outputs through the running system with all payloads at once.
/// </summary>
public sealed class XssRenderingTests
{
    static readonly TemplateRenderer Renderer = new();
    static readonly EmailComposer Composer = new(Renderer);
    static readonly FormPages Pages = new(Renderer);
    static readonly AgendaWorkspacePage Workspace = new(Renderer);
    static readonly MinutesPages Minutes = new(Renderer, Workspace);
    static readonly DateTimeOffset Stamp = new(2026, 11, 28, 9, 15, 30, TimeSpan.Zero);

    public static TheoryData<string> Payloads() => new(XssCorpus.All);

    public static TheoryData<string> InlinePayloads() => new(XssCorpus.Inline);

    public static TheoryData<string> MultilinePayloads() => new(XssCorpus.Multiline);

    [Fact]
    public void TheCorpusIsLargeAndFitsEveryField()
    {
        Assert.InRange(XssCorpus.All.Count(), 35, 50);
        Assert.All(XssCorpus.Inline, p => Assert.InRange(p.Length, 1, FormAnswers.MaxTitle));
        Assert.DoesNotContain(XssCorpus.Inline, p => p.Any(char.IsControl));
        Assert.All(XssCorpus.Multiline, p => Assert.Contains(p, char.IsControl));
        Assert.Equal(XssCorpus.Inline.Length, XssCorpus.Inline.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        string[] single = [XssCorpus.NetworkName, XssCorpus.Organisation, XssCorpus.Location, XssCorpus.MeetingTitle, XssCorpus.DirectorName, XssCorpus.FacilitatorName, XssCorpus.FacilitatorOrganisation, XssCorpus.ConsultantName];
        Assert.All(single, p => Assert.InRange(p.Length, 1, 200));
    }

    [Theory]
    [MemberData(nameof(MultilinePayloads))]
    public void A_subject_stays_one_header_line_whatever_it_is_given(string payload)
    {
        var view = new MessageView(payload, payload, payload, payload, [payload], [], null, []);

        EmailMessage mail = Composer.Compose(new Person("Medlem", "member@example.org"), view, Language.Da, new MailKey("x", 1, MailKinds.Cancellation, "m", 0));

        Assert.DoesNotContain(mail.Subject, char.IsControl);
        Assert.Equal(payload.Length, mail.Subject.Length);
    }

    [Theory]
    [MemberData(nameof(InlinePayloads))]
    public void AnEmailShowsThePayloadAsTextInItsSubjectHtmlAndText(string payload)
    {
        var view = new MessageView(
            Composer.Text(Language.Da, "cancel_subject", ("network", payload), ("n", 2)),
            payload,
            payload,
            Composer.Text(Language.Da, "greeting", ("name", payload)),
            [payload, Composer.Text(Language.Da, "kickoff_missing", ("departments", payload))],
            [new DetailRow(payload, payload)],
            new ButtonView("https://example.org/api/forms/token", payload),
            [payload]);

        EmailMessage mail = Composer.Compose(new Person(payload, "member@example.org"), view, Language.Da, new MailKey("x", 1, MailKinds.Cancellation, "m", 0));

        Assert.Equal($"Aflyst: {payload}, møde 2", mail.Subject);
        HtmlSafety.AssertShows(mail.Html, "the email's HTML", $"Kære {payload}", payload, $"Aflyst: {payload}, møde 2");
        Assert.Contains($"Kære {payload}", mail.Text, StringComparison.Ordinal);
        Assert.Contains(payload + "\n", mail.Text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public void AnAgendaOrSummaryInsideAnEmailStaysTheEncodedHtmlItWas(string payload)
    {
        string text = XssCorpus.AsStored(payload);
        string page = Renderer.RenderHtml("form-message", new MessagePageView(text, text, text, [text], [new ReceivedRow(text, text)], null, null), Language.En, "layout");
        var view = new MessageView("Agenda", text, text, text, [], [], null, [], TemplateRenderer.BodyOf(page), text);

        EmailMessage mail = Composer.Compose(new Person("Anne", "anne@example.org"), view, Language.En, new MailKey("x", 1, MailKinds.Agenda, MailKinds.Facilitator, 0));

        HtmlSafety.AssertShows(mail.Html, "an email around a stored body", text.Split('\n'));
        Assert.Contains(text, mail.Text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public void TheMemberPagesShowThePayloadAsText(string payload)
    {
        string text = XssCorpus.AsStored(payload);
        string title = XssCorpus.AsStored(payload.Split('\n')[0]);
        MeetingContext c = Context(title);
        IReadOnlyList<Contribution> posted = [new(ContributionType.Case, title, text), new(ContributionType.Theme, text, text), new(ContributionType.Challenge, title, "")];
        var errors = new FieldErrors();
        errors.Add("attendance", "Choose.");
        errors.Add("title[1]", "Too long.");
        var survey = new SurveyAnswer("m1", 1, 4, 5, 3, text, text, title, Stamp);
        MeetingMinutes minutes = MeetingMinutes.Prefilled(1, [title], ["m1"]) with { Blocks = [new MinutesBlock(title, text, text, text)] };
        IReadOnlyList<RegisterRow> register = [new("m1", title, text, SaidYes: true, Came: true)];
        var candidate = new AgendaCandidate("m1", title, text, new Contribution(ContributionType.Case, title, text), Stamp, 1);
        var workspaceAgenda = new MeetingAgenda(1, c.Meeting.Start, c.Meeting.End,
            [new AgendaItem(c.Meeting.Start, c.Meeting.End, AgendaItemKind.ExpertInput, title, [candidate], text)], [], [candidate], Note: text,
            Dropped: [new DroppedContribution(candidate, text, "consultant", Stamp)]);
        var answer = new InvitationAnswer("m1", 1, Attendance.Maybe, posted, Stamp, new CommitmentFollowUp(text, Tried.Partly, text));
        IReadOnlyList<ReceivedRow> earlier = [new(title, text)];

        var pages = new (string Where, string Html, string[] Shows)[]
        {
            ("the invitation form, prefilled", Pages.Invitation(c, "/api/forms/t", answer, null, null, null), [title, text, XssCorpus.Location]),
            ("the invitation form with errors", Pages.Invitation(c, "/api/forms/t", null, posted, text, errors), [title, text]),
            ("the invitation form with a commitment and earlier contributions", Pages.Invitation(c, "/api/forms/t", answer, null, null, null, answer.FollowUp, earlier), [title, text]),
            ("the survey form with a commitment", Pages.Survey(c, "/api/forms/t", survey with { Commitment = text }, null, null), [text]),
            ("the invitation receipt", Pages.InvitationReceived(c, answer, "/api/forms/t"), [title, text]),
            ("the survey form, prefilled", Pages.Survey(c, "/api/forms/t", survey, null, null), [text, title]),
            ("the survey form with errors", Pages.Survey(c, "/api/forms/t", null, new Dictionary<string, string> { ["usefulness"] = text, ["worked"] = text, ["improve"] = title }, errors), [text, title]),
            ("the survey receipt", Pages.SurveyReceived(c, survey, "/api/forms/t"), [text, title]),
            ("the closed form", Pages.Closed(c, FormKind.Survey), [XssCorpus.Organisation]),
            ("the minutes form", Minutes.Form(c, minutes, register, "/api/minutes/t"), [title, text]),
            ("the minutes", Minutes.Document(c, minutes with { Came = ["m1"] }, register).Html, [title, text]),
            ("the agenda workspace", Workspace.Render(c, workspaceAgenda, "/api/agenda/t", editable: true), [title, text]),
        };

        foreach ((string where, string html, string[] shows) in pages)
        {
            HtmlSafety.AssertShows(html, where, [.. shows, c.Network.Name]);
        }
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public void EveryCalendarKeepsThePayloadInsideItsValue(string corpusEntry)
    {
        // The kickoff and the change API refuse control characters in these fields; line breaks are kept here anyway,
        // to show the .ics escapes them (the rest, NUL among them, cannot reach a calendar).
        string payload = new(corpusEntry.Where(ch => ch is '\r' or '\n' || !char.IsControl(ch)).ToArray());
        Meeting meeting = new(1, At("2027-02-03T09:00:00+01:00"), At("2027-02-03T12:30:00+01:00"), payload, payload);
        var context = new CalendarContext("xss-network", payload, new Person(payload, "facilitator@example.org"), "Europe/Copenhagen", Language.Da);
        var attendee = new Person(payload, "member@example.org");
        var calendars = new (string Where, string Ics, int Attendees)[]
        {
            ("the invitation .ics", MeetingCalendar.Request(context, meeting, attendee, Stamp), 1),
            ("the cancellation .ics", MeetingCalendar.Cancel(context, meeting with { Revision = 1 }, attendee, Stamp), 1),
            ("the year plan .ics", MeetingCalendar.Series(context, [meeting, meeting with { Number = 2, Title = null }], Stamp), 0),
        };

        string parameter = new(payload.Trim().Select(ch => char.IsControl(ch) ? ' ' : ch).Where(ch => ch != '"').ToArray());
        foreach ((string where, string ics, int attendees) in calendars)
        {
            IReadOnlyList<ContentLine> lines = CalendarSafety.Read(ics, where);
            int events = lines.Count(l => l.Name == "BEGIN" && l.Value == "VEVENT");
            Assert.Equal(where.Contains("year plan") ? 2 : 1, events);
            Assert.Equal(attendees, lines.Count(l => l.Name == "ATTENDEE"));
            Assert.Equal(events, lines.Count(l => l.Name == "ORGANIZER"));
            Assert.All(lines.Where(l => l.Name == "LOCATION"), l => Assert.Equal(LineFeeds(payload), CalendarSafety.Text(l)));
            Assert.Equal(LineFeeds(payload.Trim()), CalendarSafety.Text(lines.First(l => l.Name == "SUMMARY")));
            Assert.All(lines.Where(l => l.Name is "ORGANIZER" or "ATTENDEE"), l => Assert.Equal(parameter, CalendarSafety.Parameter(l, "CN")));
            Assert.Equal("mailto:member@example.org", lines.SingleOrDefault(l => l.Name == "ATTENDEE")?.Value ?? "mailto:member@example.org");
        }

        IReadOnlyList<ContentLine> plan = CalendarSafety.Read(calendars[2].Ics, "the year plan .ics");
        Assert.Equal(LineFeeds(payload), CalendarSafety.Text(plan.Single(l => l.Name == "X-WR-CALNAME")));
        Assert.Contains(plan, l => l.Name == "DESCRIPTION" && CalendarSafety.Text(l).Contains(LineFeeds(payload), StringComparison.Ordinal));
    }

    /// <summary>A text value's line breaks as the .ics carries them (\n: CRLF, CR and LF alike).</summary>
    static string LineFeeds(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    [Fact]
    public void A_placeholder_in_member_text_is_not_filled_in()
    {
        string subject = Renderer.Text(Language.En, "invitation_subject", new Dictionary<string, string>
        {
            ["network"] = "Net {n} {date} {deadline}",
            ["n"] = "1",
            ["date"] = "3 February 2027",
        });

        Assert.Equal("Invitation: Net {n} {date} {deadline}, meeting 1 – 3 February 2027", subject);
    }

    static MeetingContext Context(string text)
    {
        Network network = Network(
            members: [new Member("m1", text, "m1@example.org", text, Now)],
            meetings: [new Meeting(1, At("2027-02-03T09:00:00+01:00"), At("2027-02-03T12:30:00+01:00"), XssCorpus.Location, XssCorpus.MeetingTitle)],
            departments: [text]) with
        {
            Name = XssCorpus.NetworkName,
            Organisation = XssCorpus.Organisation,
        };
        return MeetingContext.Of(network, 1);
    }
}
