namespace CommunityPartner.Web.Platform.Auth;

/// <summary>The platform's roles (PRODUCT.md, "Who uses it").</summary>
public static class Roles
{
    public const string Resident = "resident";
    public const string CommunityStaff = "community-staff";
    public const string DistrictAdmin = "district-admin";
    public const string Representative = "representative";
    public const string PartnerMember = "partner-member";
    public const string Merchant = "merchant";
    public const string StationOperator = "station-operator";

    public static readonly IReadOnlyList<string> All =
        [Resident, CommunityStaff, DistrictAdmin, Representative, PartnerMember, Merchant, StationOperator];

    /// <summary>Chinese role names, used as localization keys.</summary>
    public static string DisplayKey(string role) => role switch
    {
        Resident => "居民",
        CommunityStaff => "社区工作者",
        DistrictAdmin => "新区管理员",
        Representative => "两代表一委员",
        PartnerMember => "合伙人",
        Merchant => "商户",
        StationOperator => "驿站运营",
        _ => role,
    };
}
