using System.Security.Claims;
using CommunityPartner.Web.Modules.Notifications.Contracts;
using CommunityPartner.Web.Platform.Audit;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Partners.InviteMember;

/// <summary>A member of the partner as its colleagues see them: the name they gave and a masked number.</summary>
public sealed record MemberView(Guid UserId, string Name, string Phone, bool IsOwner, DateTime JoinedAt);

/// <summary>An invitation as the partner's members see it (number masked) or as the invited person sees it.</summary>
public sealed record InvitationView(
    Guid Id, Guid PartnerId, string PartnerName, string Phone, string InvitedBy, DateTime CreatedAt, DateTime ExpiresAt, string Status, string StatusKey);

/// <summary>The partner's people: its members and its invitations still open. Members and the district admin only.</summary>
public sealed record TeamView(Guid PartnerId, string PartnerName, IReadOnlyList<MemberView> Members, IReadOnlyList<InvitationView> Invitations);

/// <summary>
/// Partner members invite colleagues by mobile number; the colleague signs in with that number and accepts or declines;
/// a member may revoke an invitation not yet answered. Accepting adds the member in the same transaction; the
/// membership's primary key means two accepts at once still make one member.
/// </summary>
public sealed class InviteMemberHandler(AppDbContext db, INotifier notifier, AuditLog audit, TimeProvider clock)
{
    public const int MaxMembers = 50;

