using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CommunityPartner.Tests.Modules.Cooperation;
using CommunityPartner.Tests.Modules.Points;
using CommunityPartner.Web.Modules.Bills;
using CommunityPartner.Web.Modules.Cooperation;
using CommunityPartner.Web.Modules.Cooperation.RecordDelivery;
using CommunityPartner.Web.Modules.Partners;
using CommunityPartner.Web.Modules.Points.Ledger;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Tests.Infrastructure;

/// <summary>
/// Partner contributions and points for a bill: built through the real APIs, then moved into 2025-Q2 (signings,
/// confirmations and ledger transfers), like <see cref="BillsTestData"/> does for needs.
/// </summary>
public sealed class BillPartnersTestData(AppFactory factory)
{
    public static readonly DateTime InQuarter = new(2025, 5, 10, 2, 0, 0, DateTimeKind.Utc);
    private readonly CooperationTestData _cooperation = new(factory);
    private readonly PointsTestData _points = new(factory);

    /// <summary>
    /// A community with an enterprise that signed money 50 000 + service 40 h (8 000 yuan) and delivered 20 000 yuan
    /// (confirmed) plus 10 h (recorded, not confirmed); and a caring individual that signed a resource worth 3 000
    /// yuan and delivered it (confirmed). Everything signed and confirmed in 2025-Q2.
    /// </summary>
    public async Task<(CooperationWorld World, PartnerSide Individual, Guid EnterpriseIntent, Guid IndividualIntent)> ContributionsAsync()
    {
        var w = await _cooperation.WorldAsync();
        var (_, enterpriseIntent) = await CooperationTestData.SignedAsync(w);
        var individual = await _cooperation.PartnerAsync(w.Community, type: "individual");
        var (_, individualIntent) = await CooperationTestData.SignedAsync(w with { Partner = individual }, [CooperationTestData.Resource("二手书架", 3_000, null)]);

        var money = await LineAsync(w, enterpriseIntent, "money");
        var service = await LineAsync(w, enterpriseIntent, "service");
        await ConfirmAsync(w, await RecordAsync(w.Partner.Client, enterpriseIntent, money, 20_000, null));
        await RecordAsync(w.Partner.Client, enterpriseIntent, service, 0, 10);
        await ConfirmAsync(w, await RecordAsync(individual.Client, individualIntent, await LineAsync(w, individualIntent, "resource"), 3_000, null));
        await MoveIntoQuarterAsync(w.Community.Id);
        return (w, individual, enterpriseIntent, individualIntent);
    }

    /// <summary>Moves every signing and confirmation of the community's cooperation into 2025-Q2.</summary>
    public Task MoveIntoQuarterAsync(Guid communityId) => _cooperation.QueryAsync(async db =>
    {
        var intents = await db.Set<CooperationIntent>().Where(i => i.CommunityId == communityId).Select(i => i.Id).ToListAsync();
        await db.Set<IntentVersion>().Where(v => intents.Contains(v.IntentId) && v.SignedAt != null).ExecuteUpdateAsync(u => u.SetProperty(v => v.SignedAt, InQuarter));
        return await db.Set<Delivery>().Where(d => d.CommunityId == communityId && d.DecidedAt != null).ExecuteUpdateAsync(u => u.SetProperty(d => d.DecidedAt, InQuarter));
    });

