using System.Security.Claims;
using CommunityPartner.Web.Modules.Communities.Contracts;
using CommunityPartner.Web.Modules.Needs.Contracts;
using CommunityPartner.Web.Modules.Projects.Contracts;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Bills;

/// <summary>Who sees a bill before it is published: the district admin, and staff of the community for its own bill.</summary>
public static class BillPeople
{
    public static bool CanSeeDraft(ClaimsPrincipal user, Guid? communityId) =>
        user.IsInRole(Roles.DistrictAdmin) || (communityId is { } c && user.IsInRole(Roles.CommunityStaff) && user.CommunityId() == c);

    /// <summary>
    /// Who may open the records behind live figures: those who see drafts, and representatives (两代表一委员), who
    /// read the same live rates on the district dashboard (they do not see the draft page or publish).
    /// </summary>
    public static bool CanSeeLiveRecords(ClaimsPrincipal user, Guid? communityId) =>
        CanSeeDraft(user, communityId) || user.IsInRole(Roles.Representative);
}

/// <summary>
/// Reads bills: the live (draft) figures of a community or the district, computed from the records; the published,
/// frozen versions; and the records behind each figure of either. Live figures and their lists come from one set of
/// facts and one set of rules, so a figure and its list always agree; a published figure's list is the ids frozen
/// with it.
/// </summary>
public sealed class BillReader(AppDbContext db, ICommunityDirectory communities, INeedFacts needFacts, INeedLinks needs, IProjectCatalog projects, TimeProvider clock)
{
    public async Task<Result<BillSheet>> ReadDraftAsync(ClaimsPrincipal user, string? communityCode, string? periodCode, CancellationToken ct)
    {
        var (errors, community, period) = await ScopeAsync(communityCode, periodCode, ct);
        if (!errors.IsValid)
        {
            return errors;
        }

        if (!BillPeople.CanSeeDraft(user, community?.Id))
        {
            return Result<BillSheet>.Forbidden("账单发布前，只有本社区工作人员和区管理员可以查看");
        }

        return await LiveSheetAsync(community, period, ct);
    }

    /// <summary>
    /// The live figures from the needs' tallies (ADR 0014) — equal to <see cref="LiveAsync"/>'s sheet, without loading
    /// every need of the period. The lists behind them and publishing stay on the per-need path.
    /// </summary>
    public async Task<BillSheet> LiveSheetAsync(CommunityInfo? community, BillPeriod period, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var cells = await needFacts.TallyAsync(community?.Id, period.StartUtc, period.EndUtc, ct);
        return BillSheet.FromTallies(community, period, now, cells, await projects.FactsAsync(community?.Id, ct));
    }

    /// <summary>The published versions of a bill, oldest first, and the one asked for (the latest when no number).</summary>
    public async Task<Result<PublishedBill>> ReadPublishedAsync(string? communityCode, string? periodCode, int? number, CancellationToken ct)
    {
        var (errors, community, period) = await ScopeAsync(communityCode, periodCode, ct);
        if (!errors.IsValid)
        {
            return errors;
        }

        var scope = BillVersion.ScopeOf(community?.Id);
        var versions = await db.Set<BillVersion>().AsNoTracking()
            .Where(v => v.Scope == scope && v.PeriodCode == period.Code).OrderBy(v => v.Number).ToListAsync(ct);
        var shown = number is { } n ? versions.FirstOrDefault(v => v.Number == n) : versions.LastOrDefault();
        if (number is not null && shown is null)
        {
            return Result<PublishedBill>.NotFound("没有这一版账单");
        }

        return new PublishedBill(community, period, versions, shown);
    }