    public async Task<Result<PartnerInvitation>> InviteAsync(Guid partnerId, string? phoneInput, ClaimsPrincipal actor, CancellationToken ct)
    {
        if (actor.UserId() is not { } userId)
        {
            return Result<PartnerInvitation>.Forbidden("请先登录");
        }

        var partner = await db.Set<Partner>().Include(p => p.Members).FirstOrDefaultAsync(p => p.Id == partnerId, ct);
        if (partner is null)
        {
            return Result<PartnerInvitation>.NotFound("未找到这个合伙人");
        }

        if (!partner.HasMember(userId))
        {
            return Result<PartnerInvitation>.Forbidden("只有本合伙人的成员可以邀请同事");
        }

        var phone = PersonalData.NormalizePhone(phoneInput);
        if (!PersonalData.IsMainlandMobile(phone))
        {
            return ValidationErrors.Of("phone", string.IsNullOrWhiteSpace(phoneInput) ? "请填写同事的手机号码" : "请填写 11 位手机号码");
        }

        var invitee = await db.Users.Where(u => u.PhoneNumber == phone).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
        if (invitee is { } existing && partner.HasMember(existing))
        {
            return ValidationErrors.Of("phone", "这位同事已经是合伙人成员");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var open = await db.Set<PartnerInvitation>().Where(i => i.PartnerId == partnerId && i.OpenPhone == phone).ToListAsync(ct);
        if (open.Any(i => i.IsOpen(now)))
        {
            return ValidationErrors.Of("phone", "已经邀请过这个号码，请等同事回复");
        }

        var pending = await db.Set<PartnerInvitation>().CountAsync(i => i.PartnerId == partnerId && i.OpenPhone != null && i.ExpiresAt > now, ct);
        if (partner.Members.Count + pending >= MaxMembers)
        {
            return Result<PartnerInvitation>.Conflict("一个合伙人最多 {0} 名成员", MaxMembers);
        }

        foreach (var lapsed in open)
        {
            lapsed.Lapse(now);
        }

        var invitation = PartnerInvitation.Create(partnerId, phone, userId, now);
        db.Add(invitation);
        audit.Record("partners.invite", nameof(PartnerInvitation), invitation.Id, null, invitation.Snapshot(), null, userId);
        if (invitee is { } inviteeId)
        {
            notifier.Notify([inviteeId], "你被邀请成为合伙人“{0}”的成员", "/partners/invitations", [partner.Name]);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            db.ChangeTracker.Clear();
            return ValidationErrors.Of("phone", "已经邀请过这个号码，请等同事回复");
        }

        return invitation;
    }

    /// <summary>The invited person, signed in with the invited number, accepts or declines.</summary>
    public async Task<Result<PartnerInvitation>> AnswerAsync(Guid invitationId, bool accept, ClaimsPrincipal actor, CancellationToken ct)
    {
        if (actor.UserId() is not { } userId)
        {
            return Result<PartnerInvitation>.Forbidden("请先登录");
        }

        var invitation = await db.Set<PartnerInvitation>().FirstOrDefaultAsync(i => i.Id == invitationId, ct);
        var phone = await db.Users.Where(u => u.Id == userId).Select(u => u.PhoneNumber).FirstOrDefaultAsync(ct);
        if (invitation is null || invitation.Phone != phone)
        {
            // Someone else's invitation is not theirs to see: the same answer as none at all.
            return Result<PartnerInvitation>.NotFound("未找到这份邀请");
        }

        var partner = await db.Set<Partner>().Include(p => p.Members).FirstAsync(p => p.Id == invitation.PartnerId, ct);
        var before = invitation.Snapshot();
        var now = clock.GetUtcNow().UtcDateTime;
        try
        {
            if (accept)
            {
                invitation.Accept(userId, now);
                partner.AddMember(userId, now);
                await PartnerMemberRole.GrantAsync(db, userId, ct);
            }
            else
            {
                invitation.Decline(userId, now);
            }
        }
        catch (DomainException e)
        {
            return Result<PartnerInvitation>.Conflict(e.MessageKey, [.. e.Args]);
        }

        audit.Record(accept ? "partners.invitation.accept" : "partners.invitation.decline", nameof(PartnerInvitation), invitation.Id, before, invitation.Snapshot(), null, userId);
        if (accept)
        {
            audit.Record("partners.member.add", nameof(Partner), partner.Id, null, new { UserId = userId, InvitationId = invitation.Id }, null, userId);
        }

        notifier.Notify([invitation.InvitedById],
            accept ? "你邀请的同事已加入合伙人“{0}”" : "你邀请的同事谢绝了加入合伙人“{0}”", $"/partners/{partner.Id}/members", [partner.Name], except: userId);
        return await SaveAsync(invitation, ct);
    }

    /// <summary>Any member takes back an invitation not yet answered.</summary>
    public async Task<Result<PartnerInvitation>> RevokeAsync(Guid invitationId, ClaimsPrincipal actor, CancellationToken ct)
    {
        if (actor.UserId() is not { } userId)
        {
            return Result<PartnerInvitation>.Forbidden("请先登录");
        }

        var invitation = await db.Set<PartnerInvitation>().FirstOrDefaultAsync(i => i.Id == invitationId, ct);
        if (invitation is null)
        {
            return Result<PartnerInvitation>.NotFound("未找到这份邀请");
        }

        if (!await db.Set<PartnerMember>().AnyAsync(m => m.PartnerId == invitation.PartnerId && m.UserId == userId, ct))
        {
            return Result<PartnerInvitation>.Forbidden("只有本合伙人的成员可以撤回邀请");
        }

        var before = invitation.Snapshot();
        try
        {
            invitation.Revoke(userId, clock.GetUtcNow().UtcDateTime);
        }
        catch (DomainException e)
        {
            return Result<PartnerInvitation>.Conflict(e.MessageKey, [.. e.Args]);
        }

        audit.Record("partners.invitation.revoke", nameof(PartnerInvitation), invitation.Id, before, invitation.Snapshot(), null, userId);
        return await SaveAsync(invitation, ct);
    }

    private async Task<Result<PartnerInvitation>> SaveAsync(PartnerInvitation invitation, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is DbUpdateConcurrencyException || (e is DbUpdateException u && u.IsUniqueViolation()))
        {
            db.ChangeTracker.Clear();
            return Result<PartnerInvitation>.Conflict("这份邀请已经处理过");
        }

        return invitation;
    }
}

