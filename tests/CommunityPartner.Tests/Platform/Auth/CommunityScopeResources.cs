using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Web.Modules.Cooperation;
using CommunityPartner.Web.Modules.Needs;
using CommunityPartner.Web.Modules.Partners;
using CommunityPartner.Web.Modules.Projects;
using CommunityPartner.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPartner.Tests.Platform.Auth;

/// <summary>
/// For each community scope resolver (<c>CommunityScopeAttribute.Resolver</c>): how to make a resource owned by a
/// given community, returning the route value the resolver reads. A module that adds a resolver adds its entry here;
/// <see cref="CommunityScopeTests"/> fails until it does.
/// </summary>
public static class CommunityScopeResources
{
    public static readonly IReadOnlyDictionary<string, Func<AppFactory, CommunityRef, Task<string>>> Factories =
        new Dictionary<string, Func<AppFactory, CommunityRef, Task<string>>>(StringComparer.Ordinal)
        {
            ["community"] = (_, community) => Task.FromResult(community.Code),
            ["need"] = NeedInAsync,
            ["project"] = ProjectInAsync,
            ["offer"] = OfferInAsync,
        };

    private static async Task<string> NeedInAsync(AppFactory factory, CommunityRef community)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var category = await db.Set<NeedCategory>().FirstAsync(c => c.Code == "other");
        var need = Need.Raise(
            new NeedDraft(community.Id, "范围测试诉求", "用于检查社区范围的诉求", "测试地址", null, null, NeedChannel.Web, null, null, false),
            category, DateTime.UtcNow);
        db.Add(need);
        await db.SaveChangesAsync();
        return need.Id.ToString();
    }

    private static async Task<string> ProjectInAsync(AppFactory factory, CommunityRef community)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var category = await db.Set<NeedCategory>().FirstAsync(c => c.Code == "other");
        var project = Project.Create(
            new ProjectDraft(community.Id, category.Id, "范围测试项目", "用于检查社区范围的项目", "", "", null, null, OperatingModel.PublicGood, "", 1000),
            [new ResourceNeedDraft(null, ResourceKind.Funding, "资金", null, 1000, true)], Guid.NewGuid(), DateTime.UtcNow);
        db.Add(project);
        await db.SaveChangesAsync();
        return project.Id.ToString();
    }

    private static async Task<string> OfferInAsync(AppFactory factory, CommunityRef community)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var partner = Partner.Register(
            new PartnerDraft(PartnerType.Individual, "范围测试合伙人", null, "王先生", "13700000000", "", ["funding"], [community.Id], false), Guid.NewGuid(), DateTime.UtcNow);
        var offer = Offer.Make(Guid.NewGuid(), community.Id, partner.Id, Guid.NewGuid(), [new OfferLineDraft(OfferLineKind.Money, "", null, 100, null)], null, null, DateTime.UtcNow);
        db.AddRange(partner, offer);
        await db.SaveChangesAsync();
        return offer.Id.ToString();
    }

    /// <summary>The endpoints whose resolver has no entry, as one message per endpoint (empty when all are covered).</summary>
    public static IReadOnlyList<string> Uncovered(IEnumerable<ScopedEndpoint> endpoints, IReadOnlyDictionary<string, Func<AppFactory, CommunityRef, Task<string>>> factories) =>
        [.. endpoints
            .Where(e => !factories.ContainsKey(e.Scope.Resolver))
            .Select(e => $"{e} is scoped with resolver \"{e.Scope.Resolver}\", but {nameof(CommunityScopeResources)}.{nameof(Factories)} "
                + $"has no entry for it: add one that creates a \"{e.Scope.Resolver}\" resource in a given community and returns its route value.")];
}
