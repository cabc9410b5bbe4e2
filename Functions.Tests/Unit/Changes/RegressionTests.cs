using System.Text.Json;
using NetworkFunctions.Changes;
using static NetworkFunctions.Tests.Support.DomainFixtures;

namespace NetworkFunctions.Tests.Unit.Changes;

/// <summary>
/// Bugs found in production code by the domain tests, each fixed and kept here as a regression test.
/// </summary>
public sealed class RegressionTests
{
    [Fact]
    public void MeetingMoveTreatsANullLocationAsAbsent()
    {
        JsonElement body = JsonDocument.Parse("""{"start":"2027-04-14T09:00:00+02:00","end":"2027-04-14T12:30:00+02:00","location":null}""").RootElement.Clone();

        var (change, errors) = ChangeRequests.ReadMeetingChange(body, Network(), 2, Now);

        Assert.True(errors.IsEmpty, string.Join(", ", errors.ToDictionary().Keys));
        Assert.Null(change?.Location);
    }
}
