using System.Text.Json;

namespace CommunityPartner.Tests.Modules.Accounts;

/// <summary>Reads an RFC 9457 problem details response, checking its media type on the way.</summary>
internal static class ProblemJson
{
    public const string MediaType = "application/problem+json";

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        Assert.Equal(MediaType, response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var problem = json.RootElement.Clone();
        Assert.Equal((int)response.StatusCode, problem.GetProperty("status").GetInt32());
        return problem;
    }

    /// <summary>The validation problem's <c>errors</c> member: field name → messages.</summary>
    public static Dictionary<string, string[]> Errors(JsonElement problem) =>
        problem.GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
}
