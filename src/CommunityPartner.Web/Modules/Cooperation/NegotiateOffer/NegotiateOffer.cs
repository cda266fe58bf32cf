using System.Security.Claims;
using CommunityPartner.Web.Modules.Projects.Contracts;
using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Cooperation.NegotiateOffer;

/// <summary>
/// The negotiation of an offer: messages between the partner and the community's staff, amendments of the lines by
/// either side (recorded in the thread as old → new), the partner submitting a draft or withdrawing before signing.
/// </summary>
public sealed class NegotiateOfferHandler(OfferWork work, AppDbContext db, IProjectMatching projects)
{
    public Task<Result<Offer>> PostAsync(Guid offerId, string? text, ClaimsPrincipal user, CancellationToken ct)
    {
        var trimmed = text?.Trim() ?? "";
        return work.RunAsync(offerId, user, Actor.Either, new("cooperation.offer.message", "关于“{0}”的出力方案有新留言"), (offer, side, userId, now) =>
        {
            var errors = new ValidationErrors().Text("text", trimmed, Offer.MessageMax, "请写下留言内容", "留言不能超过 {0} 个字");
            if (errors.IsValid)
            {
                offer.Post(userId, side, trimmed, now);
            }

            return Task.FromResult<ValidationErrors?>(errors);
        }, ct);
    }

    /// <param name="dueOn">A new 兑现期限; null keeps the current one.</param>
    public Task<Result<Offer>> AmendAsync(Guid offerId, IReadOnlyList<OfferLineInput>? lines, ClaimsPrincipal user, CancellationToken ct, DateOnly? dueOn = null) =>
        work.RunAsync(offerId, user, Actor.Either, new("cooperation.offer.amend", "“{0}”的出力方案内容有修改，请查看"), async (offer, side, userId, now) =>
        {
            var project = await projects.FindWithAsksAsync(offer.ProjectId, ct);
            var errors = new ValidationErrors();
            if (project is null)
            {
                return errors.Add("lines", "未找到这个项目");
            }

            var drafts = OfferLines.Validate(lines, project, errors);
            var due = OfferLines.ValidateDueOn(dueOn, now, errors);
            if (errors.IsValid)
            {
                offer.Amend(drafts, userId, side, now, due);
            }

            return errors;
        }, ct);

    public Task<Result<Offer>> SubmitAsync(Guid offerId, ClaimsPrincipal user, CancellationToken ct) =>
        work.RunAsync(offerId, user, Actor.Partner, new("cooperation.offer.submit", "合伙人“{0}”提交了出力方案，请查看并协商"), async (offer, _, userId, now) =>
        {
            var project = await projects.FindWithAsksAsync(offer.ProjectId, ct);
            if (project?.Brief.StatusCode != "recruiting")
            {
                throw new DomainException("只有招募合伙人中的项目才能接受出力");
            }

            offer.Submit(userId, now);
            return null;
        }, ct);

    /// <summary>Withdrawing an accepted offer voids its unsigned intent too; a signed one cannot be withdrawn.</summary>
    public Task<Result<Offer>> WithdrawAsync(Guid offerId, ClaimsPrincipal user, CancellationToken ct) =>
        work.RunAsync(offerId, user, Actor.Partner, new("cooperation.offer.withdraw", "合伙人“{0}”撤回了出力方案"), async (offer, _, _, now) =>
        {
            offer.Withdraw(now);
            var intent = await db.Set<CooperationIntent>().FirstOrDefaultAsync(i => i.OfferId == offer.Id, ct);
            intent?.MarkVoid();
            return null;
        }, ct);
}
