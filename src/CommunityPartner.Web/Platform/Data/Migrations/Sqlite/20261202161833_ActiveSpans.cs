using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommunityPartner.Web.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ActiveSpans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "points_active_spans",
                columns: table => new
                {
                    ScopeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Span = table.Column<int>(type: "INTEGER", nullable: false),
                    ResidentId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_points_active_spans", x => new { x.ScopeId, x.Span, x.ResidentId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_points_active_ResidentId_Month_CommunityId",
                table: "points_active",
                columns: new[] { "ResidentId", "Month", "CommunityId" });

            // Hand-written: active residents per bill period, kept by triggers on points_active (which the points_transfers
            // triggers write) in every writer's transaction, and backfilled here from points_active. One row per (scope, span,
            // resident): scope = a community or the district (all bits set, never Guid.Empty = residents without a community);
            // span = yyyymm a Beijing month (district only: a community's months are points_active itself), yyyy*100+20+q a
            // quarter, yyyy*100 the year. Per row: insert the row's span rows (ON CONFLICT DO NOTHING); on delete, drop a span
            // row only when no points_active row of that resident remains in its month range (and community): one range of
            // IX_points_active_ResidentId_Month_CommunityId. Copy these blocks over when migrations are regenerated.
            migrationBuilder.Sql(
                """
                CREATE TRIGGER "points_active_spans_insert" AFTER INSERT ON "points_active"
                BEGIN
                    INSERT INTO "points_active_spans" ("ScopeId", "Span", "ResidentId")
                    SELECT s."ScopeId", s."Span", NEW."ResidentId"
                    FROM (SELECT NEW."CommunityId" AS "ScopeId", NEW."Month" / 100 * 100 + 21 + (NEW."Month" % 100 - 1) / 3 AS "Span"
                          UNION ALL SELECT NEW."CommunityId", NEW."Month" / 100 * 100
                          UNION ALL SELECT 'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF', NEW."Month"
                          UNION ALL SELECT 'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF', NEW."Month" / 100 * 100 + 21 + (NEW."Month" % 100 - 1) / 3
                          UNION ALL SELECT 'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF', NEW."Month" / 100 * 100) AS s
                    WHERE true
                    ON CONFLICT DO NOTHING;
                END;
                CREATE TRIGGER "points_active_spans_delete" AFTER DELETE ON "points_active"
                BEGIN
                    DELETE FROM "points_active_spans"
                    WHERE "ResidentId" = OLD."ResidentId" AND ("ScopeId", "Span") IN (
                        SELECT s."ScopeId", s."Span"
                        FROM (SELECT OLD."CommunityId" AS "ScopeId", OLD."Month" / 100 * 100 + 21 + (OLD."Month" % 100 - 1) / 3 AS "Span", OLD."Month" / 100 * 100 + 1 + 3 * ((OLD."Month" % 100 - 1) / 3) AS "Lo", OLD."Month" / 100 * 100 + 3 + 3 * ((OLD."Month" % 100 - 1) / 3) AS "Hi"
                              UNION ALL SELECT OLD."CommunityId", OLD."Month" / 100 * 100, OLD."Month" / 100 * 100 + 1, OLD."Month" / 100 * 100 + 12
                              UNION ALL SELECT 'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF', OLD."Month", OLD."Month", OLD."Month"
                              UNION ALL SELECT 'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF', OLD."Month" / 100 * 100 + 21 + (OLD."Month" % 100 - 1) / 3, OLD."Month" / 100 * 100 + 1 + 3 * ((OLD."Month" % 100 - 1) / 3), OLD."Month" / 100 * 100 + 3 + 3 * ((OLD."Month" % 100 - 1) / 3)
                              UNION ALL SELECT 'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF', OLD."Month" / 100 * 100, OLD."Month" / 100 * 100 + 1, OLD."Month" / 100 * 100 + 12) AS s
                        WHERE NOT EXISTS (SELECT 1 FROM "points_active" AS o
                                          WHERE o."ResidentId" = OLD."ResidentId" AND o."Month" BETWEEN s."Lo" AND s."Hi"
                                            AND (s."ScopeId" = 'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF' OR o."CommunityId" = s."ScopeId")));
                END;
                """);
            migrationBuilder.Sql(
                """
                -- ActiveSpans backfill
                INSERT INTO "points_active_spans" ("ScopeId", "Span", "ResidentId")
                SELECT DISTINCT CASE k."District" WHEN 1 THEN 'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF' ELSE a."CommunityId" END,
                       CASE k."Kind" WHEN 0 THEN a."Month" WHEN 1 THEN a."Month" / 100 * 100 + 21 + (a."Month" % 100 - 1) / 3 ELSE a."Month" / 100 * 100 END,
                       a."ResidentId"
                FROM "points_active" AS a
                CROSS JOIN (SELECT 0 AS "District", 1 AS "Kind" UNION ALL SELECT 0, 2 UNION ALL SELECT 1, 0 UNION ALL SELECT 1, 1 UNION ALL SELECT 1, 2) AS k;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"points_active_spans_insert\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"points_active_spans_delete\";");

            migrationBuilder.DropTable(
                name: "points_active_spans");

            migrationBuilder.DropIndex(
                name: "IX_points_active_ResidentId_Month_CommunityId",
                table: "points_active");
        }
    }
}
