using System.Security.Claims;
using CommunityPartner.Web.Modules.Communities.Contracts;
using CommunityPartner.Web.Modules.Notifications.Contracts;
using CommunityPartner.Web.Platform.Audit;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Partners.RegisterPartner;

/// <summary>
/// A partner as typed. <c>Type</c>: enterprise, merchant, social_organisation or individual. <c>Strengths</c>: tag
/// codes (funding, gardening, building-repair, it, legal, medical, education, venue, volunteers, catering, recycling,
/// culture). <c>Communities</c>: codes of the communities served.
/// </summary>
public sealed record PartnerInput(
    string? Type, string? Name, string? CreditCode, string? ContactName, string? ContactPhone, string? Introduction,
    IReadOnlyList<string>? Strengths, IReadOnlyList<string>? Communities, bool ShowOnHonourWall = false);

/// <summary>
/// Anyone signed in registers a partner and becomes its first member; it waits for the district admin's review. The
/// credit code is checked digit by digit and is unique: the same organisation cannot be registered twice, even by two
/// people at the same moment (a unique index, not a look-up).
/// </summary>
public sealed class RegisterPartnerHandler(AppDbContext db, ICommunityDirectory communities, INotifier notifier, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<Partner>> HandleAsync(PartnerInput input, ClaimsPrincipal actor, CancellationToken ct)
    {
        if (actor.UserId() is not { } userId)
        {
            return Result<Partner>.Forbidden("请先登录");
        }

        var errors = new ValidationErrors();
        var draft = await CheckAsync(input, null, errors, ct);
        if (!errors.IsValid)
        {
            return errors;
        }

        var partner = Partner.Register(draft!, userId, clock.GetUtcNow().UtcDateTime);
        db.Add(partner);
        await PartnerMemberRole.GrantAsync(db, userId, ct);
        audit.Record("partners.register", nameof(Partner), partner.Id, null, partner.Snapshot(), null, userId);
        notifier.Notify(await AdminsAsync(ct), "新的合伙人“{0}”等待审核", "/admin/partners", [partner.Name]);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            db.ChangeTracker.Clear();
            return ValidationErrors.Of("creditCode", "这个统一社会信用代码已经登记过，请联系该合伙人的成员邀请你加入");
        }

        return partner;
    }

    /// <summary>Checks a registration or an edit; the same rules for both.</summary>
    public async Task<PartnerDraft?> CheckAsync(PartnerInput input, Guid? existingId, ValidationErrors errors, CancellationToken ct)
    {
        var type = PartnerText.ParseType(input.Type?.Trim());
        if (type is null)
        {
            errors.Add("type", "请选择合伙人类型：企事业单位、爱心商家、社会组织或爱心人士");
        }

        var name = input.Name?.Trim() ?? "";
        errors.Text("name", name, Partner.NameMax, "请填写名称", "名称不能超过 {0} 个字");
        var contactName = input.ContactName?.Trim() ?? "";
        errors.Text("contactName", contactName, Partner.ContactNameMax, "请填写联系人", "联系人不能超过 {0} 个字");
        var introduction = input.Introduction?.Trim() ?? "";
        errors.Text("introduction", introduction, Partner.IntroductionMax, null, "介绍不能超过 {0} 个字");

        var phone = PersonalData.NormalizePhone(input.ContactPhone);
        if (!PersonalData.IsMainlandMobile(phone))
        {
            errors.Add("contactPhone", string.IsNullOrWhiteSpace(input.ContactPhone) ? "请填写联系电话" : "请填写 11 位手机号码");
        }

        string? code = null;
        if (type is not null and not PartnerType.Individual)
        {
            code = CreditCode.Normalize(input.CreditCode);
            if (code.Length == 0)
            {
                errors.Add("creditCode", "单位和组织请填写统一社会信用代码");
            }
            else if (CreditCode.Check(code) is var problem && problem != CreditCode.Problem.None)
            {
                errors.Add("creditCode", CreditCode.MessageKey(problem));
            }
            else if (await db.Set<Partner>().AnyAsync(p => p.CreditCode == code && p.Id != existingId, ct))
            {
                errors.Add("creditCode", "这个统一社会信用代码已经登记过，请联系该合伙人的成员邀请你加入");
            }
        }

        // A form posts an empty value (or the binder a null) for an unticked list: blanks are no choice, not an unknown one.
        var strengths = (input.Strengths ?? []).Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()).Distinct().ToList();
        if (strengths.Count == 0)
        {
            errors.Add("strengths", "请至少选择一项擅长的事");
        }
        else if (strengths.FirstOrDefault(s => PartnerText.Strengths.All(x => x.Code != s)) is { } unknown)
        {
            errors.Add("strengths", "没有“{0}”这个擅长领域，请从列表中选择", unknown);
        }

        var served = new List<Guid>();
        var communityCodes = (input.Communities ?? []).Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).Distinct().ToList();
        foreach (var communityCode in communityCodes)
        {
            if (await communities.FindByCodeAsync(communityCode, ct) is { } community)
            {
                served.Add(community.Id);
            }
            else
            {
                errors.Add("communities", "没有“{0}”这个社区，请从列表中选择", communityCode);
            }
        }

        if (communityCodes.Count == 0)
        {
            errors.Add("communities", "请至少选择一个服务的社区");
        }

        return errors.IsValid
            ? new PartnerDraft(type!.Value, name, code, contactName, phone, introduction, strengths, served, input.ShowOnHonourWall)
            : null;
    }

    /// <summary>The district admins, who review partners.</summary>
    public Task<List<Guid>> AdminsAsync(CancellationToken ct) =>
        (from ur in db.UserRoles
         join role in db.Roles on ur.RoleId equals role.Id
         where role.Name == Roles.DistrictAdmin
         select ur.UserId).ToListAsync(ct);
}
