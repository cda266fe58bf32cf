using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommunityPartner.Web.Platform.Data.Migrations.Sqlite
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
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    ResidentId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_points_active", x => new { x.CommunityId, x.Month, x.ResidentId });
                });

            migrationBuilder.CreateTable(
                name: "points_monthly",
                columns: table => new
                {
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Points = table.Column<long>(type: "INTEGER", nullable: false),
                    Transfers = table.Column<long>(type: "INTEGER", nullable: false)
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

            // Hand-written: the points aggregates are kept by triggers in every writer's transaction (the ledger, raw SQL),
            // and backfilled here from the ledger. Month = the transfer's Beijing month as yyyymm. Copy these blocks over
            // when migrations are regenerated.
            migrationBuilder.Sql(
                """
                CREATE TRIGGER "points_tally_transfer_insert" AFTER INSERT ON "points_transfers" WHEN NEW."Kind" IN (0, 1, 2)
                BEGIN
                    INSERT INTO "points_monthly" ("CommunityId", "Month", "Kind", "Points", "Transfers")
                    SELECT f."OwnerId", CAST(strftime('%Y%m', NEW."At", '+8 hours') AS INTEGER), NEW."Kind", NEW."Amount", 1
                    FROM "points_accounts" AS f JOIN "points_accounts" AS r ON r."Id" = NEW."ToAccountId"
                    WHERE f."Id" = NEW."FromAccountId" AND NEW."Kind" IN (0, 1) AND f."Kind" = 2 AND r."Kind" = 0
                    ON CONFLICT ("Month", "CommunityId", "Kind") DO UPDATE SET "Points" = "Points" + excluded."Points", "Transfers" = "Transfers" + excluded."Transfers";
                    INSERT INTO "points_active" ("CommunityId", "Month", "ResidentId")
                    SELECT f."OwnerId", CAST(strftime('%Y%m', NEW."At", '+8 hours') AS INTEGER), r."OwnerId"
                    FROM "points_accounts" AS f JOIN "points_accounts" AS r ON r."Id" = NEW."ToAccountId"
                    WHERE f."Id" = NEW."FromAccountId" AND NEW."Kind" IN (0, 1) AND f."Kind" = 2 AND r."Kind" = 0
                    ON CONFLICT DO NOTHING;
                    INSERT INTO "points_monthly" ("CommunityId", "Month", "Kind", "Points", "Transfers")
                    SELECT COALESCE(u."CommunityId", '00000000-0000-0000-0000-000000000000'), CAST(strftime('%Y%m', NEW."At", '+8 hours') AS INTEGER), 2, NEW."Amount", 1
                    FROM "points_accounts" AS h JOIN "accounts_users" AS u ON u."Id" = h."OwnerId"
                    WHERE h."Id" = NEW."FromAccountId" AND NEW."Kind" = 2 AND h."Kind" = 3
                    ON CONFLICT ("Month", "CommunityId", "Kind") DO UPDATE SET "Points" = "Points" + excluded."Points", "Transfers" = "Transfers" + excluded."Transfers";
                END;
                """);
            migrationBuilder.Sql(
                """
                CREATE TRIGGER "points_tally_user_community" AFTER UPDATE OF "CommunityId" ON "accounts_users"
                WHEN OLD."CommunityId" IS NOT NEW."CommunityId"
                BEGIN
                    INSERT INTO "points_monthly" ("CommunityId", "Month", "Kind", "Points", "Transfers")
                    SELECT c."CommunityId", m."Month", 2, c."Sign" * m."Points", c."Sign" * m."Transfers"
                    FROM (SELECT CAST(strftime('%Y%m', t."At", '+8 hours') AS INTEGER) AS "Month", SUM(t."Amount") AS "Points", COUNT(*) AS "Transfers"
                          FROM "points_accounts" AS h JOIN "points_transfers" AS t ON t."FromAccountId" = h."Id"
                          WHERE h."Kind" = 3 AND h."OwnerId" = NEW."Id" AND t."Kind" = 2 GROUP BY 1) AS m
                    CROSS JOIN (SELECT COALESCE(OLD."CommunityId", '00000000-0000-0000-0000-000000000000') AS "CommunityId", -1 AS "Sign"
                                UNION ALL SELECT COALESCE(NEW."CommunityId", '00000000-0000-0000-0000-000000000000'), 1) AS c
                    WHERE true
                    ON CONFLICT ("Month", "CommunityId", "Kind") DO UPDATE SET "Points" = "Points" + excluded."Points", "Transfers" = "Transfers" + excluded."Transfers";
                END;
                """);
            migrationBuilder.Sql(
                """
                INSERT INTO "points_monthly" ("CommunityId", "Month", "Kind", "Points", "Transfers")
                SELECT f."OwnerId", CAST(strftime('%Y%m', t."At", '+8 hours') AS INTEGER), t."Kind", SUM(t."Amount"), COUNT(*)
                FROM "points_transfers" AS t JOIN "points_accounts" AS f ON f."Id" = t."FromAccountId" JOIN "points_accounts" AS r ON r."Id" = t."ToAccountId"
                WHERE t."Kind" IN (0, 1) AND f."Kind" = 2 AND r."Kind" = 0
                GROUP BY 1, 2, 3;
                INSERT INTO "points_monthly" ("CommunityId", "Month", "Kind", "Points", "Transfers")
                SELECT COALESCE(u."CommunityId", '00000000-0000-0000-0000-000000000000'), CAST(strftime('%Y%m', t."At", '+8 hours') AS INTEGER), 2, SUM(t."Amount"), COUNT(*)
                FROM "points_transfers" AS t JOIN "points_accounts" AS h ON h."Id" = t."FromAccountId" JOIN "accounts_users" AS u ON u."Id" = h."OwnerId"
                WHERE t."Kind" = 2 AND h."Kind" = 3
                GROUP BY 1, 2;
                INSERT INTO "points_active" ("CommunityId", "Month", "ResidentId")
                SELECT DISTINCT f."OwnerId", CAST(strftime('%Y%m', t."At", '+8 hours') AS INTEGER), r."OwnerId"
                FROM "points_transfers" AS t JOIN "points_accounts" AS f ON f."Id" = t."FromAccountId" JOIN "points_accounts" AS r ON r."Id" = t."ToAccountId"
                WHERE t."Kind" IN (0, 1) AND f."Kind" = 2 AND r."Kind" = 0;
                """);

            // Hand-written: the ledger is append-only (transfers are never updated or deleted by the app), but maintenance and
            // test writes may move or delete transfers; these triggers keep the aggregates equal to a recount under ANY write:
            // take the old row out (its points_active row only when no other award or drop-off of that resident from that pool
            // remains in that Beijing month: one range of IX_points_transfers_ToAccountId_FromAccountId_At), then add the new row
            // as the insert trigger does.
            migrationBuilder.Sql(
                """
                CREATE TRIGGER "points_tally_transfer_delete" AFTER DELETE ON "points_transfers" WHEN OLD."Kind" IN (0, 1, 2)
                BEGIN
                    INSERT INTO "points_monthly" ("CommunityId", "Month", "Kind", "Points", "Transfers")
                    SELECT f."OwnerId", CAST(strftime('%Y%m', OLD."At", '+8 hours') AS INTEGER), OLD."Kind", -OLD."Amount", -1
                    FROM "points_accounts" AS f JOIN "points_accounts" AS r ON r."Id" = OLD."ToAccountId"
                    WHERE f."Id" = OLD."FromAccountId" AND OLD."Kind" IN (0, 1) AND f."Kind" = 2 AND r."Kind" = 0
                    ON CONFLICT ("Month", "CommunityId", "Kind") DO UPDATE SET "Points" = "Points" + excluded."Points", "Transfers" = "Transfers" + excluded."Transfers";
                    INSERT INTO "points_monthly" ("CommunityId", "Month", "Kind", "Points", "Transfers")
                    SELECT COALESCE(u."CommunityId", '00000000-0000-0000-0000-000000000000'), CAST(strftime('%Y%m', OLD."At", '+8 hours') AS INTEGER), 2, -OLD."Amount", -1
                    FROM "points_accounts" AS h JOIN "accounts_users" AS u ON u."Id" = h."OwnerId"
                    WHERE h."Id" = OLD."FromAccountId" AND OLD."Kind" = 2 AND h."Kind" = 3
                    ON CONFLICT ("Month", "CommunityId", "Kind") DO UPDATE SET "Points" = "Points" + excluded."Points", "Transfers" = "Transfers" + excluded."Transfers";
                    DELETE FROM "points_active"
                    WHERE ("CommunityId", "Month", "ResidentId") IN (
                            SELECT f."OwnerId", CAST(strftime('%Y%m', OLD."At", '+8 hours') AS INTEGER), r."OwnerId"
                            FROM "points_accounts" AS f JOIN "points_accounts" AS r ON r."Id" = OLD."ToAccountId"
                            WHERE f."Id" = OLD."FromAccountId" AND OLD."Kind" IN (0, 1) AND f."Kind" = 2 AND r."Kind" = 0)
                      AND NOT EXISTS (SELECT 1 FROM "points_transfers" AS o
                                      WHERE o."ToAccountId" = OLD."ToAccountId" AND o."FromAccountId" = OLD."FromAccountId" AND o."Kind" IN (0, 1)
                                        AND o."At" >= datetime(OLD."At", '+8 hours', 'start of month', '-8 hours')
                                        AND o."At" < datetime(OLD."At", '+8 hours', 'start of month', '+1 month', '-8 hours'));
                    DELETE FROM "points_monthly" WHERE "Transfers" = 0 AND "Points" = 0;
                END;
                """);
            migrationBuilder.Sql(
                """
                CREATE TRIGGER "points_tally_transfer_update" AFTER UPDATE ON "points_transfers" WHEN OLD."Kind" IN (0, 1, 2) OR NEW."Kind" IN (0, 1, 2)
                BEGIN
                    INSERT INTO "points_monthly" ("CommunityId", "Month", "Kind", "Points", "Transfers")
                    SELECT f."OwnerId", CAST(strftime('%Y%m', OLD."At", '+8 hours') AS INTEGER), OLD."Kind", -OLD."Amount", -1
                    FROM "points_accounts" AS f JOIN "points_accounts" AS r ON r."Id" = OLD."ToAccountId"
                    WHERE f."Id" = OLD."FromAccountId" AND OLD."Kind" IN (0, 1) AND f."Kind" = 2 AND r."Kind" = 0
                    ON CONFLICT ("Month", "CommunityId", "Kind") DO UPDATE SET "Points" = "Points" + excluded."Points", "Transfers" = "Transfers" + excluded."Transfers";
                    INSERT INTO "points_monthly" ("CommunityId", "Month", "Kind", "Points", "Transfers")
                    SELECT COALESCE(u."CommunityId", '00000000-0000-0000-0000-000000000000'), CAST(strftime('%Y%m', OLD."At", '+8 hours') AS INTEGER), 2, -OLD."Amount", -1
                    FROM "points_accounts" AS h JOIN "accounts_users" AS u ON u."Id" = h."OwnerId"
                    WHERE h."Id" = OLD."FromAccountId" AND OLD."Kind" = 2 AND h."Kind" = 3
                    ON CONFLICT ("Month", "CommunityId", "Kind") DO UPDATE SET "Points" = "Points" + excluded."Points", "Transfers" = "Transfers" + excluded."Transfers";
                    DELETE FROM "points_active"
                    WHERE ("CommunityId", "Month", "ResidentId") IN (
                            SELECT f."OwnerId", CAST(strftime('%Y%m', OLD."At", '+8 hours') AS INTEGER), r."OwnerId"
                            FROM "points_accounts" AS f JOIN "points_accounts" AS r ON r."Id" = OLD."ToAccountId"
                            WHERE f."Id" = OLD."FromAccountId" AND OLD."Kind" IN (0, 1) AND f."Kind" = 2 AND r."Kind" = 0)
                      AND NOT EXISTS (SELECT 1 FROM "points_transfers" AS o
                                      WHERE o."ToAccountId" = OLD."ToAccountId" AND o."FromAccountId" = OLD."FromAccountId" AND o."Kind" IN (0, 1)
                                        AND o."At" >= datetime(OLD."At", '+8 hours', 'start of month', '-8 hours')
                                        AND o."At" < datetime(OLD."At", '+8 hours', 'start of month', '+1 month', '-8 hours'));
                    INSERT INTO "points_monthly" ("CommunityId", "Month", "Kind", "Points", "Transfers")
                    SELECT f."OwnerId", CAST(strftime('%Y%m', NEW."At", '+8 hours') AS INTEGER), NEW."Kind", NEW."Amount", 1
                    FROM "points_accounts" AS f JOIN "points_accounts" AS r ON r."Id" = NEW."ToAccountId"
                    WHERE f."Id" = NEW."FromAccountId" AND NEW."Kind" IN (0, 1) AND f."Kind" = 2 AND r."Kind" = 0
                    ON CONFLICT ("Month", "CommunityId", "Kind") DO UPDATE SET "Points" = "Points" + excluded."Points", "Transfers" = "Transfers" + excluded."Transfers";
                    INSERT INTO "points_active" ("CommunityId", "Month", "ResidentId")
                    SELECT f."OwnerId", CAST(strftime('%Y%m', NEW."At", '+8 hours') AS INTEGER), r."OwnerId"
                    FROM "points_accounts" AS f JOIN "points_accounts" AS r ON r."Id" = NEW."ToAccountId"
                    WHERE f."Id" = NEW."FromAccountId" AND NEW."Kind" IN (0, 1) AND f."Kind" = 2 AND r."Kind" = 0
                    ON CONFLICT DO NOTHING;
                    INSERT INTO "points_monthly" ("CommunityId", "Month", "Kind", "Points", "Transfers")
                    SELECT COALESCE(u."CommunityId", '00000000-0000-0000-0000-000000000000'), CAST(strftime('%Y%m', NEW."At", '+8 hours') AS INTEGER), 2, NEW."Amount", 1
                    FROM "points_accounts" AS h JOIN "accounts_users" AS u ON u."Id" = h."OwnerId"
                    WHERE h."Id" = NEW."FromAccountId" AND NEW."Kind" = 2 AND h."Kind" = 3
                    ON CONFLICT ("Month", "CommunityId", "Kind") DO UPDATE SET "Points" = "Points" + excluded."Points", "Transfers" = "Transfers" + excluded."Transfers";
                    DELETE FROM "points_monthly" WHERE "Transfers" = 0 AND "Points" = 0;
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"points_tally_transfer_update\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"points_tally_transfer_delete\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"points_tally_transfer_insert\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"points_tally_user_community\";");

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
