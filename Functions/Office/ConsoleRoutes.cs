namespace NetworkFunctions.Office;

/// <summary>Where the console's pages and forms are (under the Functions route prefix <c>/api</c>).</summary>
public static class ConsoleRoutes
{
    public const string Home = "/api/console";
    public const string New = "/api/console/new";
    public const string Kickoff = "/api/console/new/kickoff";
    public const string SignOut = "/.auth/logout?post_logout_redirect_uri=" + Home;

    public static string Network(string networkId) => $"{Home}/networks/{networkId}";

    public static string Done(string networkId, string what) => $"{Network(networkId)}?done={what}";

    public static string Members(string networkId) => $"{Network(networkId)}/members";

    public static string Member(string networkId, string memberId) => $"{Members(networkId)}/{memberId}";

    public static string MemberData(string networkId, string memberId) => $"{Member(networkId, memberId)}/data.json";

    public static string EraseMember(string networkId, string memberId) => $"{Member(networkId, memberId)}/erase";

    public static string MoveMeeting(string networkId, int n) => $"{Network(networkId)}/meetings/{n}/move";

    public static string CancelMeeting(string networkId, int n) => $"{Network(networkId)}/meetings/{n}/cancel";

    public static string Resume(string networkId) => $"{Network(networkId)}/resume";
}
