using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommunityPartner.Web.Platform.Data.Migrations.Sqlite
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
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CategoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_needs_status_counts", x => new { x.CommunityId, x.CategoryId, x.Status });
                });

            // The triggers that keep the counts in the writer's transaction (ADR 0008), then the counts of the needs
            // already stored.
            migrationBuilder.Sql(
                """
                CREATE TRIGGER "needs_status_counts_insert" AFTER INSERT ON "needs_needs"
                BEGIN
                    INSERT INTO "needs_status_counts" ("CommunityId", "CategoryId", "Status", "Count")
                    VALUES (NEW."CommunityId", NEW."CategoryId", NEW."Status", 1)
                    ON CONFLICT ("CommunityId", "CategoryId", "Status") DO UPDATE SET "Count" = "Count" + 1;
                END;
                """);
            migrationBuilder.Sql(
                """
                CREATE TRIGGER "needs_status_counts_update" AFTER UPDATE OF "CommunityId", "CategoryId", "Status" ON "needs_needs"
                WHEN OLD."CommunityId" IS NOT NEW."CommunityId" OR OLD."CategoryId" IS NOT NEW."CategoryId" OR OLD."Status" IS NOT NEW."Status"
                BEGIN
                    UPDATE "needs_status_counts" SET "Count" = "Count" - 1
                    WHERE "CommunityId" = OLD."CommunityId" AND "CategoryId" = OLD."CategoryId" AND "Status" = OLD."Status";
                    INSERT INTO "needs_status_counts" ("CommunityId", "CategoryId", "Status", "Count")
                    VALUES (NEW."CommunityId", NEW."CategoryId", NEW."Status", 1)
                    ON CONFLICT ("CommunityId", "CategoryId", "Status") DO UPDATE SET "Count" = "Count" + 1;
                END;
                """);
            migrationBuilder.Sql(
                """
                CREATE TRIGGER "needs_status_counts_delete" AFTER DELETE ON "needs_needs"
                BEGIN
                    UPDATE "needs_status_counts" SET "Count" = "Count" - 1
                    WHERE "CommunityId" = OLD."CommunityId" AND "CategoryId" = OLD."CategoryId" AND "Status" = OLD."Status";
                END;
                """);
            migrationBuilder.Sql(
                """
                INSERT INTO "needs_status_counts" ("CommunityId", "CategoryId", "Status", "Count")
                SELECT "CommunityId", "CategoryId", "Status", COUNT(*) FROM "needs_needs" GROUP BY "CommunityId", "CategoryId", "Status";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "needs_status_counts_insert";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "needs_status_counts_update";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "needs_status_counts_delete";""");

            migrationBuilder.DropTable(
                name: "needs_status_counts");
        }
    }
}
