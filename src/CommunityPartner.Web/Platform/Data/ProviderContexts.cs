using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Platform.Data;

/// <summary>The SQLite flavour of <see cref="AppDbContext"/>; owns the migrations under Migrations/Sqlite.</summary>
public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options);

/// <summary>The PostgreSQL flavour of <see cref="AppDbContext"/>; owns the migrations under Migrations/Postgres.</summary>
public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options);
