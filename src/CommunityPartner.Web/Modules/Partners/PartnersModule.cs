using CommunityPartner.Web.Modules.Partners.RegisterPartner;
using CommunityPartner.Web.Modules.Partners.ReviewPartner;
using CommunityPartner.Web.Modules.Partners.ViewPartner;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Layout;

namespace CommunityPartner.Web.Modules.Partners;

public static class PartnersModule
{
    public static IServiceCollection AddPartners(this IServiceCollection services)
    {
        services.AddScoped<RegisterPartnerHandler>();
        services.AddScoped<ReviewPartnerHandler>();
        services.AddScoped<HonourWall.SetHonourWallHandler>();
        services.AddScoped<PartnerReader>();
        services.AddScoped<EditPartner.EditPartnerHandler>();
        services.AddScoped<InviteMember.InviteMemberHandler>();
        services.AddScoped<InviteMember.TeamReader>();
        services.AddScoped<Contracts.IPartnerRoster, PartnerRoster>();
        services.AddScoped<Contracts.IMerchantDirectory, MerchantDirectory>();
        services.AddScoped<Contracts.IPartnerProfiles, PartnerProfiles>();
        services.AddScoped<IDemoSeed, PartnersDemoSeed>();
        services.AddSingleton(new NavItem("社区合伙人", "/partners", "企业、商家、社会组织和爱心人士，和社区一起做事", NavPlacement.Area, 30));
        services.AddSingleton(new NavItem("成为合伙人", "/partners/register", "登记你的单位或个人，选择擅长的事和服务的社区", NavPlacement.Task, 40,
            u => u.Identity?.IsAuthenticated == true));
        services.AddSingleton(new NavItem("合伙人审核", "/admin/partners", "审核新登记的合伙人", NavPlacement.Task, 25,
            u => u.IsInRole(Roles.DistrictAdmin)));
        return services;
    }
}
