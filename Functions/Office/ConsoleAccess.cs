using NetworkFunctions.Networks;
using NetworkFunctions.Validation;

namespace NetworkFunctions.Office;

/// <summary>
/// Who may do what in the console. A principal counts only from the configured tenant. Members of the admin group see
/// and change every network; anyone else sees and changes a network where one of their addresses is the director's,
/// the consultant's or the facilitator's, and may start a network that names them in one of those roles. A member of a
/// network is none of these and sees nothing. Pure.
/// </summary>
public static class ConsoleAccess
{
    /// <summary>Whether <paramref name="principal"/> signed in from the tenant the console trusts (compared in any case).</summary>
    public static bool FromTenant(ConsolePrincipal principal, ConsoleOptions options)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(options);
        return options.TenantId.Length > 0 && string.Equals(principal.TenantId, options.TenantId.Trim(), StringComparison.OrdinalIgnoreCase);
    }

    public static bool IsAdmin(ConsolePrincipal principal, ConsoleOptions options)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(options);
        return FromTenant(principal, options) && options.AdminGroup.Trim() is { Length: > 0 } group && principal.Groups.Contains(group.ToLowerInvariant());
    }

    /// <summary>
    /// Whether <paramref name="principal"/> may see and change <paramref name="network"/>; also whether they may start it
    /// (the console checks the network its form describes before its preview and again before its kickoff).
    /// </summary>
    public static bool CanManage(ConsolePrincipal principal, Network network, ConsoleOptions options)
    {
        ArgumentNullException.ThrowIfNull(network);
        return IsAdmin(principal, options)
            || (FromTenant(principal, options) && RoleIn(principal, network) is not null);
    }

    /// <summary>The first role, of director, consultant and facilitator, that one of <paramref name="principal"/>'s addresses holds in <paramref name="network"/>; none: null. The tenant is not checked here.</summary>
    public static ConsoleRole? RoleIn(ConsolePrincipal principal, Network network)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(network);
        return Holds(principal, network.Director.Email) ? ConsoleRole.Director
            : Holds(principal, network.Consultant.Email) ? ConsoleRole.Consultant
            : Holds(principal, network.Facilitator.Email) ? ConsoleRole.Facilitator
            : null;
    }

    static bool Holds(ConsolePrincipal principal, string roleAddress) =>
        roleAddress.Length > 0 && principal.Addresses.Contains(EmailAddresses.Normalise(roleAddress));
}
