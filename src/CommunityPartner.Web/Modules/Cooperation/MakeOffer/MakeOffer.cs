using System.Security.Claims;
using CommunityPartner.Web.Modules.Notifications.Contracts;
using CommunityPartner.Web.Modules.Partners.Contracts;
using CommunityPartner.Web.Modules.Projects.Contracts;
using CommunityPartner.Web.Modules.Roadshows.Contracts;
using CommunityPartner.Web.Platform.Audit;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Web;

namespace CommunityPartner.Web.Modules.Cooperation.MakeOffer;

/// <param name="PartnerId">Which partner offers; may be left out when the caller is a member of exactly one.</param>
/// <param name="Draft">True: keep it as a draft (no lines needed); false: submit it for negotiation.</param>
/// <param name="DueOn">兑现期限 (district date); left out: 90 days from today. Not in the past, at most 3 years ahead.</param>
public sealed record MakeOfferInput(Guid? PartnerId, IReadOnlyList<OfferLineInput>? Lines, string? Message, bool Draft = false, DateOnly? DueOn = null);

/// <summary>
/// A partner member offers help to a recruiting project (我要出力), or turns a roadshow interest into a draft
/// (起草意向). Any partner, verified or not, may offer; only verified partners sign. The community's staff are told.
/// </summary>
public sealed class MakeOfferHandler(
    AppDbContext db, IProjectMatching projects, IPartnerRoster partners, IRoadshowInterests interests, CooperationPeople people,
    INotifier notifier, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<Offer>> HandleAsync(Guid projectId, MakeOfferInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        if (user.UserId() is not { } userId)
        {
            return Result<Offer>.Forbidden("请先登录");
        }

        var project = await projects.FindWithAsksAsync(projectId, ct);
        if (project is null)
        {
            return Result<Offer>.NotFound("未找到这个项目");
        }

        var mine = await partners.OfMemberAsync(userId, ct);
        if (mine.Count == 0)
        {
            return Result<Offer>.Forbidden("只有合伙人成员可以出力，请先登记成为合伙人");
        }

        var errors = new ValidationErrors();
        var partner = input.PartnerId is { } pid ? mine.FirstOrDefault(p => p.Id == pid) : mine.Count == 1 ? mine[0] : null;
        if (partner is null)
        {
            errors.Add("partnerId", input.PartnerId is null ? "请选择以哪个合伙人的名义出力" : "你不是这个合伙人的成员");
        }

        var message = input.Message?.Trim() ?? "";
        errors.Text("message", message, Offer.MessageMax, null, "留言不能超过 {0} 个字");
        var lines = input.Draft && (input.Lines is null || input.Lines.Count == 0) ? [] : OfferLines.Validate(input.Lines, project, errors);
        var dueOn = OfferLines.ValidateDueOn(input.DueOn, clock.GetUtcNow().UtcDateTime, errors);
        if (!errors.IsValid)
        {
            return errors;
        }

        if (project.Brief.StatusCode != "recruiting")
        {
            return Result<Offer>.Conflict("只有招募合伙人中的项目才能接受出力");
        }

        if (input.Draft && !await interests.HasInterestAsync(userId, projectId, ct))
        {
            return Result<Offer>.Conflict("请先在路演上对这个项目表达合作意向");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        Offer offer;
        try
        {
            offer = input.Draft
                ? Offer.Draft(projectId, project.Brief.CommunityId, partner!.Id, userId, now)
                : Offer.Make(projectId, project.Brief.CommunityId, partner!.Id, userId, lines, dueOn, message, now);
            if (input.Draft && lines.Count > 0)
            {
                offer.Amend(lines, userId, OfferSide.Partner, now, dueOn);
            }
        }
        catch (DomainException e)
        {
            return Result<Offer>.Conflict(e.MessageKey, [.. e.Args]);
        }

        db.Add(offer);
        audit.Record(input.Draft ? "cooperation.offer.draft" : "cooperation.offer.make", nameof(Offer), offer.Id, null, offer.Snapshot(), offer.CommunityId, userId);
        if (!input.Draft)
        {
            notifier.Notify(await people.StaffOfAsync(offer.CommunityId, ct), "合伙人“{0}”为项目“{1}”出力，请查看并协商", $"/offers/{offer.Id}",
                [partner.Name, project.Brief.Title], except: userId);
        }

        await db.SaveChangesAsync(ct);
        return offer;
    }
}
