using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommunityPartner.Web.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OverdueDays : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "needs_overdue_days",
                columns: table => new
                {
                    CommunityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Day = table.Column<int>(type: "integer", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_needs_overdue_days", x => new { x.CommunityId, x.Day });
                });

            // The day an open need becomes overdue (NeedOverdueDay.OverdueSince, as yyyymmdd of its UTC date), the
            // triggers that keep the counts in the writer's transaction (as the status counts', ADR 0008), then the
            // counts of the needs already stored. One statement per change touches its rows in key order.
            migrationBuilder.Sql(
                """
                CREATE FUNCTION needs_overdue_day(respond_by timestamptz, resolve_by timestamptz, first_responded_at timestamptz)
                RETURNS integer LANGUAGE sql IMMUTABLE AS $$
                    SELECT to_char((CASE WHEN first_responded_at IS NULL AND respond_by < resolve_by THEN respond_by ELSE resolve_by END)
                        AT TIME ZONE 'UTC', 'YYYYMMDD')::integer
                $$;
                """);
            migrationBuilder.Sql(
                """
                CREATE FUNCTION needs_overdue_days_apply() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO needs_overdue_days ("CommunityId", "Day", "Count")
                    SELECT c, d, SUM(n) FROM (
                        SELECT OLD."CommunityId", needs_overdue_day(OLD."RespondBy", OLD."ResolveBy", OLD."FirstRespondedAt"), -1
                        WHERE TG_OP IN ('UPDATE', 'DELETE') AND OLD."Status" IN (0, 1, 2)
                        UNION ALL
                        SELECT NEW."CommunityId", needs_overdue_day(NEW."RespondBy", NEW."ResolveBy", NEW."FirstRespondedAt"), 1
                        WHERE TG_OP IN ('INSERT', 'UPDATE') AND NEW."Status" IN (0, 1, 2)
                    ) AS moves (c, d, n)
                    GROUP BY c, d
                    HAVING SUM(n) <> 0
                    ORDER BY c, d
                    ON CONFLICT ("CommunityId", "Day") DO UPDATE SET "Count" = needs_overdue_days."Count" + EXCLUDED."Count";
                    RETURN NULL;
                END $$;
                """);
            migrationBuilder.Sql(
                """
                CREATE TRIGGER needs_overdue_days_insert AFTER INSERT ON needs_needs
                    FOR EACH ROW WHEN (NEW."Status" IN (0, 1, 2)) EXECUTE FUNCTION needs_overdue_days_apply();
                """);
            migrationBuilder.Sql(
                """
                CREATE TRIGGER needs_overdue_days_update AFTER UPDATE OF "CommunityId", "Status", "RespondBy", "ResolveBy", "FirstRespondedAt" ON needs_needs
                    FOR EACH ROW WHEN ((OLD."Status" IN (0, 1, 2) OR NEW."Status" IN (0, 1, 2))
                        AND (OLD."CommunityId", OLD."Status", OLD."RespondBy", OLD."ResolveBy", OLD."FirstRespondedAt")
                            IS DISTINCT FROM (NEW."CommunityId", NEW."Status", NEW."RespondBy", NEW."ResolveBy", NEW."FirstRespondedAt"))
                    EXECUTE FUNCTION needs_overdue_days_apply();
                """);
            migrationBuilder.Sql(
                """
                CREATE TRIGGER needs_overdue_days_delete AFTER DELETE ON needs_needs
                    FOR EACH ROW WHEN (OLD."Status" IN (0, 1, 2)) EXECUTE FUNCTION needs_overdue_days_apply();
                """);
            migrationBuilder.Sql(
                """
                INSERT INTO needs_overdue_days ("CommunityId", "Day", "Count")
                SELECT "CommunityId", needs_overdue_day("RespondBy", "ResolveBy", "FirstRespondedAt"), COUNT(*) FROM needs_needs
                WHERE "Status" IN (0, 1, 2)
                GROUP BY 1, 2;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS needs_overdue_days_insert ON needs_needs;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS needs_overdue_days_update ON needs_needs;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS needs_overdue_days_delete ON needs_needs;");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS needs_overdue_days_apply();");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS needs_overdue_day(timestamptz, timestamptz, timestamptz);");

            migrationBuilder.DropTable(
                name: "needs_overdue_days");
        }
    }
}
