using System.Net.Http.Json;
using System.Text.Json;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Tests.Modules.Partners;
using CommunityPartner.Web.Modules.Cooperation;
using CommunityPartner.Web.Modules.Projects;
using CommunityPartner.Web.Platform.Audit;
using CommunityPartner.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Tests.Modules.Cooperation;

/// <summary>A partner and one of its members, signed in over the API.</summary>
public sealed record PartnerSide(UserRef Member, HttpClient Client, Guid PartnerId);

/// <summary>
/// A recruiting project of a community (asks: funding 50 000 yuan and a 40-hour service, both key), its staff, and a
/// verified partner (or not) with a member — everything an offer needs, made over the real APIs.
/// </summary>
public sealed record CooperationWorld(
    CommunityRef Community, UserRef Staff, HttpClient StaffClient, Guid ProjectId, Guid FundingAsk, Guid ServiceAsk, PartnerSide Partner);

public sealed class CooperationTestData(AppFactory factory)
{
    public async Task<CooperationWorld> WorldAsync(bool verified = true)
    {
        var community = await factory.Data.CommunityAsync();
        var staff = await factory.Data.StaffAsync(community);
        var staffClient = await factory.Data.ApiClientAsync(staff);
        var projectId = await new ProjectsTestData(factory).ProjectAsync(staffClient, community, ProjectStatus.Recruiting);
        var asks = (await ProjectsTestData.GetJsonAsync(staffClient, $"/api/v1/projects/{projectId}")).GetProperty("asks").EnumerateArray().ToList();
        Guid Ask(string kind) => asks.First(a => a.GetProperty("kind").GetString() == kind).GetProperty("id").GetGuid();
        return new CooperationWorld(community, staff, staffClient, projectId, Ask("funding"), Ask("service"), await PartnerAsync(community, verified));
    }

    public async Task<PartnerSide> PartnerAsync(CommunityRef community, bool verified = true, string type = "enterprise")
    {
        var member = await factory.Data.UserAsync(community, "合伙人成员", Roles.PartnerMember);
        var client = await factory.Data.ApiClientAsync(member);
        var partnerId = await PartnersTestData.RegisterAsync(client, PartnersTestData.Body(community, type));
        if (verified)
        {
            using var admin = await factory.Data.ApiClientAsync(await factory.Data.AdminAsync());
            await ProjectsTestData.EnsureAsync(await admin.PostAsJsonAsync($"/api/v1/partners/{partnerId}/verify", new { }), "verify");
        }

        return new PartnerSide(member, client, partnerId);
    }

    public static object Money(long yuan, Guid? needId) => new { kind = "money", yuan, needId };

    public static object Service(string what, int hours, long yuan, Guid? needId) => new { kind = "service", what, hours, yuan, needId };

    public static object Resource(string what, long yuan, Guid? needId) => new { kind = "resource", what, yuan, needId };

    /// <summary>The world's partner offers the whole funding ask and the whole service ask.</summary>
    public static object[] CoveringLines(CooperationWorld w) => [Money(50_000, w.FundingAsk), Service("设计服务", 40, 8_000, w.ServiceAsk)];

    public static Task<HttpResponseMessage> PostOfferAsync(HttpClient client, Guid projectId, object body) =>
        client.PostAsJsonAsync($"/api/v1/projects/{projectId}/offers", body);

    public static async Task<Guid> OfferAsync(CooperationWorld w, object[]? lines = null)
    {
        var response = await PostOfferAsync(w.Partner.Client, w.ProjectId, new { lines = lines ?? CoveringLines(w), message = "我们愿意出力" });
        await ProjectsTestData.EnsureAsync(response, "offer");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>Offer and accept: returns the offer and its intent.</summary>
    public static async Task<(Guid OfferId, Guid IntentId)> AcceptedAsync(CooperationWorld w, object[]? lines = null)
    {
        var offerId = await OfferAsync(w, lines);
        var response = await w.StaffClient.PostAsync($"/api/v1/offers/{offerId}/accept", null);
        await ProjectsTestData.EnsureAsync(response, "accept");
        return (offerId, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("intentId").GetGuid());
    }

    /// <summary>Offer, accept and both sides confirm.</summary>
    public static async Task<(Guid OfferId, Guid IntentId)> SignedAsync(CooperationWorld w, object[]? lines = null)
    {
        var (offerId, intentId) = await AcceptedAsync(w, lines);
        await ProjectsTestData.EnsureAsync(await w.Partner.Client.PostAsync($"/api/v1/intents/{intentId}/confirm", null), "partner confirm");
        await ProjectsTestData.EnsureAsync(await w.StaffClient.PostAsync($"/api/v1/intents/{intentId}/confirm", null), "staff confirm");
        return (offerId, intentId);
    }

    public Task<T> QueryAsync<T>(Func<Web.Platform.Data.AppDbContext, Task<T>> query) => new ProjectsTestData(factory).QueryAsync(query);

    public Task<(int Offers, int Lines, int Messages, int Intents)> CountRowsAsync() => QueryAsync(async db => (
        await db.Set<Offer>().CountAsync(), await db.Set<OfferLine>().CountAsync(), await db.Set<OfferMessage>().CountAsync(), await db.Set<CooperationIntent>().CountAsync()));

    public Task<Offer> LoadAsync(Guid offerId) =>
        QueryAsync(db => db.Set<Offer>().AsNoTracking().Include(o => o.Lines).Include(o => o.Messages).AsSplitQuery().SingleAsync(o => o.Id == offerId));

    public Task<List<AuditEntry>> AuditOfAsync(Guid id) => QueryAsync(db => db.AuditEntries.AsNoTracking()
        .Where(a => a.EntityId == id.ToString()).OrderBy(a => a.Id).ToListAsync());

    public Task<List<string>> NotificationKeysAsync(Guid userId) => QueryAsync(db =>
        db.Set<Web.Modules.Notifications.Notification>().AsNoTracking().Where(n => n.UserId == userId).Select(n => n.TextKey).ToListAsync());
}
