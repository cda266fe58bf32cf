using CommunityPartner.Web.Platform.Audit;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Communities.Admin.AssignStaff;

public sealed record AssignStaffCommand(string CommunityCode, string? Phone);

public sealed record StaffMember(Guid UserId, string DisplayName, string MaskedPhone);

/// <summary>
/// The district admin makes an existing account a staff member of one community (people register themselves first,
/// so no one else ever handles their password), or removes them from it.
/// </summary>
public sealed class AssignStaffHandler(AppDbContext db, UserManager<AppUser> users, AuditLog audit)
{
    public async Task<Result<StaffMember>> AssignAsync(AssignStaffCommand command, CancellationToken ct)
    {
        var community = await db.Set<Community>().FirstOrDefaultAsync(c => c.Code == command.CommunityCode, ct);
        if (community is null)
        {
            return Result<StaffMember>.NotFound("未找到该社区");
        }

        var phone = PersonalData.NormalizePhone(command.Phone);
        if (!PersonalData.IsMainlandMobile(phone))
        {
            return ValidationErrors.Of("phone", "请输入 11 位中国大陆手机号");
        }

        var user = await users.FindByNameAsync(phone);
        if (user is null)
        {
            return ValidationErrors.Of("phone", "未找到该手机号的账户，请先请对方在平台注册");
        }

        var isStaff = await users.IsInRoleAsync(user, Roles.CommunityStaff);
        if (isStaff && user.CommunityId == community.Id)
        {
            return Result<StaffMember>.Conflict("该账户已是本社区的社区工作者");
        }

        if (isStaff)
        {
            var other = await db.Set<Community>().Where(c => c.Id == user.CommunityId).Select(c => c.Name).FirstOrDefaultAsync(ct);
            return Result<StaffMember>.Conflict("该账户已是{0}的社区工作者，请先在该社区解除", other ?? "?");
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var before = new { user.CommunityId, Staff = false };
        user.CommunityId = community.Id;
        var added = await users.AddToRoleAsync(user, Roles.CommunityStaff);
        if (!added.Succeeded)
        {
            return Result<StaffMember>.Conflict(added.Errors.First().Description);
        }

        // New role, new claims: the person signs in again to pick them up.
        await users.UpdateSecurityStampAsync(user);
        audit.Record("communities.assign-staff", nameof(AppUser), user.Id, before, new { CommunityId = community.Id, Staff = true }, community.Id);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new StaffMember(user.Id, user.DisplayName, PersonalData.MaskPhone(user.PhoneNumber));
    }

    public async Task<Result<bool>> RemoveAsync(string communityCode, Guid userId, CancellationToken ct)
    {
        var community = await db.Set<Community>().FirstOrDefaultAsync(c => c.Code == communityCode, ct);
        var user = await users.FindByIdAsync(userId.ToClaimValue());
        if (community is null || user is null || user.CommunityId != community.Id || !await users.IsInRoleAsync(user, Roles.CommunityStaff))
        {
            return Result<bool>.NotFound("该账户不是本社区的社区工作者");
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await users.RemoveFromRoleAsync(user, Roles.CommunityStaff);
        await users.UpdateSecurityStampAsync(user);
        audit.Record("communities.remove-staff", nameof(AppUser), user.Id, new { user.CommunityId, Staff = true }, new { user.CommunityId, Staff = false }, community.Id);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    public async Task<IReadOnlyList<StaffMember>> ListAsync(Guid communityId, CancellationToken ct)
    {
        var staff = await users.GetUsersInRoleAsync(Roles.CommunityStaff);
        return [.. staff.Where(u => u.CommunityId == communityId)
            .OrderBy(u => u.DisplayName, StringComparer.Ordinal)
            .Select(u => new StaffMember(u.Id, u.DisplayName, PersonalData.MaskPhone(u.PhoneNumber)))];
    }
}
