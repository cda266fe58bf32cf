using System.Security.Claims;
using CommunityPartner.Web.Modules.Communities.Contracts;
using CommunityPartner.Web.Modules.Partners.Contracts;
using CommunityPartner.Web.Modules.Projects.Contracts;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Web;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Cooperation.Recommend;

/// <summary>A reason as the API and pages show it: the code and its arguments (see <see cref="MatchReason"/>), the points it gave, and the sentence.</summary>
public sealed record ReasonView(string Code, IReadOnlyList<string> Args, int Points, string Text);

public sealed record RecommendedPartner(Guid PartnerId, string Name, string Type, bool Verified, int Score, IReadOnlyList<ReasonView> Reasons, IReadOnlyList<Guid> AskIds)
{
    public string Link => $"/partners/{PartnerId}";

    public string Summary => string.Join("; ", Reasons.Select(r => r.Text));
}

public sealed record RecommendedProject(Guid ProjectId, string Title, Guid CommunityId, int Score, IReadOnlyList<ReasonView> Reasons, IReadOnlyList<Guid> AskIds)
{
    public string Link => $"/projects/{ProjectId}";
}

/// <summary>
/// Recommendations (ADR 0010, "Matching"): partners that fit a project, for its community's staff and the district
/// admin; recruiting projects that fit a partner, for its members and the district admin. Everyone else is refused.
/// </summary>
public sealed class RecommendHandler(
    AppDbContext db, IProjectMatching projects, IPartnerProfiles partners, ICommunityDirectory communities, IStringLocalizer<SharedResource> text)
{
    public async Task<Result<IReadOnlyList<RecommendedPartner>>> PartnersForProjectAsync(Guid projectId, ClaimsPrincipal user, CancellationToken ct)
    {
        var project = await projects.FindWithAsksAsync(projectId, ct);
        if (project is null)
        {
            return Result<IReadOnlyList<RecommendedPartner>>.NotFound("未找到这个项目");
        }

        if (!CooperationPeople.IsStaffOf(user, project.Brief.CommunityId))
        {
            return Result<IReadOnlyList<RecommendedPartner>>.Forbidden("只有项目所在社区的社区工作者可以查看推荐的合伙人");
        }

        var profiles = await partners.ListAsync(ct);
        var records = await LineFulfilment.RecordsAsync(db, null, ct);
        var names = await CommunityNamesAsync(ct);
        var ranked = MatchScorer.RankPartners(Fit(project), profiles.Select(p => Fit(p, records)));
        var byId = profiles.ToDictionary(p => p.Id);
        return Result<IReadOnlyList<RecommendedPartner>>.Ok([.. ranked.Select(x => new RecommendedPartner(
            x.Partner.Id, x.Partner.Name, byId[x.Partner.Id].TypeCode, x.Partner.IsVerified, x.Fit.Score, Views(x.Fit, names), x.Fit.AskIds))]);
    }

    public async Task<Result<IReadOnlyList<RecommendedProject>>> ProjectsForPartnerAsync(Guid partnerId, ClaimsPrincipal user, CancellationToken ct)
    {
        var partner = await partners.FindAsync(partnerId, ct);
        if (partner is null)
        {
            return Result<IReadOnlyList<RecommendedProject>>.NotFound("未找到这个合伙人");
        }

        var isMember = user.UserId() is { } userId && partner.MemberIds.Contains(userId);
        if (!isMember && !user.IsInRole(Roles.DistrictAdmin))
        {
            return Result<IReadOnlyList<RecommendedProject>>.Forbidden("只有这个合伙人的成员可以查看为它推荐的项目");
        }

        var records = await LineFulfilment.RecordsAsync(db, [partnerId], ct);
        var names = await CommunityNamesAsync(ct);
        var ranked = MatchScorer.RankProjects(Fit(partner, records), (await projects.ListRecruitingAsync(ct)).Select(Fit));
        return Result<IReadOnlyList<RecommendedProject>>.Ok([.. ranked.Select(x => new RecommendedProject(
            x.Project.Id, x.Project.Title, x.Project.CommunityId, x.Fit.Score, Views(x.Fit, names), x.Fit.AskIds))]);
    }

    private static FitProject Fit(ProjectWithAsks p) => new(p.Brief.Id, p.Brief.Title, p.Brief.CommunityId, p.Asks);

    private static FitPartner Fit(PartnerProfile p, Dictionary<Guid, (int Pledged, int Delivered)> records)
    {
        var (pledged, delivered) = records.GetValueOrDefault(p.Id);
        return new FitPartner(p.Id, p.Name, p.IsVerified, p.Strengths, p.Communities, pledged, delivered);
    }

    private async Task<Dictionary<string, string>> CommunityNamesAsync(CancellationToken ct) =>
        (await communities.ListAsync(ct)).ToDictionary(c => c.Id.ToString(), c => c.DisplayName);

    private IReadOnlyList<ReasonView> Views(Fit fit, Dictionary<string, string> communityNames) =>
        [.. fit.Reasons.Select(r => new ReasonView(r.Code, r.Args, r.Points, Sentence(r, communityNames)))];

    private string Sentence(MatchReason r, Dictionary<string, string> communityNames) => r.Code switch
    {
        "strengths" => text["擅长 {0}", string.Join(text["、"], r.Args.Select(c => text[partners.StrengthKey(c)].Value))],
        "asks" => text["能帮上：{0}", string.Join(text["、"], r.Args)],
        "serves_community" => text["服务{0}", communityNames.GetValueOrDefault(r.Args[0], r.Args[0])],
        "record" => text["已兑现 {0}/{1}", r.Args[0], r.Args[1]],
        "no_record" => text["还没有签署过合作意向"],
        "verified" => text["已认证"],
        _ => text["尚未认证，认证后才能签署合作意向"],
    };
}