/// <summary>Reads the partner's team and the invitations waiting for the signed-in person.</summary>
public sealed class TeamReader(AppDbContext db, TimeProvider clock)
{
    /// <summary>Null when the viewer is neither a member nor the district admin (or the partner does not exist).</summary>
    public async Task<TeamView?> TeamAsync(Guid partnerId, ClaimsPrincipal viewer, CancellationToken ct)
    {
        var partner = await db.Set<Partner>().AsNoTracking().Include(p => p.Members).FirstOrDefaultAsync(p => p.Id == partnerId, ct);
        if (partner is null || !(viewer.IsInRole(Roles.DistrictAdmin) || (viewer.UserId() is { } id && partner.HasMember(id))))
        {
            return null;
        }

        var memberIds = partner.Members.Select(m => m.UserId).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        var invitations = await db.Set<PartnerInvitation>().AsNoTracking()
            .Where(i => i.PartnerId == partnerId && i.Status == InvitationStatus.Pending && i.ExpiresAt > now)
            .OrderByDescending(i => i.CreatedAt).ToListAsync(ct);
        var people = await db.Users.AsNoTracking()
            .Where(u => memberIds.Contains(u.Id) || invitations.Select(i => i.InvitedById).Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.PhoneNumber }).ToDictionaryAsync(u => u.Id, ct);
        return new TeamView(partner.Id, partner.Name,
            [.. partner.Members.OrderByDescending(m => m.IsOwner).ThenBy(m => m.At).Select(m => new MemberView(
                m.UserId, people.GetValueOrDefault(m.UserId)?.DisplayName ?? "", PersonalData.MaskPhone(people.GetValueOrDefault(m.UserId)?.PhoneNumber),
                m.IsOwner, m.At))],
            [.. invitations.Select(i => View(i, partner.Name, people.GetValueOrDefault(i.InvitedById)?.DisplayName ?? "", PersonalData.MaskPhone(i.Phone), now))]);
    }

    /// <summary>Open invitations to the viewer's own mobile number.</summary>
    public async Task<IReadOnlyList<InvitationView>> MineAsync(ClaimsPrincipal viewer, CancellationToken ct)
    {
        if (viewer.UserId() is not { } userId)
        {
            return [];
        }

        var phone = await db.Users.Where(u => u.Id == userId).Select(u => u.PhoneNumber).FirstOrDefaultAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await (from i in db.Set<PartnerInvitation>().AsNoTracking()
                          join p in db.Set<Partner>() on i.PartnerId equals p.Id
                          join u in db.Users on i.InvitedById equals u.Id
                          where i.Phone == phone && i.Status == InvitationStatus.Pending && i.ExpiresAt > now
                          orderby i.CreatedAt descending
                          select new { Invitation = i, PartnerName = p.Name, InvitedBy = u.DisplayName }).ToListAsync(ct);
        return [.. rows.Select(r => View(r.Invitation, r.PartnerName, r.InvitedBy, r.Invitation.Phone, now))];
    }

    /// <summary>One invitation after a change, with the partner's and inviter's names; the number masked.</summary>
    public async Task<InvitationView> ViewAsync(PartnerInvitation invitation, CancellationToken ct)
    {
        var partnerName = await db.Set<Partner>().Where(p => p.Id == invitation.PartnerId).Select(p => p.Name).FirstAsync(ct);
        var invitedBy = await db.Users.Where(u => u.Id == invitation.InvitedById).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        return View(invitation, partnerName, invitedBy ?? "", PersonalData.MaskPhone(invitation.Phone), clock.GetUtcNow().UtcDateTime);
    }

    public static string StatusKey(InvitationStatus status) => status switch
    {
        InvitationStatus.Pending => "等待回复",
        InvitationStatus.Accepted => "已加入",
        InvitationStatus.Declined => "已谢绝",
        InvitationStatus.Revoked => "已撤回",
        InvitationStatus.Expired => "已过期",
        _ => status.ToString(),
    };

    public static InvitationView View(PartnerInvitation i, string partnerName, string invitedBy, string phone, DateTime now)
    {
        var status = i.Status == InvitationStatus.Pending && now >= i.ExpiresAt ? InvitationStatus.Expired : i.Status;
        return new InvitationView(i.Id, i.PartnerId, partnerName, phone, invitedBy, i.CreatedAt, i.ExpiresAt,
            status.ToString().ToLowerInvariant(), StatusKey(status));
    }
}
