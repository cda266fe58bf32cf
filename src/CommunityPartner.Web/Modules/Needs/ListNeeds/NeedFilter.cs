using CommunityPartner.Web.Modules.Communities.Contracts;
using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Needs.ListNeeds;

/// <summary>Turns the list's public filter values (codes) into ids, shared by the page, the API and Open311.</summary>
public sealed record NeedFilter(Guid? CommunityId, NeedStatus? Status, Guid? CategoryId)
{
    public static async Task<NeedFilter> ResolveAsync(
        string? community, string? status, string? category, ICommunityDirectory communities, AppDbContext db, ValidationErrors errors, CancellationToken ct)
    {
        Guid? communityId = null;
        if (!string.IsNullOrWhiteSpace(community))
        {
            communityId = (await communities.FindByCodeAsync(community.Trim(), ct))?.Id;
            if (communityId is null)
            {
                errors.Add("community", "没有这个社区");
            }
        }

        NeedStatus? parsed = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            parsed = NeedText.ParseStatus(status.Trim());
            if (parsed is null)
            {
                errors.Add("status", "状态只能是 submitted、responded、in_progress、resolved、rated、rejected 或 merged");
            }
        }

        Guid? categoryId = null;
        if (!string.IsNullOrWhiteSpace(category))
        {
            categoryId = await db.Set<NeedCategory>().Where(c => c.Code == category.Trim()).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
            if (categoryId is null)
            {
                errors.Add("category", "没有这个类别");
            }
        }

        return new NeedFilter(communityId, parsed, categoryId);
    }

    public static async Task<(Dictionary<Guid, string> Communities, Dictionary<Guid, string> Categories)> NamesAsync(
        ICommunityDirectory communities, AppDbContext db, CancellationToken ct)
    {
        var list = await communities.ListAsync(ct);
        var categories = await db.Set<NeedCategory>().AsNoTracking().ToListAsync(ct);
        return (list.ToDictionary(c => c.Id, c => c.DisplayName), categories.ToDictionary(c => c.Id, c => c.DisplayName));
    }

    public static bool IsOverdue(NeedListRow n, DateTime now) =>
        n.Status is NeedStatus.Submitted or NeedStatus.Responded or NeedStatus.InProgress
        && ((n.FirstRespondedAt is null && now > n.RespondBy) || now > n.ResolveBy);
}
