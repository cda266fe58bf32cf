using System.Security.Claims;
using CommunityPartner.Web.Modules.Communities.Contracts;
using CommunityPartner.Web.Modules.Projects.Contracts;
using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Bills.Sustainability;

/// <summary>
/// The monthly records behind one self-sustainability figure of a bill: the total (no project) or one project's line.
/// <see cref="Figure"/> is null when the version was published before self-sustainability was part of the bill.
/// </summary>
public sealed record SustainabilityRecords(CommunityInfo? Community, BillPeriod Period, int? Version, SustainabilityProjectLine? Project, SustainabilityLine? Figure, IReadOnlyList<SustainabilityRecordLine> Records)
{
    public bool Recorded => Figure is not null;
}

/// <summary>Reads the records behind the bill's self-sustainability figures: frozen with a version (public), or live (staff).</summary>
public sealed class SustainabilityRecordsReader(AppDbContext db, BillReader bills, IProjectSustainability projects)
{
    public async Task<Result<SustainabilityRecords>> ReadAsync(ClaimsPrincipal user, string? communityCode, string? periodCode, Guid? projectId, int? number, CancellationToken ct)
    {
        var (errors, community, period) = await bills.ScopeAsync(communityCode, periodCode, ct);
        if (!errors.IsValid)
        {
            return errors;
        }

        SustainabilityFigures? figures;
        if (number is { } n)
        {
            var scope = BillVersion.ScopeOf(community?.Id);
            var version = await db.Set<BillVersion>().AsNoTracking().FirstOrDefaultAsync(v => v.Scope == scope && v.PeriodCode == period.Code && v.Number == n, ct);
            if (version is null)
            {
                return Result<SustainabilityRecords>.NotFound("没有这一版账单");
            }

            figures = version.Figures.Sustainability;
        }
        else
        {
            if (!BillPeople.CanSeeLiveRecords(user, community?.Id))
            {
                return Result<SustainabilityRecords>.Forbidden("账单发布前，只有本社区工作人员和区管理员可以查看");
            }

            figures = await SustainabilityFigures.ReadAsync(projects, community?.Id, period, ct);
        }

        if (figures is null)
        {
            return new SustainabilityRecords(community, period, number, null, null, []);
        }

        if (projectId is { } p)
        {
            var line = figures.Projects.FirstOrDefault(x => x.ProjectId == p);
            return line is null
                ? Result<SustainabilityRecords>.NotFound("这一期账单没有这个项目的运营收支")
                : new SustainabilityRecords(community, period, number, line, line.Figures, figures.RecordsOf(p));
        }

        return new SustainabilityRecords(community, period, number, null, figures.Total, figures.RecordsOf(null));
    }
}
