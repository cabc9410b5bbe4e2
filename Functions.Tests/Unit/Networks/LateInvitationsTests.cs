using NetworkFunctions.Networks;
using static NetworkFunctions.Tests.Support.DomainFixtures;

namespace NetworkFunctions.Tests.Unit.Networks;

/// <summary>Which meetings a member who joins now is invited to at once.</summary>
public sealed class LateInvitationsTests
{
    // Meeting 1 on 3 February 2027 09:00: invitations 6 January, deadline 24 January (the default schedule).
    [Theory]
    [InlineData("2027-01-05T12:00:00+01:00", new int[0])]
    [InlineData("2027-01-06T09:00:00+01:00", new[] { 1 })]
    [InlineData("2027-01-24T08:59:00+01:00", new[] { 1 })]
    [InlineData("2027-01-24T09:00:00+01:00", new int[0])]
    [InlineData("2027-03-20T09:00:00+01:00", new[] { 2 })]
    public void A_member_is_invited_at_once_to_a_meeting_whose_invitations_went_out_and_whose_form_is_open(string now, int[] expected)
    {
        Network network = Network();

        Assert.Equal(expected, LateInvitations.Open(network, At(now)).Select(m => m.Number));
    }

    [Fact]
    public void A_cancelled_meeting_invites_nobody()
    {
        Network network = Network(meetings: [YearMeetings[0] with { Cancelled = true }, YearMeetings[1]]);

        Assert.Empty(LateInvitations.Open(network, At("2027-01-10T09:00:00+01:00")));
    }
}
