using CommunityPartner.Web.Modules;
using CommunityPartner.Web.Platform;
using CommunityPartner.Web.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CommunityPartner.Bench;

/// <summary>
/// The web app's own service container (AddPlatform + AddModules) pointed at the bench database, never started as a
/// server: the bench resolves the real DbContext, migrator, demo seeder and NeedSearch from it, one scope per request.
/// </summary>
public static class AppHost
{
    public static WebApplication Build(DatabaseProvider provider, string connectionString, PlanCapture? capture = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = Environments.Production,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["Database:ConnectionString"] = connectionString,
            ["Database:MigrateOnStart"] = "false",
            ["Database:SeedDemoOnStart"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Connection"] = "None",
        });
        builder.AddPlatform();
        builder.Services.AddModules();
        if (capture is not null)
        {
            // Only adds the plan-capturing interceptor; the app's own provider configuration stays as it is.
            if (provider == DatabaseProvider.Sqlite)
            {
                builder.Services.ConfigureDbContext<SqliteAppDbContext>(o => o.AddInterceptors(capture));
            }
            else
            {
                builder.Services.ConfigureDbContext<PostgresAppDbContext>(o => o.AddInterceptors(capture));
            }
        }

        return builder.Build();
    }

    /// <summary>What `CommunityPartner.Web seed-demo` does: the app's migrations, then its demo seed (communities, accounts, a few needs).</summary>
    public static async Task MigrateAndSeedAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
    }

    public static async Task<int> CountNeedsAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Set<CommunityPartner.Web.Modules.Needs.Need>().CountAsync();
    }
}
