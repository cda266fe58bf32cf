using CommunityPartner.Web.Modules.Notifications.Contracts;
using CommunityPartner.Web.Modules.Notifications.ListNotifications;
using CommunityPartner.Web.Platform.Layout;

namespace CommunityPartner.Web.Modules.Notifications;

public static class NotificationsModule
{
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddScoped<Notifier>();
        services.AddScoped<INotifier>(sp => sp.GetRequiredService<Notifier>());
        services.AddScoped<INotificationBadge>(sp => sp.GetRequiredService<Notifier>());
        services.AddScoped<NotificationsHandler>();
        return services;
    }

    public static RouteGroupBuilder MapNotificationsModuleApi(this RouteGroupBuilder api) => api.MapNotificationsApi();
}
