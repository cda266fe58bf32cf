using CommunityPartner.Web.Platform.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CommunityPartner.Tests.Infrastructure;

/// <summary>
/// The real app over HTTP, on its own throw-away database of the given provider, with a fake clock. One instance is
/// shared by a test collection; each test makes its own data through <see cref="TestData"/>.
/// </summary>
public class AppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly DatabaseProvider _provider;

    public AppFactory(DatabaseProvider provider) => _provider = provider;

    public TestDatabase? Database { get; private set; }

    /// <summary>
    /// Starts at the real current time and creeps forward 1 ms per read, so "issued before" checks (security stamp,
    /// token expiry) see time pass; tests jump it with Advance().
    /// </summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow) { AutoAdvanceAmount = TimeSpan.FromMilliseconds(1) };

    /// <summary>
    /// Uploads of this host go to a folder of its own: file counts before and after a request are this host's alone,
    /// and no test leaves photos in the source tree (the default root is under the content root).
    /// </summary>
    public string StorageRoot { get; } = Path.Combine(Path.GetTempPath(), $"cp-test-files-{Guid.NewGuid():N}");

    /// <summary>Extra configuration a derived factory sets (e.g. a low rate limit).</summary>
    protected virtual IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>();

    public async Task InitializeAsync()
    {
        Database = _provider == DatabaseProvider.Postgres ? await TestDatabase.PostgresAsync() : TestDatabase.Sqlite();
        _ = Services; // start the host: migrations run now, not inside the first test
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (Database is not null)
        {
            await Database.DisposeAsync();
        }

        if (Directory.Exists(StorageRoot))
        {
            Directory.Delete(StorageRoot, recursive: true);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", _provider.ToString());
        builder.UseSetting("Database:ConnectionString", Database!.ConnectionString);
        builder.UseSetting("Database:MigrateOnStart", "true");
        builder.UseSetting("Database:SeedDemoOnStart", "false");
        builder.UseSetting("RateLimits:AccountPermits", "100000");
        builder.UseSetting("Storage:Root", StorageRoot);
        foreach (var (key, value) in ExtraSettings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    public TestData Data => new(this);
}

public sealed class SqliteAppFactory() : AppFactory(DatabaseProvider.Sqlite);

public sealed class PostgresAppFactory() : AppFactory(DatabaseProvider.Postgres);

[CollectionDefinition(Name)]
public sealed class SqliteLane : ICollectionFixture<SqliteAppFactory>
{
    public const string Name = "sqlite";
}

[CollectionDefinition(Name)]
public sealed class PostgresLane : ICollectionFixture<PostgresAppFactory>
{
    public const string Name = "postgres";
}
