using System.Net.Http.Json;
using System.Text.Json;

namespace NetworkFunctions.Tests.Support;

/// <summary>A network's members as <c>GET /api/networks/{id}/members</c> lists them: how a caller finds a member's id.</summary>
public static class Roster
{
    public static async Task<string> IdOfAsync(HttpClient http, string networkId, string email)
    {
        JsonElement list = await http.GetFromJsonAsync<JsonElement>($"/api/networks/{networkId}/members");
        return list.GetProperty("members").EnumerateArray()
            .Single(m => string.Equals(m.GetProperty("email").GetString(), email, StringComparison.OrdinalIgnoreCase))
            .GetProperty("id").GetString()!;
    }
}
