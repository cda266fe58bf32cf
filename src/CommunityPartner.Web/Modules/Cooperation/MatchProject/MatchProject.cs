using System.Security.Claims;
using CommunityPartner.Web.Modules.Cooperation.RecordDelivery;
using CommunityPartner.Web.Modules.Projects.Contracts;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Cooperation.MatchProject;

/// <summary>
/// How far signed intents cover one ask of a project (pledged: the lines of signed versions pointing at it), and how
/// much of it was delivered (confirmed deliveries against those lines). Yuan sums money and estimated values.
/// </summary>
public sealed record AskCoverage(
    Guid Id, string Kind, string Title, bool IsKey, long AskedYuan, int? AskedHours, long PledgedYuan, int PledgedHours, bool Covered,
    long DeliveredYuan = 0, int DeliveredHours = 0);

/// <summary>
/// The project's staff mark it matched (已对接) once every key ask is covered by signed intents: funding by at least the
/// asked yuan, a service by at least the asked hours, a resource by any signed line pointing at it. Otherwise the
/// refusal names the asks still uncovered.
/// </summary>
public sealed class MatchProjectHandler(AppDbContext db, IProjectMatching projects)
{
    public async Task<IReadOnlyList<AskCoverage>?> CoverageAsync(Guid projectId, CancellationToken ct)
    {
        var project = await projects.FindWithAsksAsync(projectId, ct);
        if (project is null)
        {
            return null;
        }

        var signed = await db.Set<CooperationIntent>().AsNoTracking().Include(i => i.Versions).ThenInclude(v => v.Lines).AsSplitQuery()
            .Where(i => i.ProjectId == projectId && i.SignedNumber != null && !i.IsVoid).ToListAsync(ct);
        var lines = signed.SelectMany(i => i.SignedVersion!.Lines).ToList();
        var delivered = await db.Set<Delivery>().AsNoTracking()
            .Where(d => d.ProjectId == projectId && d.Status == DeliveryStatus.Confirmed && d.NeedId != null)
            .GroupBy(d => d.NeedId)
            .Select(g => new { NeedId = g.Key, Yuan = g.Sum(d => d.Yuan), Hours = g.Sum(d => d.Hours ?? 0) })
            .ToDictionaryAsync(x => x.NeedId!.Value, ct);
        return [.. project.Asks.Select(a =>
        {
            var mine = lines.Where(l => l.NeedId == a.Id).ToList();
            var yuan = mine.Sum(l => l.Yuan);
            var hours = mine.Where(l => l.Kind == OfferLineKind.Service).Sum(l => l.Hours ?? 0);
            var covered = a.Kind switch
            {
                "funding" => mine.Where(l => l.Kind == OfferLineKind.Money).Sum(l => l.Yuan) >= a.Yuan,
                "service" => a.Hours is { } asked ? hours >= asked : mine.Count > 0,
                _ => mine.Count > 0,
            };
            var done = delivered.GetValueOrDefault(a.Id);
            return new AskCoverage(a.Id, a.Kind, a.Title, a.IsKey, a.Yuan, a.Hours, yuan, hours, covered, done?.Yuan ?? 0, done?.Hours ?? 0);
        })];
    }

    public async Task<Result<IReadOnlyList<AskCoverage>>> MatchAsync(Guid projectId, ClaimsPrincipal user, CancellationToken ct)
    {
        var project = await projects.FindWithAsksAsync(projectId, ct);
        var coverage = await CoverageAsync(projectId, ct);
        if (project is null || coverage is null)
        {
            return Result<IReadOnlyList<AskCoverage>>.NotFound("未找到这个项目");
        }

        if (!CooperationPeople.IsStaffOf(user, project.Brief.CommunityId) || user.UserId() is not { } staffId)
        {
            return Result<IReadOnlyList<AskCoverage>>.Forbidden("只有本社区的社区工作者可以办理这个项目");
        }

        var uncovered = coverage.Where(c => c.IsKey && !c.Covered).Select(c => c.Title).ToList();
        if (uncovered.Count > 0)
        {
            return Result<IReadOnlyList<AskCoverage>>.Conflict("还有关键需求没有被已签署的合作意向覆盖：{0}", string.Join("、", uncovered));
        }

        try
        {
            await projects.MarkMatchedAsync(projectId, staffId, ct);
        }
        catch (DomainException e)
        {
            return Result<IReadOnlyList<AskCoverage>>.Conflict(e.MessageKey, [.. e.Args]);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<IReadOnlyList<AskCoverage>>.Conflict("这个项目刚被其他人更新，请刷新后再试");
        }

        return Result<IReadOnlyList<AskCoverage>>.Ok(coverage);
    }
}
