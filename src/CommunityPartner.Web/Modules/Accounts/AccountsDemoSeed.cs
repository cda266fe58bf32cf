using CommunityPartner.Web.Modules.Communities.Contracts;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using Microsoft.AspNetCore.Identity;

namespace CommunityPartner.Web.Modules.Accounts;

/// <summary>The demo accounts listed in the README; all share the password <see cref="Password"/>.</summary>
internal sealed class AccountsDemoSeed(UserManager<AppUser> users, ICommunityDirectory communities, TimeProvider clock) : IDemoSeed
{
    public const string Password = "Demo#2025";

    internal static readonly (string Phone, string Name, string? Community, string[] Roles)[] Accounts =
    [
        ("13900000000", "新区管理员", null, [Roles.DistrictAdmin]),
        ("13900000011", "李敏（上马社区）", "shangma", [Roles.CommunityStaff]),
        ("13900000012", "周洁（元通社区）", "yuantong", [Roles.CommunityStaff]),
        ("13900000101", "张阿姨", "shangma", [Roles.Resident]),
        ("13900000102", "陈先生", "yuantong", [Roles.Resident]),
        ("13900000103", "黄奶奶", null, [Roles.Resident]),
        ("13900000201", "王经理（科技城建设集团）", "shangma", [Roles.PartnerMember]),
        ("13900000202", "赵老板（绿叶便利店）", "shangma", [Roles.PartnerMember, Roles.Merchant]),
        ("13900000203", "孙社工（益邻社工服务中心）", "yuantong", [Roles.PartnerMember]),
        ("13900000204", "李阿姨（爱心人士）", "shangma", [Roles.PartnerMember]),
        ("13900000205", "周会长（新区青年志愿者协会）", "yuantong", [Roles.PartnerMember]),
        ("13900000301", "刘师傅（绿色驿站）", "shangma", [Roles.StationOperator]),
        ("13900000401", "吴代表（人大代表）", null, [Roles.Representative]),
    ];

    public int Order => 20;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (phone, name, communityCode, roles) in Accounts)
        {
            if (await users.FindByNameAsync(phone) is not null)
            {
                continue;
            }

            var community = communityCode is null ? null : await communities.FindByCodeAsync(communityCode, cancellationToken);
            var user = new AppUser
            {
                UserName = phone,
                PhoneNumber = phone,
                PhoneNumberConfirmed = true,
                DisplayName = name,
                CommunityId = community?.Id,
                PrivacyConsentVersion = PrivacyNotice.CurrentVersion,
                PrivacyConsentAt = now,
                CreatedAt = now,
            };
            Check(await users.CreateAsync(user, Password));
            Check(await users.AddToRolesAsync(user, roles));
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Demo account seed failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