    public async Task<Result<BillRecords>> RecordsAsync(ClaimsPrincipal user, string? communityCode, string? periodCode, string? figureCode, int? number, CancellationToken ct)
    {
        var (errors, community, period) = await ScopeAsync(communityCode, periodCode, ct);
        if (!BillText.TryParse(figureCode, out var figure))
        {
            errors.Add("figure", "没有这一项数字");
        }

        if (!errors.IsValid)
        {
            return errors;
        }

        if (number is { } n)
        {
            var scope = BillVersion.ScopeOf(community?.Id);
            var version = await db.Set<BillVersion>().AsNoTracking().FirstOrDefaultAsync(v => v.Scope == scope && v.PeriodCode == period.Code && v.Number == n, ct);
            if (version is null)
            {
                return Result<BillRecords>.NotFound("没有这一版账单");
            }

            var frozen = version.Records.GetValueOrDefault(BillText.Code(figure)) ?? [];
            return BillRules.IsAboutProjects(figure)
                ? new BillRecords(community, period, figure, n, [], await ProjectsAsync(community, frozen, ct))
                : new BillRecords(community, period, figure, n, await needs.FindAsync(frozen, ct), []);
        }

        if (!BillPeople.CanSeeLiveRecords(user, community?.Id))
        {
            return Result<BillRecords>.Forbidden("账单发布前，只有本社区工作人员和区管理员可以查看");
        }

        var live = await LiveAsync(community, period, ct);
        var ids = live.Records[BillText.Code(figure)];
        return BillRules.IsAboutProjects(figure)
            ? new BillRecords(community, period, figure, null, [], await ProjectsAsync(community, ids, ct))
            : new BillRecords(community, period, figure, null, await needs.FindAsync(ids, ct), []);
    }

    /// <summary>The live figures and, for each figure's code, the ids of the records it counts (needs newest first).</summary>
    public async Task<LiveBill> LiveAsync(CommunityInfo? community, BillPeriod period, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var facts = await needFacts.SubmittedBetweenAsync(community?.Id, period.StartUtc, period.EndUtc, ct);
        var projectFacts = await projects.FactsAsync(community?.Id, ct);
        var newestFirst = facts.OrderByDescending(n => n.SubmittedAt).ThenByDescending(n => n.Id).ToList();
        var records = Enum.GetValues<BillFigure>().ToDictionary(
            BillText.Code,
            f => (IReadOnlyList<Guid>)(BillRules.IsAboutProjects(f)
                ? [.. projectFacts.Where(p => BillRules.Counts(f, p, period)).Select(p => p.Id)]
                : [.. newestFirst.Where(n => BillRules.Counts(f, n)).Select(n => n.Id)]));
        return new LiveBill(BillSheet.Compute(community, period, now, facts, projectFacts), records);
    }

    internal async Task<(ValidationErrors Errors, CommunityInfo? Community, BillPeriod Period)> ScopeAsync(string? communityCode, string? periodCode, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        CommunityInfo? community = null;
        if (!string.IsNullOrWhiteSpace(communityCode) && communityCode.Trim() != BillVersion.DistrictScope)
        {
            community = await communities.FindByCodeAsync(communityCode.Trim(), ct);
            if (community is null)
            {
                errors.Add("community", "没有这个社区");
            }
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (string.IsNullOrWhiteSpace(periodCode))
        {
            return (errors, community, BillPeriod.QuarterOf(now).Previous);
        }

        if (!BillPeriod.TryParse(periodCode, out var period))
        {
            errors.Add("period", "账期应写成 2025、2025-Q2 或 2025-06 这样的格式");
        }
        else if (!period.HasStarted(now))
        {
            errors.Add("period", "这个账期还没有开始");
        }

        return (errors, community, period);
    }

    private async Task<IReadOnlyList<ProjectFact>> ProjectsAsync(CommunityInfo? community, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var all = await projects.FactsAsync(community?.Id, ct);
        var byId = all.ToDictionary(p => p.Id);
        return [.. ids.Where(byId.ContainsKey).Select(id => byId[id])];
    }
}

public sealed record LiveBill(BillSheet Sheet, IReadOnlyDictionary<string, IReadOnlyList<Guid>> Records);

/// <summary>A bill's published versions (oldest first) and the one shown; <see cref="Shown"/> is null when none is published.</summary>
public sealed record PublishedBill(CommunityInfo? Community, BillPeriod Period, IReadOnlyList<BillVersion> Versions, BillVersion? Shown)
{
    public BillVersion? PreviousOfShown => Shown is null ? null : Versions.LastOrDefault(v => v.Number < Shown.Number);
}
