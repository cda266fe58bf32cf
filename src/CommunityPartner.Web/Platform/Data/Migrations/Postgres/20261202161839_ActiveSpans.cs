using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommunityPartner.Web.Platform.Data.Migrations.Postgres
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
                    ScopeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Span = table.Column<int>(type: "integer", nullable: false),
                    ResidentId = table.Column<Guid>(type: "uuid", nullable: false)
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
            // quarter, yyyy*100 the year. points_active_span_rows gives a points_active row's span rows with their month range
            // [lo, hi]. Statement triggers over the transition tables: insert the span rows (ON CONFLICT DO NOTHING); on delete,
            // drop a span row only when no points_active row of that resident remains in its month range (and community): one
            // range of IX_points_active_ResidentId_Month_CommunityId. Copy these blocks over when migrations are regenerated.
            migrationBuilder.Sql(
                """
                CREATE FUNCTION points_active_span_rows(c uuid, m integer) RETURNS TABLE (scope_id uuid, span integer, lo integer, hi integer)
                LANGUAGE sql IMMUTABLE AS $$
                    SELECT s.scope_id, s.span, s.lo, s.hi
                    FROM (SELECT m / 100 * 100 AS y, (m % 100 - 1) / 3 AS q) AS k
                    CROSS JOIN LATERAL (VALUES (c, k.y + 21 + k.q, k.y + 1 + 3 * k.q, k.y + 3 + 3 * k.q),
                                               (c, k.y, k.y + 1, k.y + 12),
                                               ('ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid, m, m, m),
                                               ('ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid, k.y + 21 + k.q, k.y + 1 + 3 * k.q, k.y + 3 + 3 * k.q),
                                               ('ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid, k.y, k.y + 1, k.y + 12)) AS s (scope_id, span, lo, hi)
                $$;
                CREATE FUNCTION points_active_spans_added() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO points_active_spans ("ScopeId", "Span", "ResidentId")
                    SELECT DISTINCT s.scope_id, s.span, a."ResidentId"
                    FROM added AS a CROSS JOIN LATERAL points_active_span_rows(a."CommunityId", a."Month") AS s
                    ORDER BY 1, 2, 3
                    ON CONFLICT DO NOTHING;
                    RETURN NULL;
                END $$;
                CREATE FUNCTION points_active_spans_removed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    DELETE FROM points_active_spans AS p
                    USING (SELECT DISTINCT s.scope_id, s.span, s.lo, s.hi, a."ResidentId"
                           FROM removed AS a CROSS JOIN LATERAL points_active_span_rows(a."CommunityId", a."Month") AS s) AS d
                    WHERE p."ScopeId" = d.scope_id AND p."Span" = d.span AND p."ResidentId" = d."ResidentId"
                      AND NOT EXISTS (SELECT 1 FROM points_active AS o
                                      WHERE o."ResidentId" = d."ResidentId" AND o."Month" BETWEEN d.lo AND d.hi
                                        AND (d.scope_id = 'ffffffff-ffff-ffff-ffff-ffffffffffff' OR o."CommunityId" = d.scope_id));
                    RETURN NULL;
                END $$;
                CREATE TRIGGER points_active_spans_insert AFTER INSERT ON points_active
                    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION points_active_spans_added();
                CREATE TRIGGER points_active_spans_delete AFTER DELETE ON points_active
                    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION points_active_spans_removed();
                """);
            migrationBuilder.Sql(
                """
                -- ActiveSpans backfill
                INSERT INTO points_active_spans ("ScopeId", "Span", "ResidentId")
                SELECT DISTINCT s.scope_id, s.span, a."ResidentId"
                FROM points_active AS a CROSS JOIN LATERAL points_active_span_rows(a."CommunityId", a."Month") AS s;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS points_active_spans_insert ON points_active;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS points_active_spans_delete ON points_active;");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS points_active_spans_added();");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS points_active_spans_removed();");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS points_active_span_rows(uuid, integer);");

            migrationBuilder.DropTable(
                name: "points_active_spans");

            migrationBuilder.DropIndex(
                name: "IX_points_active_ResidentId_Month_CommunityId",
                table: "points_active");
        }
    }
}
