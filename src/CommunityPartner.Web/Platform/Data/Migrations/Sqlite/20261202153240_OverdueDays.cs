using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommunityPartner.Web.Platform.Data.Migrations.Sqlite
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
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Day = table.Column<int>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_needs_overdue_days", x => new { x.CommunityId, x.Day });
                });

            // The day an open need becomes overdue (NeedOverdueDay.OverdueSince, as yyyymmdd of its UTC date; dates are
            // stored as "yyyy-MM-dd HH:mm:ss…" text, which compares in time order), the triggers that keep the counts in
            // the writer's transaction (as the status counts', ADR 0008), then the counts of the needs already stored.
            migrationBuilder.Sql(
                """
                CREATE TRIGGER "needs_overdue_days_insert" AFTER INSERT ON "needs_needs" WHEN NEW."Status" IN (0, 1, 2)
                BEGIN
                    INSERT INTO "needs_overdue_days" ("CommunityId", "Day", "Count")
                    VALUES (NEW."CommunityId", CAST(replace(substr(CASE WHEN NEW."FirstRespondedAt" IS NULL AND NEW."RespondBy" < NEW."ResolveBy" THEN NEW."RespondBy" ELSE NEW."ResolveBy" END, 1, 10), '-', '') AS INTEGER), 1)
                    ON CONFLICT ("CommunityId", "Day") DO UPDATE SET "Count" = "Count" + 1;
                END;
                """);
            migrationBuilder.Sql(
                """
                CREATE TRIGGER "needs_overdue_days_update" AFTER UPDATE OF "CommunityId", "Status", "RespondBy", "ResolveBy", "FirstRespondedAt" ON "needs_needs"
                WHEN (OLD."Status" IN (0, 1, 2) OR NEW."Status" IN (0, 1, 2))
                    AND (OLD."CommunityId" IS NOT NEW."CommunityId" OR OLD."Status" IS NOT NEW."Status" OR OLD."RespondBy" IS NOT NEW."RespondBy"
                        OR OLD."ResolveBy" IS NOT NEW."ResolveBy" OR OLD."FirstRespondedAt" IS NOT NEW."FirstRespondedAt")
                BEGIN
                    INSERT INTO "needs_overdue_days" ("CommunityId", "Day", "Count")
                    SELECT OLD."CommunityId", CAST(replace(substr(CASE WHEN OLD."FirstRespondedAt" IS NULL AND OLD."RespondBy" < OLD."ResolveBy" THEN OLD."RespondBy" ELSE OLD."ResolveBy" END, 1, 10), '-', '') AS INTEGER), -1 WHERE OLD."Status" IN (0, 1, 2)
                    ON CONFLICT ("CommunityId", "Day") DO UPDATE SET "Count" = "Count" - 1;
                    INSERT INTO "needs_overdue_days" ("CommunityId", "Day", "Count")
                    SELECT NEW."CommunityId", CAST(replace(substr(CASE WHEN NEW."FirstRespondedAt" IS NULL AND NEW."RespondBy" < NEW."ResolveBy" THEN NEW."RespondBy" ELSE NEW."ResolveBy" END, 1, 10), '-', '') AS INTEGER), 1 WHERE NEW."Status" IN (0, 1, 2)
                    ON CONFLICT ("CommunityId", "Day") DO UPDATE SET "Count" = "Count" + 1;
                END;
                """);
            migrationBuilder.Sql(
                """
                CREATE TRIGGER "needs_overdue_days_delete" AFTER DELETE ON "needs_needs" WHEN OLD."Status" IN (0, 1, 2)
                BEGIN
                    INSERT INTO "needs_overdue_days" ("CommunityId", "Day", "Count")
                    VALUES (OLD."CommunityId", CAST(replace(substr(CASE WHEN OLD."FirstRespondedAt" IS NULL AND OLD."RespondBy" < OLD."ResolveBy" THEN OLD."RespondBy" ELSE OLD."ResolveBy" END, 1, 10), '-', '') AS INTEGER), -1)
                    ON CONFLICT ("CommunityId", "Day") DO UPDATE SET "Count" = "Count" - 1;
                END;
                """);
            migrationBuilder.Sql(
                """
                INSERT INTO "needs_overdue_days" ("CommunityId", "Day", "Count")
                SELECT "CommunityId", CAST(replace(substr(CASE WHEN n."FirstRespondedAt" IS NULL AND n."RespondBy" < n."ResolveBy" THEN n."RespondBy" ELSE n."ResolveBy" END, 1, 10), '-', '') AS INTEGER), COUNT(*) FROM "needs_needs" AS n
                WHERE "Status" IN (0, 1, 2)
                GROUP BY 1, 2;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "needs_overdue_days_insert";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "needs_overdue_days_update";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "needs_overdue_days_delete";""");

            migrationBuilder.DropTable(
                name: "needs_overdue_days");
        }
    }
}
