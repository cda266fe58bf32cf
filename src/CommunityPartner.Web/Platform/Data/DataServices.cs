using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Platform.Data;

public static class DataServices
{
    public static IServiceCollection AddPlatformData(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();

        if (options.Provider == DatabaseProvider.Postgres)
        {
            services.AddDbContext<AppDbContext, PostgresAppDbContext>(o => ConfigurePostgres(o, options.ConnectionString));
        }
        else
        {
            var connectionString = ResolveSqlitePath(options.ConnectionString, environment.ContentRootPath);
            services.AddDbContext<AppDbContext, SqliteAppDbContext>(o => ConfigureSqlite(o, connectionString));
        }

        services.AddScoped<DatabaseMigrator>();
        services.AddScoped<DemoSeeder>();
        return services;
    }

    public static void ConfigureSqlite(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseSqlite(connectionString, sql => sql.MigrationsHistoryTable("platform_migrations"));

    public static void ConfigurePostgres(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseNpgsql(connectionString, pg => pg.MigrationsHistoryTable("platform_migrations"));

    /// <summary>Makes a relative SQLite file path absolute under the content root and creates its folder.</summary>
    public static string ResolveSqlitePath(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource is { Length: > 0 } source && source != ":memory:" && !source.StartsWith("file:", StringComparison.Ordinal))
        {
            var path = Path.IsPathRooted(source) ? source : Path.Combine(contentRoot, source);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            builder.DataSource = path;
        }

        return builder.ToString();
    }
}
