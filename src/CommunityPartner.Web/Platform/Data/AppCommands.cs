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
                return await TryRunModuleCommandAsync(app, args);
        }
    }

    /// <summary>A module's command, named by the leading words of the command line; its result becomes the exit code.</summary>
    private static async Task<bool> TryRunModuleCommandAsync(WebApplication app, string[] args)
    {
        var words = string.Join(' ', args.Where(a => !a.StartsWith('-') && !a.Contains('=')));
        if (words.Length == 0)
        {
            return false;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var command = scope.ServiceProvider.GetServices<IAppCommand>()
            .FirstOrDefault(c => words == c.Name || words.StartsWith(c.Name + " ", StringComparison.Ordinal));
        if (command is null)
        {
            return false;
        }

        Environment.ExitCode = await command.RunAsync(CancellationToken.None);
        return true;
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
