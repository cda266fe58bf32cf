using CommunityPartner.Web.Modules.Accounts.MyAccount;
using CommunityPartner.Web.Modules.Accounts.Register;
using CommunityPartner.Web.Modules.Accounts.SignIn;
using CommunityPartner.Web.Modules.Accounts.SignOut;
using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Layout;

namespace CommunityPartner.Web.Modules.Accounts;

public static class AccountsModule
{
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddScoped<RegisterHandler>();
        services.AddScoped<SignInHandler>();
        services.AddScoped<SignOutHandler>();
        services.AddScoped<MyAccountHandler>();
        services.AddScoped<IDemoSeed, AccountsDemoSeed>();
        services.AddSingleton(new NavItem("我的账户", "/account", "查看我的账户信息", NavPlacement.Task, 90,
            u => u.Identity?.IsAuthenticated == true));
        return services;
    }

    public static RouteGroupBuilder MapAccountsApi(this RouteGroupBuilder api)
    {
        api.MapRegister();
        api.MapIssueToken();
        api.MapSignOut();
        api.MapMyAccount();
        return api;
    }
}
