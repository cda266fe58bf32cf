using System.Security.Claims;
using CommunityPartner.Web.Modules.Notifications.Contracts;
using CommunityPartner.Web.Modules.Projects.Contracts;
using CommunityPartner.Web.Platform.Audit;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Cooperation.SignIntent;

/// <summary>
/// Both sides confirm the current version of a cooperation intent — a member of a verified partner, and the project's
/// community staff. The second confirmation signs it, and the offer becomes signed. Either side may propose a new
/// version; a signed version itself never changes.
/// </summary>
public sealed class SignIntentHandler(
    AppDbContext db, CooperationPeople people, IProjectMatching projects, INotifier notifier, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<CooperationIntent>> ConfirmAsync(Guid intentId, ClaimsPrincipal user, CancellationToken ct)
    {
        // Both sides may confirm at the same moment: the loser of the Version race reloads and confirms on top.
        for (var attempt = 0; ; attempt++)
        {
            var result = await RunAsync(intentId, user, (intent, offer, parties, side, userId, now) =>
            {
                var signed = intent.Confirm(side, userId, parties.Partner.IsVerified, now);
                if (signed)
                {
                    offer.MarkSigned(now);
                }

                return Task.FromResult((signed ? "cooperation.intent.sign" : "cooperation.intent.confirm",
                    signed ? "与“{0}”的合作意向已签署" : "“{0}”的合作意向有一方已确认，等你确认", (ValidationErrors?)null));
            }, retryOnRace: attempt < 3, ct);
            if (result is not null)
            {
                return result;
            }

            db.ChangeTracker.Clear();
        }
    }

    public async Task<Result<CooperationIntent>> ProposeAsync(Guid intentId, IReadOnlyList<OfferLineInput>? lines, ClaimsPrincipal user, CancellationToken ct) =>
        (await RunAsync(intentId, user, async (intent, offer, _, _, userId, now) =>
        {
            var errors = new ValidationErrors();
            var project = await projects.FindWithAsksAsync(intent.ProjectId, ct);
            var drafts = project is null ? [] : OfferLines.Validate(lines, project, errors);
            if (errors.IsValid)
            {
                intent.ProposeVersion(drafts, userId, now);
            }

            return ("cooperation.intent.version", "“{0}”的合作意向有新的版本，请确认", errors);
        }, retryOnRace: false, ct))!;

    private delegate Task<(string Action, string NotifyKey, ValidationErrors? Errors)> Act(
        CooperationIntent intent, Offer offer, Parties parties, OfferSide side, Guid userId, DateTime now);

    /// <returns>Null when a race was lost and the caller should retry.</returns>
    private async Task<Result<CooperationIntent>?> RunAsync(Guid intentId, ClaimsPrincipal user, Act act, bool retryOnRace, CancellationToken ct)
    {
        var intent = await db.Set<CooperationIntent>().Include(i => i.Versions).ThenInclude(v => v.Lines).AsSplitQuery()
            .FirstOrDefaultAsync(i => i.Id == intentId, ct);
        if (intent is null)
        {
            return Result<CooperationIntent>.NotFound("未找到这份合作意向");
        }

        var offer = await db.Set<Offer>().FirstAsync(o => o.Id == intent.OfferId, ct);
        var parties = await people.PartiesAsync(intent.PartnerId, intent.CommunityId, user, ct);
        if (parties is not { IsParty: true } || user.UserId() is not { } userId)
        {
            return Result<CooperationIntent>.Forbidden("只有出力的合伙人成员和项目所在社区的社区工作者可以办理");
        }

        var side = parties.IsMember ? OfferSide.Partner : OfferSide.Community;
        var before = intent.Snapshot();
        var now = clock.GetUtcNow().UtcDateTime;
        (string Action, string NotifyKey, ValidationErrors? Errors) done;
        try
        {
            done = await act(intent, offer, parties, side, userId, now);
        }
        catch (DomainException e)
        {
            return Result<CooperationIntent>.Conflict(e.MessageKey, [.. e.Args]);
        }

        if (done.Errors is { IsValid: false } errors)
        {
            return errors;
        }

        audit.Record(done.Action, nameof(CooperationIntent), intent.Id, before, intent.Snapshot(), intent.CommunityId, userId);
        var others = side == OfferSide.Partner ? await people.StaffOfAsync(intent.CommunityId, ct) : [.. parties.Partner.MemberIds];
        notifier.Notify(others, done.NotifyKey, $"/intents/{intent.Id}", [parties.Partner.Name], except: userId);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return retryOnRace ? null : Result<CooperationIntent>.Conflict("这份合作意向刚被其他人更新，请刷新后再试");
        }

        return intent;
    }
}
