using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Tests.Modules.Partners;
using CommunityPartner.Web.Modules.Partners;
using CommunityPartner.Web.Modules.Points.Ledger;
using CommunityPartner.Web.Modules.Points.Reconcile;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPartner.Tests.Modules.Points;

/// <summary>A community with staff and an earn rule, a verified merchant with a member, and API helpers for points.</summary>
public sealed record PointsWorld(CommunityRef Community, UserRef Staff, HttpClient StaffClient, Guid MerchantId, UserRef Member, HttpClient MemberClient);

public sealed class PointsTestData(AppFactory factory)
{
    public async Task<PointsWorld> WorldAsync(long points = 100, long cap = 1_000_000)
    {
        var community = await factory.Data.CommunityAsync();
        var staff = await factory.Data.StaffAsync(community);
        var staffClient = await factory.Data.ApiClientAsync(staff);
        var rule = await staffClient.PutAsJsonAsync("/api/v1/points/earn-rules", new { activityType = "volunteer", name = "志愿服务", points, dailyCap = cap });
        Assert.Equal(HttpStatusCode.OK, rule.StatusCode);
        var (merchantId, member) = await MerchantAsync(community);
        return new PointsWorld(community, staff, staffClient, merchantId, member, await factory.Data.ApiClientAsync(member));
    }

    public async Task<(Guid Id, UserRef Member)> MerchantAsync(CommunityRef community)
    {
        var member = await factory.Data.UserAsync(null, "店员", Roles.PartnerMember);
        var admin = await factory.Data.AdminAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var partner = Partner.Register(new PartnerDraft(PartnerType.Merchant, $"测试商店{Guid.NewGuid():N}"[..12], PartnersTestData.NewCreditCode(), "赵老板",
            member.Phone, "测试商家", ["catering"], [community.Id], false), member.Id, DateTime.UtcNow);
        partner.Verify(admin.Id, DateTime.UtcNow);
        db.Add(partner);
        await db.SaveChangesAsync();
        return (partner.Id, member);
    }

    public async Task<(UserRef Resident, HttpClient Client)> ResidentAsync(PointsWorld world, int awards = 1)
    {
        var resident = await factory.Data.UserAsync(world.Community, "居民");
        for (var i = 0; i < awards; i++)
        {
            var response = await AwardAsync(world.StaffClient, resident.Phone, Guid.NewGuid().ToString());
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        return (resident, await factory.Data.ApiClientAsync(resident));
    }

    public static Task<HttpResponseMessage> AwardAsync(HttpClient staff, string phone, string? key, string activityType = "volunteer") =>
        SendAsync(staff, "/api/v1/points/awards", new { phone, activityType }, key);

    public static async Task<Guid> ItemAsync(PointsWorld world, long price, int stock)
    {
        var response = await world.MemberClient.PostAsJsonAsync($"/api/v1/merchants/{world.MerchantId}/items", new { name = "洗衣皂", pointsPrice = price, stock });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static Task<HttpResponseMessage> RedeemAsync(HttpClient resident, Guid itemId, string? key = null) =>
        SendAsync(resident, "/api/v1/redemptions", new { itemId }, key ?? Guid.NewGuid().ToString());

    public static async Task<string> CodeOfAsync(HttpResponseMessage redeemed) =>
        (await redeemed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;

    public static async Task<(long Balance, long Held, int Movements)> PassbookAsync(HttpClient client)
    {
        var body = await client.GetFromJsonAsync<JsonElement>("/api/v1/points/me");
        return (body.GetProperty("balance").GetInt64(), body.GetProperty("held").GetInt64(), body.GetProperty("movements").GetArrayLength());
    }

    public async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public Task<int> TransferCountAsync() => QueryAsync(db => db.Set<PointsTransfer>().CountAsync());

    public Task<ReconcileReport> ReconcileAsync() => QueryAsync(db => new Reconciliation(db).RunAsync(CancellationToken.None));

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string url, object body, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        if (key is not null)
        {
            request.Headers.Add(Idempotency.Header, key);
        }

        return client.SendAsync(request);
    }
}
