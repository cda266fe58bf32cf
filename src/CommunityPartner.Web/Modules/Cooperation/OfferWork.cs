using System.Security.Claims;
using CommunityPartner.Web.Modules.Notifications.Contracts;
using CommunityPartner.Web.Platform.Audit;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Cooperation;

/// <summary>Which side may take an action on an offer.</summary>
public enum Actor
{
    Partner,
    Community,
    Either,
}

/// <summary>What an action did, for the audit entry and the other side's notification.</summary>
/// <param name="NotifyKey">Chinese text with {0} = partner name, {1} = offer link text; null: nobody is told.</param>
public sealed record OfferActed(string Action, string? NotifyKey);

/// <summary>
/// The common run of an action on an offer: load it, check the actor's side, let the entity decide, audit, tell the
/// other side, save once. A refused move (DomainException) or a lost race (Version) is a 409; nothing is saved then.
/// </summary>
public sealed class OfferWork(AppDbContext db, CooperationPeople people, INotifier notifier, AuditLog audit, TimeProvider clock)
{
    public delegate Task<ValidationErrors?> Act(Offer offer, OfferSide side, Guid userId, DateTime now);

    public async Task<Result<Offer>> RunAsync(Guid offerId, ClaimsPrincipal user, Actor who, OfferActed acted, Act act, CancellationToken ct)
    {
        var offer = await db.Set<Offer>().Include(o => o.Lines).Include(o => o.Messages).AsSplitQuery().FirstOrDefaultAsync(o => o.Id == offerId, ct);
        if (offer is null)
        {
            return Result<Offer>.NotFound("未找到这个出力方案");
        }

        var parties = await people.PartiesAsync(offer.PartnerId, offer.CommunityId, user, ct);
        if (parties is null || user.UserId() is not { } userId)
        {
            return Result<Offer>.Forbidden("只有出力的合伙人成员和项目所在社区的社区工作者可以办理");
        }

        OfferSide side;
        if (who != Actor.Community && parties.IsMember)
        {
            side = OfferSide.Partner;
        }
        else if (who != Actor.Partner && parties.IsStaff)
        {
            side = OfferSide.Community;
        }
        else
        {
            return Result<Offer>.Forbidden(who switch
            {
                Actor.Partner => "只有出力的合伙人成员可以办理",
                Actor.Community => "只有项目所在社区的社区工作者可以办理",
                _ => "只有出力的合伙人成员和项目所在社区的社区工作者可以办理",
            });
        }

        var before = offer.Snapshot();
        var now = clock.GetUtcNow().UtcDateTime;
        try
        {
            if (await act(offer, side, userId, now) is { IsValid: false } errors)
            {
                return errors;
            }
        }
        catch (DomainException e)
        {
            return Result<Offer>.Conflict(e.MessageKey, [.. e.Args]);
        }

        audit.Record(acted.Action, nameof(Offer), offer.Id, before, offer.Snapshot(), offer.CommunityId, userId);
        if (acted.NotifyKey is { } key)
        {
            var others = side == OfferSide.Partner ? await people.StaffOfAsync(offer.CommunityId, ct) : [.. parties.Partner.MemberIds];
            notifier.Notify(others, key, $"/offers/{offer.Id}", [parties.Partner.Name], except: userId);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<Offer>.Conflict("这个出力方案刚被其他人更新，请刷新后再试");
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            return Result<Offer>.Conflict("这个出力方案刚被其他人更新，请刷新后再试");
        }

        return offer;
    }
}
