using System.ComponentModel.DataAnnotations;

namespace CommunityPartner.Web.Modules.Points.Expiry;

/// <summary>The district's points policy (configuration section "Points").</summary>
public sealed class PointsOptions
{
    public const string Section = "Points";

    /// <summary>Points expire this many months after they were earned, oldest first.</summary>
    [Range(1, 240)]
    public int ExpiryMonths { get; set; } = 36;
}
