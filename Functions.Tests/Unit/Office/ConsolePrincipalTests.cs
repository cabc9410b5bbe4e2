using System.Text;
using NetworkFunctions.Office;

namespace NetworkFunctions.Tests.Unit.Office;

/// <summary>The principal the platform passes in X-MS-CLIENT-PRINCIPAL, as Entra ID fills it; anything else is no principal.</summary>
public sealed class ConsolePrincipalTests
{
    const string ObjectIdClaim = "http://schemas.microsoft.com/identity/claims/objectidentifier";
    const string TenantClaim = "http://schemas.microsoft.com/identity/claims/tenantid";

    static string Header(params (string Type, string Value)[] claims) => ConsolePrincipal.Encode(claims);

    static string Raw(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Reads_the_claims_entra_id_sends_under_their_long_names()
    {
        string header = Header(
            (ObjectIdClaim, "2f7c1d2e-0000-4000-8000-000000000001"),
            (TenantClaim, "72f988bf-0000-4000-8000-000000000002"),
            ("name", "Sara Salling"),
            ("preferred_username", "Sara.Salling@Slagelse.dk"),
            ("http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn", "sasal@slagelse.dk"),
            ("groups", "6B1E0000-0000-4000-8000-00000000000A"),
            ("groups", "6b1e0000-0000-4000-8000-00000000000b"));

        ConsolePrincipal principal = ConsolePrincipal.Read(header, "aad")!;

        Assert.Equal("2f7c1d2e-0000-4000-8000-000000000001", principal.ObjectId);
        Assert.Equal("72f988bf-0000-4000-8000-000000000002", principal.TenantId);
        Assert.Equal("Sara Salling", principal.Name);
        Assert.Equal(["sara.salling@slagelse.dk", "sasal@slagelse.dk"], principal.Addresses.Order());
        Assert.Equal(["6b1e0000-0000-4000-8000-00000000000a", "6b1e0000-0000-4000-8000-00000000000b"], principal.Groups.Order());
    }

    [Fact]
    public void Reads_the_short_names_too_and_falls_back_to_the_address_for_a_name()
    {
        ConsolePrincipal principal = ConsolePrincipal.Read(Header(("oid", "o1"), ("tid", "t1"), ("email", "karl@slagelse.dk")), null)!;

        Assert.Equal(("o1", "t1", "karl@slagelse.dk"), (principal.ObjectId, principal.TenantId, principal.Name));
        Assert.Empty(principal.Groups);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not base64 at all!")]
    [InlineData("bm90IGpzb24=")] // "not json"
    public void Something_that_is_not_a_principal_is_none(string? header) =>
        Assert.Null(ConsolePrincipal.Read(header, "aad"));

    [Fact]
    public void A_principal_without_an_object_id_a_tenant_or_a_valid_address_is_none()
    {
        Assert.Null(ConsolePrincipal.Read(Header(("tid", "t1"), ("email", "karl@slagelse.dk")), "aad"));
        Assert.Null(ConsolePrincipal.Read(Header(("oid", "o1"), ("email", "karl@slagelse.dk")), "aad"));
        Assert.Null(ConsolePrincipal.Read(Header(("oid", "o1"), ("tid", "t1"), ("email", "not-an-address")), "aad"));
        Assert.Null(ConsolePrincipal.Read(Header(("oid", "o1"), ("tid", "t1"), ("name", "Karl")), "aad"));
    }

    [Fact]
    public void Another_identity_provider_is_none()
    {
        string header = Header(("oid", "o1"), ("tid", "t1"), ("email", "karl@slagelse.dk"));

        Assert.Null(ConsolePrincipal.Read(header, "github"));
        Assert.Null(ConsolePrincipal.Read(Raw("""{"auth_typ":"google","claims":[{"typ":"oid","val":"o1"},{"typ":"tid","val":"t1"},{"typ":"email","val":"karl@slagelse.dk"}]}"""), "aad"));
    }

    [Fact]
    public void Claims_of_the_wrong_shape_are_skipped_not_thrown()
    {
        string json = """{"auth_typ":"aad","claims":[{"typ":"oid","val":"o1"},{"typ":"tid","val":7},"x",{"typ":"tid","val":"t1"},{"typ":"email","val":"karl@slagelse.dk"}]}""";

        Assert.Equal("t1", ConsolePrincipal.Read(Raw(json), "aad")!.TenantId);
        Assert.Null(ConsolePrincipal.Read(Raw("""{"auth_typ":"aad","claims":{"typ":"oid"}}"""), "aad"));
        Assert.Null(ConsolePrincipal.Read(Raw("[]"), "aad"));
    }

    [Fact]
    public void A_header_beyond_the_limit_is_none()
    {
        string header = Header([("oid", "o1"), ("tid", "t1"), ("email", "karl@slagelse.dk"), .. Enumerable.Range(0, 2000).Select(i => ("groups", $"group-{i:D6}"))]);

        Assert.True(header.Length > ConsolePrincipal.MaxHeaderLength);
        Assert.Null(ConsolePrincipal.Read(header, "aad"));
    }
}
