using System.ComponentModel.DataAnnotations;

namespace CommunityPartner.Web.Platform.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Connection string; for SQLite a relative Data Source is resolved against the content root.</summary>
    [Required]
    public string ConnectionString { get; set; } = "Data Source=App_Data/community-partner.db";

    /// <summary>Apply pending migrations at start (Development and tests); production runs the `migrate` command.</summary>
    public bool MigrateOnStart { get; set; }

    /// <summary>Seed the demo data at start (Development only by default).</summary>
    public bool SeedDemoOnStart { get; set; }
}
