using System.Text;
using NetworkFunctions.Email;
using NetworkFunctions.Networks;
using NetworkFunctions.Rendering;

namespace NetworkFunctions.Tests.Unit.Email;

/// <summary>The wording of the network-wide mails: the kickoff confirmation and the year-end report.</summary>
public sealed class NetworkMessagesTests
{
    static readonly DateTimeOffset Now = new(2027, 1, 5, 8, 0, 0, TimeSpan.Zero);
    static readonly NetworkMessages Messages = new(new EmailComposer(new TemplateRenderer()));

    static Network Network(IReadOnlyList<string> departments) => new(
        "net-2027",
        "Netværket",
        "Kommunen",
        Language.Da,
        "Europe/Copenhagen",
        new Person("Dorthe Direktør", "dorthe@example.dk"),
        new Facilitator("Frida Facilitator", "frida@example.dk", null),
        new Person("Karl Konsulent", "karl@example.dk"),
        departments,
        [new Member("manne", "Anne Ager", "anne@example.dk", "Center for Teknik", Now)],
        [
            new Meeting(1, new DateTimeOffset(2027, 2, 3, 8, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 2, 3, 11, 30, 0, TimeSpan.Zero), "Rådhuset", null),
            new Meeting(2, new DateTimeOffset(2027, 4, 7, 7, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 4, 7, 10, 30, 0, TimeSpan.Zero), "Biblioteket", null),
        ],
        ScheduleSettings.Default,
        Now);

    [Fact]
    public void The_kickoff_confirmation_lists_every_meeting_the_missing_departments_and_carries_the_year_plan()
    {
        EmailMessage mail = Messages.KickoffConfirmation(Network(["Center for Teknik", "Center for Kultur"]), Now);

        Assert.Equal("dorthe@example.dk", mail.To.Email);
        Assert.Equal(new MailKey("net-2027", MailKinds.NetworkWide, MailKinds.Kickoff, MailKinds.Director, 0), mail.Key);
        Assert.Contains("Center for Kultur", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Rådhuset", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Biblioteket", mail.Text, StringComparison.Ordinal);
        EmailAttachment plan = Assert.Single(mail.Attachments);
        Assert.Equal("year-plan.ics", plan.FileName);
        Assert.Equal(2, Encoding.UTF8.GetString(plan.Content).Split("BEGIN:VEVENT").Length - 1);
    }

    [Fact]
    public void A_network_with_every_department_is_told_so()
    {
        EmailMessage complete = Messages.KickoffConfirmation(Network(["Center for Teknik"]), Now);
        EmailMessage missing = Messages.KickoffConfirmation(Network(["Center for Teknik", "Center for Kultur"]), Now);

        Assert.DoesNotContain("Center for Kultur", complete.Text, StringComparison.Ordinal);
        Assert.NotEqual(complete.Text, missing.Text);
    }

    [Fact]
    public void The_report_goes_to_director_facilitator_and_consultant_with_its_charts_inline()
    {
        Network network = Network(["Center for Teknik"]);
        EmailAttachment chart = new("attendance.png", "image/png", [1, 2, 3], "attendance");

        EmailMessage[] mails = [.. NetworkMessages.ReportRecipients(network)
            .Select(r => Messages.YearReport(network, r.Person, r.Key, new DocumentParts("<p>rapport</p>", "rapport"), [chart]))];

        Assert.Equal(["dorthe@example.dk", "frida@example.dk", "karl@example.dk"], mails.Select(m => m.To.Email));
        Assert.Equal([MailKinds.Director, MailKinds.Facilitator, MailKinds.Consultant], mails.Select(m => m.Key.Recipient));
        Assert.All(mails, m => Assert.Equal("attendance", Assert.Single(m.Attachments).ContentId));
        Assert.All(mails, m => Assert.Contains("<p>rapport</p>", m.Html, StringComparison.Ordinal));
    }
}
