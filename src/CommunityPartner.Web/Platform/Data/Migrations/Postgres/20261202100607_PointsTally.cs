using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommunityPartner.Web.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PointsTally : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "points_active",
                columns: table => new
                {
                    CommunityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    ResidentId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_points_active", x => new { x.CommunityId, x.Month, x.ResidentId });
                });

            migrationBuilder.CreateTable(
                name: "points_monthly",
                columns: table => new
                {
                    CommunityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Points = table.Column<long>(type: "bigint", nullable: false),
                    Transfers = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_points_monthly", x => new { x.Month, x.CommunityId, x.Kind });
                });

            migrationBuilder.CreateIndex(
                name: "IX_points_transfers_ToAccountId_FromAccountId_At",
                table: "points_transfers",
                columns: new[] { "ToAccountId", "FromAccountId", "At" },
                filter: "\"Kind\" IN (0, 1)");

            migrationBuilder.CreateIndex(
                name: "IX_points_active_Month_ResidentId",
                table: "points_active",
                columns: new[] { "Month", "ResidentId" });

            // Hand-written: the points aggregates are kept by triggers in every writer's transaction (the ledger, raw SQL,
            // COPY), and backfilled here from the ledger. Month = the transfer's Beijing month as yyyymm. One statement-level
            // trigger per INSERT statement (its new rows as a transition table), so a bulk load aggregates once. Copy these
            // blocks over when migrations are regenerated.
            migrationBuilder.Sql(
                """
                CREATE FUNCTION points_tally_month(at timestamp with time zone) RETURNS integer LANGUAGE sql STABLE AS $$
                    SELECT CAST(EXTRACT(YEAR FROM (at AT TIME ZONE 'UTC') + interval '8 hours') * 100
                        + EXTRACT(MONTH FROM (at AT TIME ZONE 'UTC') + interval '8 hours') AS integer)
                $$;
                CREATE FUNCTION points_tally_transfers() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO points_monthly ("CommunityId", "Month", "Kind", "Points", "Transfers")
                    SELECT f."OwnerId", points_tally_month(t."At"), t."Kind", SUM(t."Amount"), COUNT(*)
                    FROM added AS t JOIN points_accounts AS f ON f."Id" = t."FromAccountId" JOIN points_accounts AS r ON r."Id" = t."ToAccountId"
                    WHERE t."Kind" IN (0, 1) AND f."Kind" = 2 AND r."Kind" = 0
                    GROUP BY 1, 2, 3 ORDER BY 2, 1, 3
                    ON CONFLICT ("Month", "CommunityId", "Kind") DO UPDATE
                    SET "Points" = points_monthly."Points" + EXCLUDED."Points", "Transfers" = points_monthly."Transfers" + EXCLUDED."Transfers";
                    INSERT INTO points_active ("CommunityId", "Month", "ResidentId")
                    SELECT DISTINCT f."OwnerId", points_tally_month(t."At"), r."OwnerId"
                    FROM added AS t JOIN points_accounts AS f ON f."Id" = t."FromAccountId" JOIN points_accounts AS r ON r."Id" = t."ToAccountId"
                    WHERE t."Kind" IN (0, 1) AND f."Kind" = 2 AND r."Kind" = 0
                    ON CONFLICT DO NOTHING;
                    INSERT INTO points_monthly ("CommunityId", "Month", "Kind", "Points", "Transfers")
                    SELECT COALESCE(u."CommunityId", '00000000-0000-0000-0000-000000000000'), points_tally_month(t."At"), 2, SUM(t."Amount"), COUNT(*)
                    FROM added AS t JOIN points_accounts AS h ON h."Id" = t."FromAccountId" JOIN accounts_users AS u ON u."Id" = h."OwnerId"
                    WHERE t."Kind" = 2 AND h."Kind" = 3
                    GROUP BY 1, 2 ORDER BY 2, 1
                    ON CONFLICT ("Month", "CommunityId", "Kind") DO UPDATE
                    SET "Points" = points_monthly."Points" + EXCLUDED."Points", "Transfers" = points_monthly."Transfers" + EXCLUDED."Transfers";
                    RETURN NULL;
                END $$;
                CREATE TRIGGER points_tally_transfer_insert AFTER INSERT ON points_transfers
                    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION points_tally_transfers();
                """);
            migrationBuilder.Sql(
                """
                CREATE FUNCTION points_tally_user_community() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO points_monthly ("CommunityId", "Month", "Kind", "Points", "Transfers")
                    SELECT c."CommunityId", m."Month", 2, c."Sign" * m."Points", c."Sign" * m."Transfers"
                    FROM (SELECT points_tally_month(t."At") AS "Month", SUM(t."Amount") AS "Points", COUNT(*) AS "Transfers"
                          FROM points_accounts AS h JOIN points_transfers AS t ON t."FromAccountId" = h."Id"
                          WHERE h."Kind" = 3 AND h."OwnerId" = NEW."Id" AND t."Kind" = 2 GROUP BY 1) AS m
                    CROSS JOIN (VALUES (COALESCE(OLD."CommunityId", '00000000-0000-0000-0000-000000000000'), -1),
                                       (COALESCE(NEW."CommunityId", '00000000-0000-0000-0000-000000000000'), 1)) AS c ("CommunityId", "Sign")
                    ORDER BY 2, 1
                    ON CONFLICT ("Month", "CommunityId", "Kind") DO UPDATE
                    SET "Points" = points_monthly."Points" + EXCLUDED."Points", "Transfers" = points_monthly."Transfers" + EXCLUDED."Transfers";
                    RETURN NULL;
                END $$;
                CREATE TRIGGER points_tally_user_community AFTER UPDATE OF "CommunityId" ON accounts_users
                    FOR EACH ROW WHEN (OLD."CommunityId" IS DISTINCT FROM NEW."CommunityId") EXECUTE FUNCTION points_tally_user_community();
                """);
            migrationBuilder.Sql(
                """
                INSERT INTO points_monthly ("CommunityId", "Month", "Kind", "Points", "Transfers")
                SELECT f."OwnerId", points_tally_month(t."At"), t."Kind", SUM(t."Amount"), COUNT(*)
                FROM points_transfers AS t JOIN points_accounts AS f ON f."Id" = t."FromAccountId" JOIN points_accounts AS r ON r."Id" = t."ToAccountId"
                WHERE t."Kind" IN (0, 1) AND f."Kind" = 2 AND r."Kind" = 0
                GROUP BY 1, 2, 3;
                INSERT INTO points_monthly ("CommunityId", "Month", "Kind", "Points", "Transfers")
                SELECT COALESCE(u."CommunityId", '00000000-0000-0000-0000-000000000000'), points_tally_month(t."At"), 2, SUM(t."Amount"), COUNT(*)
                FROM points_transfers AS t JOIN points_accounts AS h ON h."Id" = t."FromAccountId" JOIN accounts_users AS u ON u."Id" = h."OwnerId"
                WHERE t."Kind" = 2 AND h."Kind" = 3
                GROUP BY 1, 2;
                INSERT INTO points_active ("CommunityId", "Month", "ResidentId")
                SELECT DISTINCT f."OwnerId", points_tally_month(t."At"), r."OwnerId"
                FROM points_transfers AS t JOIN points_accounts AS f ON f."Id" = t."FromAccountId" JOIN points_accounts AS r ON r."Id" = t."ToAccountId"
                WHERE t."Kind" IN (0, 1) AND f."Kind" = 2 AND r."Kind" = 0;
                """);

            // Hand-written: the ledger is append-only (transfers are never updated or deleted by the app), but maintenance and
            // test writes may move or delete transfers; these triggers keep the aggregates equal to a recount under ANY write.
            // One statement trigger per UPDATE/DELETE: take the old rows out (a points_active row only when no other award or
            // drop-off of that resident from that pool remains in that month: one range of IX_points_transfers_ToAccountId_FromAccountId_At),
            // then add the new rows as the insert trigger does.
            migrationBuilder.Sql(
                """
                CREATE FUNCTION points_tally_month_start(m integer, plus integer) RETURNS timestamp with time zone LANGUAGE sql IMMUTABLE AS $$
                    SELECT (make_timestamp(m / 100, m % 100, 1, 0, 0, 0) + make_interval(months => plus) - interval '8 hours') AT TIME ZONE 'UTC'
                $$;
                CREATE FUNCTION points_tally_transfers_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO points_monthly ("CommunityId", "Month", "Kind", "Points", "Transfers")
                    SELECT f."OwnerId", points_tally_month(t."At"), t."Kind", -SUM(t."Amount"), -COUNT(*)
                    FROM removed AS t JOIN points_accounts AS f ON f."Id" = t."FromAccountId" JOIN points_accounts AS r ON r."Id" = t."ToAccountId"
                    WHERE t."Kind" IN (0, 1) AND f."Kind" = 2 AND r."Kind" = 0
                    GROUP BY 1, 2, 3 ORDER BY 2, 1, 3
                    ON CONFLICT ("Month", "CommunityId", "Kind") DO UPDATE
                    SET "Points" = points_monthly."Points" + EXCLUDED."Points", "Transfers" = points_monthly."Transfers" + EXCLUDED."Transfers";
                    INSERT INTO points_monthly ("CommunityId", "Month", "Kind", "Points", "Transfers")
                    SELECT COALESCE(u."CommunityId", '00000000-0000-0000-0000-000000000000'), points_tally_month(t."At"), 2, -SUM(t."Amount"), -COUNT(*)
                    FROM removed AS t JOIN points_accounts AS h ON h."Id" = t."FromAccountId" JOIN accounts_users AS u ON u."Id" = h."OwnerId"
                    WHERE t."Kind" = 2 AND h."Kind" = 3
                    GROUP BY 1, 2 ORDER BY 2, 1
                    ON CONFLICT ("Month", "CommunityId", "Kind") DO UPDATE
                    SET "Points" = points_monthly."Points" + EXCLUDED."Points", "Transfers" = points_monthly."Transfers" + EXCLUDED."Transfers";
                    DELETE FROM points_active AS a
                    USING (SELECT DISTINCT f."OwnerId" AS "CommunityId", points_tally_month(t."At") AS "Month", r."OwnerId" AS "ResidentId",
                                  t."FromAccountId", t."ToAccountId"
                           FROM removed AS t JOIN points_accounts AS f ON f."Id" = t."FromAccountId" JOIN points_accounts AS r ON r."Id" = t."ToAccountId"
                           WHERE t."Kind" IN (0, 1) AND f."Kind" = 2 AND r."Kind" = 0) AS d
                    WHERE a."CommunityId" = d."CommunityId" AND a."Month" = d."Month" AND a."ResidentId" = d."ResidentId"
                      AND NOT EXISTS (SELECT 1 FROM points_transfers AS o
                                      WHERE o."ToAccountId" = d."ToAccountId" AND o."FromAccountId" = d."FromAccountId" AND o."Kind" IN (0, 1)
                                        AND o."At" >= points_tally_month_start(d."Month", 0) AND o."At" < points_tally_month_start(d."Month", 1));
                    IF TG_OP = 'UPDATE' THEN
                        INSERT INTO points_monthly ("CommunityId", "Month", "Kind", "Points", "Transfers")
                        SELECT f."OwnerId", points_tally_month(t."At"), t."Kind", SUM(t."Amount"), COUNT(*)
                        FROM added AS t JOIN points_accounts AS f ON f."Id" = t."FromAccountId" JOIN points_accounts AS r ON r."Id" = t."ToAccountId"
                        WHERE t."Kind" IN (0, 1) AND f."Kind" = 2 AND r."Kind" = 0
                        GROUP BY 1, 2, 3 ORDER BY 2, 1, 3
                        ON CONFLICT ("Month", "CommunityId", "Kind") DO UPDATE
                        SET "Points" = points_monthly."Points" + EXCLUDED."Points", "Transfers" = points_monthly."Transfers" + EXCLUDED."Transfers";
                        INSERT INTO points_active ("CommunityId", "Month", "ResidentId")
                        SELECT DISTINCT f."OwnerId", points_tally_month(t."At"), r."OwnerId"
                        FROM added AS t JOIN points_accounts AS f ON f."Id" = t."FromAccountId" JOIN points_accounts AS r ON r."Id" = t."ToAccountId"
                        WHERE t."Kind" IN (0, 1) AND f."Kind" = 2 AND r."Kind" = 0
                        ON CONFLICT DO NOTHING;
                        INSERT INTO points_monthly ("CommunityId", "Month", "Kind", "Points", "Transfers")
                        SELECT COALESCE(u."CommunityId", '00000000-0000-0000-0000-000000000000'), points_tally_month(t."At"), 2, SUM(t."Amount"), COUNT(*)
                        FROM added AS t JOIN points_accounts AS h ON h."Id" = t."FromAccountId" JOIN accounts_users AS u ON u."Id" = h."OwnerId"
                        WHERE t."Kind" = 2 AND h."Kind" = 3
                        GROUP BY 1, 2 ORDER BY 2, 1
                        ON CONFLICT ("Month", "CommunityId", "Kind") DO UPDATE
                        SET "Points" = points_monthly."Points" + EXCLUDED."Points", "Transfers" = points_monthly."Transfers" + EXCLUDED."Transfers";
                    END IF;
                    DELETE FROM points_monthly WHERE "Transfers" = 0 AND "Points" = 0;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER points_tally_transfer_update AFTER UPDATE ON points_transfers
                    REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION points_tally_transfers_changed();
                CREATE TRIGGER points_tally_transfer_delete AFTER DELETE ON points_transfers
                    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION points_tally_transfers_changed();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS points_tally_transfer_update ON points_transfers;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS points_tally_transfer_delete ON points_transfers;");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS points_tally_transfers_changed();");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS points_tally_month_start(integer, integer);");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS points_tally_transfer_insert ON points_transfers;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS points_tally_user_community ON accounts_users;");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS points_tally_transfers();");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS points_tally_user_community();");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS points_tally_month(timestamp with time zone);");

            migrationBuilder.DropTable(
                name: "points_active");

            migrationBuilder.DropTable(
                name: "points_monthly");

            migrationBuilder.DropIndex(
                name: "IX_points_transfers_ToAccountId_FromAccountId_At",
                table: "points_transfers");
        }
    }
}
