using CommunityPartner.Web.Modules.Accounts;
using CommunityPartner.Web.Modules.Bills;
using CommunityPartner.Web.Modules.Bills.Dashboard;
using CommunityPartner.Web.Modules.Bills.ExportBill;
using CommunityPartner.Web.Modules.Bills.PersonalBill;
using CommunityPartner.Web.Modules.Bills.Sustainability;
using CommunityPartner.Web.Modules.Communities;
using CommunityPartner.Web.Modules.Cooperation;
using CommunityPartner.Web.Modules.Needs;
using CommunityPartner.Web.Modules.Notifications;
using CommunityPartner.Web.Modules.Partners;
using CommunityPartner.Web.Modules.Points;
using CommunityPartner.Web.Modules.Projects;
using CommunityPartner.Web.Modules.Roadshows;

namespace CommunityPartner.Web.Modules;

/// <summary>The one place that lists the modules. A new module adds its Add…() and Map…Api() lines here.</summary>
public static class ModuleRegistry
{
    public static IServiceCollection AddModules(this IServiceCollection services)
    {
        services.AddCommunities();
        services.AddAccounts();
        services.AddNotifications();
        services.AddNeeds();
        services.AddProjects();
        services.AddRoadshows();
        services.AddPartners();
        services.AddBills();
        services.AddCooperation();
        services.AddPoints();
        return services;
    }

    public static WebApplication MapModules(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1");
        api.MapCommunitiesApi();
        api.MapAccountsApi();
        api.MapNotificationsModuleApi();
        api.MapNeedsApi();
        api.MapProjectsApi();
        api.MapRoadshowsApi();
        api.MapPartnersApi();
        api.MapBillsApi();
        api.MapDashboardApi();
        api.MapBillSustainabilityApi();
        api.MapPersonalBillApi();
        api.MapExportBill();
        api.MapCooperationApi();
        api.MapPointsApi();
        app.MapCommunitiesPages();
        app.MapNeedsPages();
        app.MapProjectsPages();
        app.MapCooperationPages();
        app.MapPointsPages();
        return app;
    }
}
