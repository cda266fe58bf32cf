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

    public void OnGet()
    {
        Areas = [.. navItems.Where(n => n.Placement == NavPlacement.Area && n.IsVisibleTo(User)).OrderBy(n => n.Order)];
        Tasks = [.. navItems.Where(n => n.Placement == NavPlacement.Task && n.IsVisibleTo(User)).OrderBy(n => n.Order)];
        RoleKeys = [.. Roles.All.Where(User.IsInRole).Select(Roles.DisplayKey)];
    }
}
