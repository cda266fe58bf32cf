using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPartner.Tests.Platform.Data;

/// <summary>The migrations bring an empty database to the current model, on each provider.</summary>
public abstract class MigrationTests(AppFactory factory)
{
    [Fact]
    public async Task Migrate_EmptyDatabase_AppliesEveryMigrationAndLeavesNonePending()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        var pending = await db.Database.GetPendingMigrationsAsync();
        var applied = await db.Database.GetAppliedMigrationsAsync();

        Assert.Empty(pending);
        Assert.Equal(db.Database.GetMigrations(), applied);
        Assert.NotEmpty(applied);
    }

    [Fact]
    public async Task Migrate_EmptyDatabase_CreatesRolesAndPrefixedTables()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        var roles = await db.Roles.Select(r => r.Name).ToListAsync();
        Assert.Equal(Web.Platform.Auth.Roles.All.Order(), roles.Order());
        var tables = db.Model.GetEntityTypes().Select(t => t.GetTableName()).Where(t => t is not null).ToList();
        Assert.All(tables, t => Assert.Matches("^(platform|accounts|communities|notifications|needs|projects|roadshows|partners|cooperation|points|accountability)_", t!));
    }
}

[Collection(SqliteLane.Name)]
public sealed class MigrationTestsOnSqlite(SqliteAppFactory factory) : MigrationTests(factory);

[Collection(PostgresLane.Name)]
public sealed class MigrationTestsOnPostgres(PostgresAppFactory factory) : MigrationTests(factory);

/// <summary>A model change without a migration fails here, for both providers.</summary>
public sealed class PendingModelChangesTests
{
    [Fact]
    public void SqliteModel_ComparedWithLatestMigration_HasNoPendingChanges()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes that no SQLite migration captures: add one with dotnet ef migrations add.");
    }

    [Fact]
    public void PostgresModel_ComparedWithLatestMigration_HasNoPendingChanges()
    {
        using var db = new PostgresDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes that no PostgreSQL migration captures: add one with dotnet ef migrations add.");
    }
}
