using System.Security.Claims;

namespace CommunityPartner.Web.Platform.Layout;

public enum NavPlacement
{
    /// <summary>In the header menu and as an area card on the home page.</summary>
    Area,

    /// <summary>On the home page of the people it is shown to (their tasks).</summary>
    Task,
}

/// <summary>
/// A link a module contributes to the header and the home page. Modules register these as singletons; the layout
/// shows each to the people <see cref="Visible"/> admits. Texts are Chinese localization keys.
/// </summary>
public sealed record NavItem(string TextKey, string Href, string DescriptionKey, NavPlacement Placement, int Order, Func<ClaimsPrincipal, bool>? Visible = null)
{
    public bool IsVisibleTo(ClaimsPrincipal user) => Visible?.Invoke(user) ?? true;
}
