using System.Text.Json.Nodes;
using static NetworkFunctions.Tests.Unit.Kickoff.KickoffDocuments;

namespace NetworkFunctions.Tests.Unit.Kickoff;

/// <summary>
/// Bugs found in production code by the domain tests, each fixed and kept here as a regression test.
/// </summary>
public sealed class RegressionTests
{
    [Fact]
    public void KickoffReportsEveryOverlappingMeeting()
    {
        JsonObject document = Valid();
        document["meetings"] = new JsonArray(
            MeetingAt("2027-02-03T09:00:00+01:00", "2027-02-03T12:30:00+01:00"),
            MeetingAt("2027-02-03T10:00:00+01:00", "2027-02-03T11:00:00+01:00"),
            MeetingAt("2027-02-03T11:30:00+01:00", "2027-02-03T12:00:00+01:00"));

        var (_, errors) = Parse(document);

        // meetings[2] (11:30–12:00) lies inside meetings[0] (09:00–12:30) but only meetings[1] is reported.
        Assert.Equal(["meetings[1].start", "meetings[2].start"], Keys(errors));
    }
}