    /// <summary>
    /// A community whose pool issued 100 points twice to 张三丰 and once to 李四光 (300 points, 3 transfers, 2 active
    /// residents), and 张三丰 redeemed 50 at a merchant (confirmed); a third redemption is left pending. All in 2025-Q2.
    /// </summary>
    public async Task<(PointsWorld World, UserRef First, UserRef Second)> PointsAsync()
    {
        var world = await _points.WorldAsync(points: 100);
        var first = await factory.Data.UserAsync(world.Community, "张三丰");
        var second = await factory.Data.UserAsync(world.Community, "李四光");
        foreach (var phone in new[] { first.Phone, first.Phone, second.Phone })
        {
            Assert.Equal(HttpStatusCode.Created, (await PointsTestData.AwardAsync(world.StaffClient, phone, Guid.NewGuid().ToString())).StatusCode);
        }

        using var firstClient = await factory.Data.ApiClientAsync(first);
        var item = await PointsTestData.ItemAsync(world, price: 50, stock: 5);
        var code = await PointsTestData.CodeOfAsync(await PointsTestData.RedeemAsync(firstClient, item));
        Assert.Equal(HttpStatusCode.OK, (await world.MemberClient.PostAsync($"/api/v1/redemptions/{code}/confirm", null)).StatusCode);
        await PointsTestData.RedeemAsync(firstClient, item);
        await MovePointsIntoQuarterAsync(world.Community.Id, [first.Id, second.Id]);
        return (world, first, second);
    }

    /// <summary>Moves every transfer of the community's pool and of these residents into 2025-Q2.</summary>
    public Task MovePointsIntoQuarterAsync(Guid communityId, Guid[] residents) => _points.QueryAsync(async db =>
    {
        var accounts = await db.Set<PointsAccount>().Where(a => a.OwnerId == communityId || residents.Contains(a.OwnerId)).Select(a => a.Id).ToListAsync();
        return await db.Set<PointsTransfer>().Where(t => accounts.Contains(t.FromAccountId) || accounts.Contains(t.ToAccountId))
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.At, InQuarter));
    });

    public static async Task<Guid> LineAsync(CooperationWorld w, Guid intentId, string kind)
    {
        var intent = await ProjectsTestData.GetJsonAsync(w.StaffClient, $"/api/v1/intents/{intentId}");
        return intent.GetProperty("versions")[0].GetProperty("lines").EnumerateArray().First(l => l.GetProperty("kind").GetString() == kind).GetProperty("id").GetGuid();
    }

    public static async Task<Guid> RecordAsync(HttpClient partner, Guid intentId, Guid lineId, long yuan, int? hours)
    {
        var response = await partner.PostAsJsonAsync($"/api/v1/intents/{intentId}/deliveries", new { lineId, yuan, hours, note = "已兑现" });
        await ProjectsTestData.EnsureAsync(response, "record delivery");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static async Task ConfirmAsync(CooperationWorld w, Guid deliveryId) =>
        await ProjectsTestData.EnsureAsync(await w.StaffClient.PostAsync($"/api/v1/deliveries/{deliveryId}/confirm", null), "confirm delivery");

    public Task<string> PartnerNameAsync(Guid partnerId) =>
        new ProjectsTestData(factory).QueryAsync(db => db.Set<Partner>().Where(p => p.Id == partnerId).Select(p => p.Name).SingleAsync());

    /// <summary>Rewrites the community's published versions as a version made before contributions and points existed.</summary>
    public Task<int> StripNewFiguresAsync(Guid communityId) =>
        new ProjectsTestData(factory).QueryAsync(async db =>
        {
            var versions = await db.Set<BillVersion>().Where(v => v.CommunityId == communityId).ToListAsync();
            var old = new HashSet<string>(Enum.GetValues<BillFigure>().Where(f => f >= BillFigure.Pledged).Select(BillText.Code));
            foreach (var v in versions)
            {
                var figures = JsonNode.Parse(v.FiguresJson)!.AsObject();
                figures.Remove("contributions");
                figures.Remove("pointsIssued");
                figures.Remove("pointsRedeemed");
                var counts = figures["counts"]!.AsObject();
                foreach (var code in old)
                {
                    counts.Remove(code);
                }

                var records = JsonNode.Parse(v.RecordsJson)!.AsObject();
                foreach (var code in old)
                {
                    records.Remove(code);
                }

                var (f, r) = (figures.ToJsonString(), records.ToJsonString());
                await db.Set<BillVersion>().Where(x => x.Id == v.Id).ExecuteUpdateAsync(u => u
                    .SetProperty(x => x.FiguresJson, f).SetProperty(x => x.RecordsJson, r).SetProperty(x => x.ContentHash, BillVersion.HashOf(f, r)));
            }

            return versions.Count;
        });
}
