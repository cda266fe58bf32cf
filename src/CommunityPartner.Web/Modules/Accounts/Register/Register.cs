using CommunityPartner.Web.Modules.Communities.Contracts;
using CommunityPartner.Web.Platform.Audit;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Accounts.Register;

public sealed record RegisterCommand(string? Phone, string? Password, string? DisplayName, string? CommunityCode, string? ConsentVersion);

/// <summary>A resident opens an account: phone, password, display name, home community, and consent to the privacy notice.</summary>
public sealed class RegisterHandler(AppDbContext db, UserManager<AppUser> users, ICommunityDirectory communities, AuditLog audit, TimeProvider clock)
{
    public const int DisplayNameMax = 20;

    public async Task<Result<AppUser>> HandleAsync(RegisterCommand command, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var phone = PersonalData.NormalizePhone(command.Phone);
        var name = command.DisplayName?.Trim() ?? "";
        if (phone.Length == 0)
        {
            errors.Add("phone", "请填写手机号");
        }
        else if (!PersonalData.IsMainlandMobile(phone))
        {
            errors.Add("phone", "请输入 11 位中国大陆手机号");
        }

        if (name.Length == 0)
        {
            errors.Add("displayName", "请填写称呼");
        }
        else if (name.Length > DisplayNameMax)
        {
            errors.Add("displayName", "称呼不能超过 {0} 个字", DisplayNameMax);
        }

        CommunityInfo? community = null;
        if (string.IsNullOrWhiteSpace(command.CommunityCode))
        {
            errors.Add("communityCode", "请选择所在社区");
        }
        else if ((community = await communities.FindByCodeAsync(command.CommunityCode.Trim(), ct)) is null)
        {
            errors.Add("communityCode", "没有这个社区，请从列表中选择");
        }

        if (command.ConsentVersion != PrivacyNotice.CurrentVersion)
        {
            errors.Add("consentVersion", "请阅读并同意隐私政策后再注册");
        }

        if (string.IsNullOrEmpty(command.Password))
        {
            errors.Add("password", "请设置密码");
        }
        else
        {
            foreach (var validator in users.PasswordValidators)
            {
                var check = await validator.ValidateAsync(users, new AppUser(), command.Password);
                foreach (var e in check.Errors)
                {
                    errors.Add("password", e.Description);
                }
            }
        }

        if (errors.IsValid && await users.FindByNameAsync(phone) is not null)
        {
            errors.Add("phone", "该手机号已注册，请直接登录");
        }

        if (!errors.IsValid)
        {
            return errors;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var user = new AppUser
        {
            UserName = phone,
            PhoneNumber = phone,
            DisplayName = name,
            CommunityId = community!.Id,
            PrivacyConsentVersion = PrivacyNotice.CurrentVersion,
            PrivacyConsentAt = now,
            CreatedAt = now,
        };

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var created = await users.CreateAsync(user, command.Password!);
            if (!created.Succeeded)
            {
                return ToErrors(created);
            }

            var role = await users.AddToRoleAsync(user, Roles.Resident);
            if (!role.Succeeded)
            {
                return ToErrors(role);
            }

            audit.Record("accounts.register", nameof(AppUser), user.Id, null,
                new { Phone = PersonalData.MaskPhone(phone), user.DisplayName, user.CommunityId, user.PrivacyConsentVersion, user.PrivacyConsentAt },
                community.Id, user.Id);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return user;
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // The same phone registered a moment earlier in a parallel request.
            return ValidationErrors.Of("phone", "该手机号已注册，请直接登录");
        }
    }

    private static ValidationErrors ToErrors(IdentityResult result)
    {
        var errors = new ValidationErrors();
        foreach (var e in result.Errors)
        {
            var field = e.Code.StartsWith("Password", StringComparison.Ordinal) ? "password"
                : e.Code is "DuplicateUserName" or "InvalidUserName" ? "phone" : "";
            errors.Add(field, e.Description);
        }

        return errors;
    }
}
