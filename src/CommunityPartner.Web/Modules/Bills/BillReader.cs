using System.Globalization;
using System.Security.Claims;
using CommunityPartner.Web.Modules.Communities.Contracts;
using CommunityPartner.Web.Modules.Cooperation.Contracts;
using CommunityPartner.Web.Modules.Needs.Contracts;
using CommunityPartner.Web.Modules.Points.Contracts;
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
public sealed class BillReader(
    AppDbContext db, ICommunityDirectory communities, INeedFacts needFacts, INeedLinks needs, IProjectCatalog projects,
    IContributionFacts contributions, IPointsFacts points, IProjectSustainability sustainability, TimeProvider clock)
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
        var others = await FactsAsync(community, period, [], ct, withPoints: false);
        var pointsFigures = await points.FiguresAsync(community?.Id, period.StartUtc, period.EndUtc, ct);
        var selfFunding = await Sustainability.SustainabilityFigures.ReadAsync(sustainability, community?.Id, period, ct);
        return BillSheet.FromTallies(community, period, now, cells, others, pointsFigures) with { Sustainability = selfFunding };
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

            if (!version.Records.TryGetValue(BillText.Code(figure), out var frozen))
            {
                return new BillRecords(community, period, figure, n, [], []) { NotRecorded = true };
            }

            return await ListAsync(community, period, figure, n, frozen, ct);
        }

        if (!BillPeople.CanSeeLiveRecords(user, community?.Id))
        {
            return Result<BillRecords>.Forbidden("账单发布前，只有本社区工作人员和区管理员可以查看");
        }

        var live = await LiveAsync(community, period, ct);
        return await ListAsync(community, period, figure, null, live.Records[BillText.Code(figure)], ct);
    }

    /// <summary>The live figures and, for each figure's code, the ids of the records it counts (needs newest first).</summary>
    public async Task<LiveBill> LiveAsync(CommunityInfo? community, BillPeriod period, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var facts = await FactsAsync(community, period, await needFacts.SubmittedBetweenAsync(community?.Id, period.StartUtc, period.EndUtc, ct), ct);
        var records = Enum.GetValues<BillFigure>().ToDictionary(BillText.Code, f => facts.RecordIds(f, period));
        var selfFunding = await Sustainability.SustainabilityFigures.ReadAsync(sustainability, community?.Id, period, ct);
        records[Sustainability.SustainabilityFigures.RecordsKey] = [.. selfFunding.Records.Select(r => r.Id.ToString())];
        return new LiveBill(BillSheet.Compute(community, period, now, facts) with { Sustainability = selfFunding }, records);
    }

    /// <summary>The ids the live 完成的项目 figure counts (for the highlights of a draft), by the same rule.</summary>
    public async Task<IReadOnlyList<string>> CompletedProjectIdsAsync(CommunityInfo? community, BillPeriod period, CancellationToken ct) =>
        [.. (await projects.FactsAsync(community?.Id, ct)).Where(p => BillRules.Counts(BillFigure.ProjectsCompleted, p, period)).Select(p => p.Id.ToString())];

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

    /// <summary>The records with these ids, in the order given; ids of records gone since are left out.</summary>
    private async Task<BillRecords> ListAsync(CommunityInfo? community, BillPeriod period, BillFigure figure, int? version, IReadOnlyList<string> ids, CancellationToken ct)
    {
        var empty = new BillRecords(community, period, figure, version, [], []);
        var guids = ids.Select(id => Guid.TryParse(id, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).ToList();
        switch (BillRules.KindOf(figure))
        {
            case BillRecordKind.Needs:
                return empty with { Needs = await needs.FindAsync(guids, ct) };
            case BillRecordKind.Projects:
                var byId = await ProjectsByIdAsync(community, ct);
                return empty with { Projects = [.. guids.Where(byId.ContainsKey).Select(id => byId[id])] };
            case BillRecordKind.Intents or BillRecordKind.Deliveries:
                var found = BillRules.KindOf(figure) == BillRecordKind.Intents ? await contributions.IntentsAsync(guids, ct) : await contributions.DeliveriesAsync(guids, ct);
                var order = guids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
                return empty with { Contributions = [.. found.OrderBy(c => order[c.Id])], ContributionProjects = await ProjectsByIdAsync(community, ct) };
            case BillRecordKind.Transfers:
                var numbers = ids.Select(id => long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0).Where(n => n > 0).ToList();
                var moves = await points.TransfersAsync(numbers, ct);
                return empty with { Moves = moves, Residents = await points.ResidentsAsync([.. moves.Select(m => m.ResidentId).Distinct()], ct) };
            default:
                return empty with { Residents = await points.ResidentsAsync(guids, ct) };
        }
    }

    /// <summary>
    /// The facts of a community's (or the district's) period from the other modules, with the needs given; without the
    /// points transfers when <paramref name="withPoints"/> is false (the caller reads the points aggregates instead).
    /// </summary>
    private async Task<BillFacts> FactsAsync(CommunityInfo? community, BillPeriod period, IReadOnlyCollection<NeedFact> needs, CancellationToken ct, bool withPoints = true)
    {
        var (from, to) = (period.StartUtc, period.EndUtc);
        return new BillFacts(
            needs,
            await projects.FactsAsync(community?.Id, ct),
            await contributions.PledgedAsync(community?.Id, from, to, ct),
            await contributions.DeliveredAsync(community?.Id, from, to, ct),
            withPoints ? await points.IssuedAsync(community?.Id, from, to, ct) : [],
            withPoints ? await points.RedeemedAsync(community?.Id, from, to, ct) : []);
    }

    private async Task<IReadOnlyDictionary<Guid, ProjectFact>> ProjectsByIdAsync(CommunityInfo? community, CancellationToken ct) =>
        (await projects.FactsAsync(community?.Id, ct)).ToDictionary(p => p.Id);
}

public sealed record LiveBill(BillSheet Sheet, IReadOnlyDictionary<string, IReadOnlyList<string>> Records);

/// <summary>A bill's published versions (oldest first) and the one shown; <see cref="Shown"/> is null when none is published.</summary>
public sealed record PublishedBill(CommunityInfo? Community, BillPeriod Period, IReadOnlyList<BillVersion> Versions, BillVersion? Shown)
{
    public BillVersion? PreviousOfShown => Shown is null ? null : Versions.LastOrDefault(v => v.Number < Shown.Number);
}
