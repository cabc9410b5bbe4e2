namespace NetworkFunctions.Tests.Unit.Validation;

/// <summary>
/// Bugs found in production code by the domain tests, each fixed and kept here as a regression test.
/// </summary>
public sealed class RegressionTests
{
    [Theory]
    [InlineData("anne.@slagelse.dk")]
    [InlineData("\"anne\"@slagelse.dk")]
    [InlineData("anne@[127.0.0.1]")]
    [InlineData("anne@-slagelse.dk")]
    [InlineData("anne@slagelse-.dk")]
    [InlineData("anne@slagelse")]
    [InlineData("Anne <anne@slagelse.dk>")]
    [InlineData("anne@slagelse.dk\n")]
    public void EmailAddressesRefuseWhatPeopleDoNotType(string email) =>
        Assert.False(NetworkFunctions.Validation.EmailAddresses.IsValid(email));

    [Theory]
    [InlineData("gitte.moelgaard@example.org")]
    [InlineData("søren.lykke@slagelse.dk")]
    [InlineData("first+tag@sub.example.co.uk")]
    [InlineData("a@b.dk")]
    public void EmailAddressesAcceptOrdinaryAddresses(string email) =>
        Assert.True(NetworkFunctions.Validation.EmailAddresses.IsValid(email));
}
