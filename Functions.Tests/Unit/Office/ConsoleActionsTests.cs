using System.Text.Json;
using NetworkFunctions.Office;
using static NetworkFunctions.Tests.Support.DomainFixtures;

namespace NetworkFunctions.Tests.Unit.Office;

/// <summary>A console form as the body of the API's own change.</summary>
public sealed class ConsoleActionsTests
{
    [Fact]
    public void A_move_is_the_wall_clock_of_the_network_with_its_offset()
    {
        (JsonElement? body, var errors) = ConsoleActions.MeetingMove(
            new Dictionary<string, string> { ["date"] = "2027-03-28", ["start"] = "09:00", ["end"] = "12:30", ["location"] = "Biblioteket" }, Copenhagen);

        Assert.True(errors.IsEmpty);
        Assert.Equal("2027-03-28T09:00:00.0000000+02:00", body!.Value.GetProperty("start").GetString());
        Assert.Equal("2027-03-28T12:30:00.0000000+02:00", body.Value.GetProperty("end").GetString());
        Assert.Equal("Biblioteket", body.Value.GetProperty("location").GetString());
    }

    [Fact]
    public void A_move_without_a_date_or_times_names_each_field()
    {
        (JsonElement? body, var errors) = ConsoleActions.MeetingMove(new Dictionary<string, string> { ["date"] = "28/3", ["start"] = "", ["end"] = "25:00" }, Copenhagen);

        Assert.Null(body);
        Assert.Equal(["date", "end", "start"], errors.ToDictionary().Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void What_cannot_be_undone_needs_the_box_ticked()
    {
        Assert.NotNull(ConsoleActions.Unconfirmed(new Dictionary<string, string>()));
        Assert.NotNull(ConsoleActions.Unconfirmed(new Dictionary<string, string> { ["confirm"] = "on" }));
        Assert.Null(ConsoleActions.Unconfirmed(new Dictionary<string, string> { ["confirm"] = "yes" }));
    }

    [Fact]
    public void A_member_and_a_cancellation_are_the_apis_bodies()
    {
        JsonElement member = ConsoleActions.Member(new Dictionary<string, string> { ["name"] = "Eva", ["email"] = "eva@slagelse.dk" });

        Assert.Equal(("Eva", "eva@slagelse.dk", ""), (member.GetProperty("name").GetString(), member.GetProperty("email").GetString(), member.GetProperty("department").GetString()));
        Assert.True(ConsoleActions.MeetingCancel().GetProperty("cancelled").GetBoolean());
    }
}
