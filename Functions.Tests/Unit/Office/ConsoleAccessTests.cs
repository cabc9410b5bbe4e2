using NetworkFunctions.Networks;
using NetworkFunctions.Office;
using static NetworkFunctions.Tests.Support.DomainFixtures;

namespace NetworkFunctions.Tests.Unit.Office;

/// <summary>Who sees which network in the console: its director, consultant and facilitator, and the admin group; nobody else.</summary>
public sealed class ConsoleAccessTests
{
    static readonly ConsoleOptions Options = new() { SignIn = ConsoleSignIn.AppService, TenantId = "Tenant-1", AdminGroup = "Admins-Group" };

    static ConsolePrincipal Person(string email, string tenant = "tenant-1", params string[] groups) =>
        new("oid-" + email, tenant, email, new HashSet<string>([email.ToLowerInvariant()]), new HashSet<string>(groups));

    [Theory]
    [InlineData("direktoer@slagelse.dk")]
    [InlineData("KARL@slagelse.dk")]
    [InlineData("frida@borgerdialog.dk")]
    public void The_three_roles_manage_their_network(string email) =>
        Assert.True(ConsoleAccess.CanManage(Person(email), Network(), Options));

    [Theory]
    [InlineData("direktoer@slagelse.dk", ConsoleRole.Director)]
    [InlineData("KARL@slagelse.dk", ConsoleRole.Consultant)]
    [InlineData("frida@borgerdialog.dk", ConsoleRole.Facilitator)]
    public void Each_role_is_named_by_the_address_that_holds_it(string email, ConsoleRole role) =>
        Assert.Equal(role, ConsoleAccess.RoleIn(Person(email), Network()));

    [Fact]
    public void One_person_in_two_roles_is_named_by_the_first_and_a_member_by_none()
    {
        Network network = Network() with { Facilitator = new Facilitator("Karl", "karl@slagelse.dk", null) };

        Assert.Equal(ConsoleRole.Consultant, ConsoleAccess.RoleIn(Person("karl@slagelse.dk"), network));
        Assert.Null(ConsoleAccess.RoleIn(Person(network.Members[0].Email), network));
    }

    [Fact]
    public void A_member_or_a_stranger_does_not()
    {
        Network network = Network();

        Assert.False(ConsoleAccess.CanManage(Person(network.Members[0].Email), network, Options));
        Assert.False(ConsoleAccess.CanManage(Person("someone@slagelse.dk"), network, Options));
    }

    [Fact]
    public void The_consultant_of_one_network_does_not_manage_another()
    {
        Network other = Network() with { Id = "other-2027", Consultant = new Person("Konsulent Kim", "kim@slagelse.dk") };

        Assert.True(ConsoleAccess.CanManage(Person("karl@slagelse.dk"), Network(), Options));
        Assert.False(ConsoleAccess.CanManage(Person("karl@slagelse.dk"), other, Options));
    }

    [Fact]
    public void The_admin_group_manages_every_network_and_only_from_the_tenant()
    {
        Assert.True(ConsoleAccess.CanManage(Person("someone@slagelse.dk", "tenant-1", "admins-group"), Network(), Options));
        Assert.False(ConsoleAccess.CanManage(Person("someone@slagelse.dk", "tenant-2", "admins-group"), Network(), Options));
        Assert.False(ConsoleAccess.IsAdmin(Person("someone@slagelse.dk", "tenant-1", "admins-group"), new ConsoleOptions { SignIn = ConsoleSignIn.AppService, TenantId = "tenant-1" }));
    }

    [Fact]
    public void A_role_from_another_tenant_counts_for_nothing()
    {
        Assert.False(ConsoleAccess.CanManage(Person("karl@slagelse.dk", "tenant-2"), Network(), Options));
        Assert.False(ConsoleAccess.FromTenant(Person("karl@slagelse.dk"), new ConsoleOptions()));
    }

    [Fact]
    public void Sign_in_by_the_platform_needs_a_tenant()
    {
        var context = new System.ComponentModel.DataAnnotations.ValidationContext(new object());

        Assert.NotEmpty(new ConsoleOptions { SignIn = ConsoleSignIn.AppService }.Validate(context));
        Assert.Empty(new ConsoleOptions { SignIn = ConsoleSignIn.AppService, TenantId = "t" }.Validate(context));
        Assert.Empty(new ConsoleOptions().Validate(context));
    }
}
