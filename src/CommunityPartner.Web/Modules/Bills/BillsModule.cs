using CommunityPartner.Web.Modules.Bills.PublishBill;
using CommunityPartner.Web.Platform.Layout;

namespace CommunityPartner.Web.Modules.Bills;

public static class BillsModule
{
    public static IServiceCollection AddBills(this IServiceCollection services)
    {
        services.AddScoped<BillReader>();
        services.AddScoped<PublishBillHandler>();
        services.AddScoped<Platform.Data.IDemoSeed, BillsDemoSeed>();
        services.AddSingleton(new NavItem("幸福账单", "/bills", "每个社区每一期办成了什么，每个数字都能点开查到记录", NavPlacement.Area, 40));
        return services;
    }
}
