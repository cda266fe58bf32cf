using System.Net.Http.Json;
using System.Text.Json;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Web.Modules.Partners;
using CommunityPartner.Web.Platform.Audit;
using CommunityPartner.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPartner.Tests.Modules.Partners;

/// <summary>Builders for partners: fresh valid credit codes, a good registration body, row counts and loads.</summary>
public sealed class PartnersTestData(AppFactory factory)
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] OrgWeights = [3, 7, 9, 10, 5, 8, 4, 2];

    /// <summary>A fresh code that passes both checks, computed here independently of the app (GB 11714 + GB 32100).</summary>
    public static string NewCreditCode()
    {
        var org = string.Concat(Enumerable.Range(0, 8).Select(_ => (char)('0' + Random.Shared.Next(10))));
        var orgSum = org.Select((c, i) => (c - '0') * OrgWeights[i]).Sum();
        var orgCheck = (11 - (orgSum % 11)) switch { 10 => 'X', 11 => '0', var d => (char)('0' + d) };
        // The region code is random too: with 8 random digits alone, a test run's thousands of partners met the
        // same code by chance (the birthday problem) and a registration failed on the unique index.
        var region = string.Concat(Enumerable.Range(0, 6).Select(_ => (char)('0' + Random.Shared.Next(10))));
        var first17 = $"91{region}{org}{orgCheck}";
        var sum = 0;
        var weight = 1;
        foreach (var c in first17)
        {
            sum += Alphabet.IndexOf(c, StringComparison.Ordinal) * weight;
            weight = weight * 3 % 31;
        }

        return first17 + Alphabet[(31 - (sum % 31)) % 31];
    }

    /// <summary>A good registration for <paramref name="community"/>, as a mutable JSON object.</summary>
    public static Dictionary<string, object?> Body(CommunityRef community, string type = "enterprise", string? code = null, string? name = null) => new()
    {
        ["type"] = type,
        ["name"] = name ?? $"测试合伙人{Guid.NewGuid():N}"[..14],
        ["creditCode"] = type == "individual" ? null : code ?? NewCreditCode(),
        ["contactName"] = "王经理",
        ["contactPhone"] = TestData.NewPhone(),
        ["introduction"] = "参与老旧设施改造。",
        ["strengths"] = new[] { "funding", "it" },
        ["communities"] = new[] { community.Code },
        ["showOnHonourWall"] = true,
    };

    /// <summary>Registers through the API; returns the new partner's id.</summary>
    public static async Task<Guid> RegisterAsync(HttpClient client, Dictionary<string, object?> body)
    {
        var response = await client.PostAsJsonAsync("/api/v1/partners", body);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"register answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public Task<(int Partners, int Strengths, int Communities, int Members)> CountRowsAsync() => QueryAsync(async db => (
        await db.Set<Partner>().CountAsync(),
        await db.Set<PartnerStrength>().CountAsync(),
        await db.Set<PartnerCommunity>().CountAsync(),
        await db.Set<PartnerMember>().CountAsync()));

    public Task<Partner> LoadAsync(Guid id) => QueryAsync(db => db.Set<Partner>().AsNoTracking()
        .Include(p => p.Members).Include(p => p.Strengths).Include(p => p.Communities).AsSplitQuery().SingleAsync(p => p.Id == id));

    public Task<List<AuditEntry>> AuditOfAsync(Guid id) => QueryAsync(db => db.AuditEntries.AsNoTracking()
        .Where(a => a.EntityType == nameof(Partner) && a.EntityId == id.ToString()).OrderBy(a => a.Id).ToListAsync());
}
