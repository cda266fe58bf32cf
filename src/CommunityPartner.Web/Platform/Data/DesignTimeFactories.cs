using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CommunityPartner.Web.Platform.Data;

/// <summary>Used by `dotnet ef migrations add --context SqliteAppDbContext`; never at run time.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqliteAppDbContext>();
        DataServices.ConfigureSqlite(builder, "Data Source=design-time.db");
        return new SqliteAppDbContext(builder.Options);
    }
}

/// <summary>Used by `dotnet ef migrations add --context PostgresAppDbContext`; no server is contacted.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<PostgresAppDbContext>();
        DataServices.ConfigurePostgres(builder, "Host=localhost;Database=community_partner_design");
        return new PostgresAppDbContext(builder.Options);
    }
}
