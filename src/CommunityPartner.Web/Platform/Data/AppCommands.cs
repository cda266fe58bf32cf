using Microsoft.Extensions.Options;

namespace CommunityPartner.Web.Platform.Data;

/// <summary>The app's own maintenance commands, run instead of the web server.</summary>
public static class AppCommands
{
    public static async Task<bool> TryRunAsync(WebApplication app, string[] args)
    {
        var command = args.FirstOrDefault(a => !a.StartsWith('-') && !a.Contains('='));
        switch (command)
        {
            case "migrate":
                await using (var scope = app.Services.CreateAsyncScope())
                {
                    await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
                }

                Console.WriteLine("Migrations applied.");
                return true;
            case "seed-demo":
                await using (var scope = app.Services.CreateAsyncScope())
                {
                    await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
                    await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
                }

                Console.WriteLine("Demo data seeded.");
                return true;
            default:
                return false;
        }
    }

    /// <summary>Development and tests migrate (and Development seeds) at start; production does neither.</summary>
    public static async Task PrepareDatabaseAsync(WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (!options.MigrateOnStart && !options.SeedDemoOnStart)
        {
            return;
        }

        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        if (options.SeedDemoOnStart)
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
        }
    }
}
