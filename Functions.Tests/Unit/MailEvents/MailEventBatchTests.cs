using System.Text.Json;
using NetworkFunctions.MailEvents;

namespace NetworkFunctions.Tests.Unit.MailEvents;

public sealed class MailEventBatchTests
{
    static IReadOnlyList<UndeliveredMail>? Read(string json) => MailEventBatch.Read(JsonDocument.Parse(json).RootElement);

    static string Event(string kind, string network = "net-2027", string recipient = "mabcdefghijkl", string meeting = "1", string mailKind = "invitation") =>
        $$"""{"email":"bo@example.org","timestamp":1700000000,"event":"{{kind}}","sg_message_id":"x","nf_mail":"abc","nf_network":"{{network}}","nf_meeting":"{{meeting}}","nf_kind":"{{mailKind}}","nf_recipient":"{{recipient}}"}""";

    [Theory]
    [InlineData("bounce")]
    [InlineData("dropped")]
    [InlineData("spamreport")]
    public void Keeps_the_events_that_say_a_mail_of_ours_did_not_arrive(string kind) =>
        Assert.Equal([new UndeliveredMail("net-2027", 1, "invitation", "mabcdefghijkl", kind)], Read($"[{Event(kind)}]"));

    [Theory]
    [InlineData("processed")]
    [InlineData("delivered")]
    [InlineData("deferred")]
    [InlineData("open")]
    [InlineData("click")]
    [InlineData("unsubscribe")]
    public void Leaves_every_other_event(string kind) => Assert.Empty(Read($"[{Event(kind)}]")!);

    [Theory]
    [InlineData("../other", "mabcdefghijkl", "1", "invitation")]
    [InlineData("net-2027", "m/../../x", "1", "invitation")]
    [InlineData("net-2027", "Bo@Example.org", "1", "invitation")]
    [InlineData("net-2027", "mabcdefghijkl", "-1", "invitation")]
    [InlineData("net-2027", "mabcdefghijkl", "100", "invitation")]
    [InlineData("net-2027", "mabcdefghijkl", "1", "reminder/0")]
    public void Leaves_events_whose_ids_are_not_ours_in_form(string network, string recipient, string meeting, string mailKind) =>
        Assert.Empty(Read($"[{Event("bounce", network, recipient, meeting, mailKind)}]")!);

    [Fact]
    public void Leaves_events_of_mail_that_is_not_ours()
    {
        Assert.Empty(Read("""[{"email":"bo@example.org","event":"bounce","timestamp":1}]""")!);
        Assert.Empty(Read("""[{"event":"bounce","nf_network":5,"nf_meeting":1,"nf_kind":"invitation","nf_recipient":"m1"}]""")!);
    }

    [Fact]
    public void Keeps_each_event_of_a_batch_in_order()
    {
        IReadOnlyList<UndeliveredMail> found = Read($"[{Event("bounce")},{Event("delivered")},{Event("dropped", recipient: "director", meeting: "0", mailKind: "kickoff")}]")!;

        Assert.Equal(["mabcdefghijkl", "director"], found.Select(f => f.Recipient));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("\"bounce\"")]
    [InlineData("[1]")]
    [InlineData("[{},[]]")]
    public void A_body_that_is_not_an_array_of_events_is_refused(string json) => Assert.Null(Read(json));
}
