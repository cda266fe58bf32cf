using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommunityPartner.Web.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class NeedsStatusCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "needs_status_counts",
                columns: table => new
                {
                    CommunityId = table.Column<Guid>(type: "uuid", nullable: false),
                    CategoryId = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_needs_status_counts", x => new { x.CommunityId, x.CategoryId, x.Status });
                });

            // The triggers that keep the counts in the writer's transaction (ADR 0008), then the counts of the needs
            // already stored. One statement per change touches its rows in key order, so two transactions moving
            // needs between the same statuses queue on the counter rows instead of deadlocking.
            migrationBuilder.Sql(
                """
                CREATE FUNCTION needs_status_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO needs_status_counts ("CommunityId", "CategoryId", "Status", "Count")
                    SELECT c, k, s, SUM(d) FROM (
                        SELECT OLD."CommunityId", OLD."CategoryId", OLD."Status", -1 WHERE TG_OP IN ('UPDATE', 'DELETE')
                        UNION ALL
                        SELECT NEW."CommunityId", NEW."CategoryId", NEW."Status", 1 WHERE TG_OP IN ('INSERT', 'UPDATE')
                    ) AS moves (c, k, s, d)
                    GROUP BY c, k, s
                    ORDER BY c, k, s
                    ON CONFLICT ("CommunityId", "CategoryId", "Status") DO UPDATE SET "Count" = needs_status_counts."Count" + EXCLUDED."Count";
                    RETURN NULL;
                END $$;
                """);
            migrationBuilder.Sql(
                """
                CREATE TRIGGER needs_status_counts_insert AFTER INSERT ON needs_needs
                    FOR EACH ROW EXECUTE FUNCTION needs_status_counts_apply();
                """);
            migrationBuilder.Sql(
                """
                CREATE TRIGGER needs_status_counts_update AFTER UPDATE OF "CommunityId", "CategoryId", "Status" ON needs_needs
                    FOR EACH ROW WHEN (OLD."CommunityId" IS DISTINCT FROM NEW."CommunityId" OR OLD."CategoryId" IS DISTINCT FROM NEW."CategoryId"
                        OR OLD."Status" IS DISTINCT FROM NEW."Status")
                    EXECUTE FUNCTION needs_status_counts_apply();
                """);
            migrationBuilder.Sql(
                """
                CREATE TRIGGER needs_status_counts_delete AFTER DELETE ON needs_needs
                    FOR EACH ROW EXECUTE FUNCTION needs_status_counts_apply();
                """);
            migrationBuilder.Sql(
                """
                INSERT INTO needs_status_counts ("CommunityId", "CategoryId", "Status", "Count")
                SELECT "CommunityId", "CategoryId", "Status", COUNT(*) FROM needs_needs GROUP BY "CommunityId", "CategoryId", "Status";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS needs_status_counts_insert ON needs_needs;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS needs_status_counts_update ON needs_needs;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS needs_status_counts_delete ON needs_needs;");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS needs_status_counts_apply();");

            migrationBuilder.DropTable(
                name: "needs_status_counts");
        }
    }
}
