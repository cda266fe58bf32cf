using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Layout;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityPartner.Web.Modules.Home;

/// <summary>The front door: what the platform is, in plain words, and what the visitor or signed-in person can do.</summary>
public sealed class IndexModel(IEnumerable<NavItem> navItems) : PageModel
{
    public IReadOnlyList<NavItem> Areas { get; private set; } = [];

    public IReadOnlyList<NavItem> Tasks { get; private set; } = [];

    public IReadOnlyList<string> RoleKeys { get; private set; } = [];

    /// <summary>For each role the person holds, one plain sentence on what the platform is for them.</summary>
    public IReadOnlyList<string> RoleIntroKeys { get; private set; } = [];

    private static readonly Dictionary<string, string> Intros = new(StringComparer.Ordinal)
    {
        [Roles.Resident] = "作为居民，你可以提出诉求、附议邻居的诉求、评价社区的办理结果。",
        [Roles.CommunityStaff] = "作为社区工作者，你负责按时回应和办理本社区的诉求，把大一点的事做成项目。",
        [Roles.DistrictAdmin] = "作为新区管理员，你管理各社区和社区工作者，设置诉求时限，查看全区情况。",
        [Roles.Representative] = "作为两代表一委员，你可以查看各社区的诉求和项目，在路演中为项目打分。",
        [Roles.PartnerMember] = "作为社区合伙人，你可以了解社区需要什么，用资金、技术服务或组织资源参与项目。",
        [Roles.Merchant] = "作为爱心商户，你可以上架积分兑换的商品或服务，在柜台确认兑换。",
        [Roles.StationOperator] = "作为驿站运营人员，你为居民登记回收投放，让他们获得积分。",
    };

    public void OnGet()
    {
        Areas = [.. navItems.Where(n => n.Placement == NavPlacement.Area && n.IsVisibleTo(User)).OrderBy(n => n.Order)];
        Tasks = [.. navItems.Where(n => n.Placement == NavPlacement.Task && n.IsVisibleTo(User)).OrderBy(n => n.Order)];
        RoleKeys = [.. Roles.All.Where(User.IsInRole).Select(Roles.DisplayKey)];
        RoleIntroKeys = [.. Roles.All.Where(User.IsInRole).Select(r => Intros[r])];
    }
}
