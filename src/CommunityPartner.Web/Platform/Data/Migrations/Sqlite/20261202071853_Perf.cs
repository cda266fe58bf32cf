using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommunityPartner.Web.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Perf : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "needs_tallies",
                columns: table => new
                {
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    RulesVersion = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ComputedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Data = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_needs_tallies", x => new { x.Month, x.CommunityId });
                });

            migrationBuilder.CreateTable(
                name: "needs_tally_changes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_needs_tally_changes", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_needs_tally_changes_SubmittedAt_CommunityId",
                table: "needs_tally_changes",
                columns: new[] { "SubmittedAt", "CommunityId" });
            migrationBuilder.Sql(
                """
                CREATE TRIGGER "needs_tally_changes_need_insert" AFTER INSERT ON "needs_needs"
                BEGIN
                    INSERT INTO "needs_tally_changes" ("CommunityId", "SubmittedAt") VALUES (NEW."CommunityId", NEW."SubmittedAt");
                END;
                """);
            migrationBuilder.Sql(
                """
                CREATE TRIGGER "needs_tally_changes_need_update"
                AFTER UPDATE OF "CommunityId", "SubmittedAt", "RespondBy", "FirstRespondedAt", "ResolvedAt", "Status" ON "needs_needs"
                WHEN OLD."CommunityId" IS NOT NEW."CommunityId" OR OLD."SubmittedAt" IS NOT NEW."SubmittedAt" OR OLD."RespondBy" IS NOT NEW."RespondBy"
                    OR OLD."FirstRespondedAt" IS NOT NEW."FirstRespondedAt" OR OLD."ResolvedAt" IS NOT NEW."ResolvedAt" OR OLD."Status" IS NOT NEW."Status"
                BEGIN
                    INSERT INTO "needs_tally_changes" ("CommunityId", "SubmittedAt") VALUES (OLD."CommunityId", OLD."SubmittedAt");
                    INSERT INTO "needs_tally_changes" ("CommunityId", "SubmittedAt")
                    SELECT NEW."CommunityId", NEW."SubmittedAt" WHERE OLD."CommunityId" IS NOT NEW."CommunityId" OR OLD."SubmittedAt" IS NOT NEW."SubmittedAt";
                END;
                """);
            migrationBuilder.Sql(
                """
                CREATE TRIGGER "needs_tally_changes_need_delete" AFTER DELETE ON "needs_needs"
                BEGIN
                    INSERT INTO "needs_tally_changes" ("CommunityId", "SubmittedAt") VALUES (OLD."CommunityId", OLD."SubmittedAt");
                END;
                """);
            migrationBuilder.Sql(
                """
                CREATE TRIGGER "needs_tally_changes_rating_insert" AFTER INSERT ON "needs_ratings"
                BEGIN
                    INSERT INTO "needs_tally_changes" ("CommunityId", "SubmittedAt") SELECT "CommunityId", "SubmittedAt" FROM "needs_needs" WHERE "Id" = NEW."NeedId";
                END;
                """);
            migrationBuilder.Sql(
                """
                CREATE TRIGGER "needs_tally_changes_rating_update" AFTER UPDATE ON "needs_ratings"
                BEGIN
                    INSERT INTO "needs_tally_changes" ("CommunityId", "SubmittedAt") SELECT "CommunityId", "SubmittedAt" FROM "needs_needs" WHERE "Id" IN (OLD."NeedId", NEW."NeedId");
                END;
                """);
            migrationBuilder.Sql(
                """
                CREATE TRIGGER "needs_tally_changes_rating_delete" AFTER DELETE ON "needs_ratings"
                BEGIN
                    INSERT INTO "needs_tally_changes" ("CommunityId", "SubmittedAt") SELECT "CommunityId", "SubmittedAt" FROM "needs_needs" WHERE "Id" = OLD."NeedId";
                END;
                """);
            migrationBuilder.Sql(
                """
                INSERT INTO "needs_tally_changes" ("CommunityId", "SubmittedAt") SELECT "CommunityId", "SubmittedAt" FROM "needs_needs";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"needs_tally_changes_need_insert\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"needs_tally_changes_need_update\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"needs_tally_changes_need_delete\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"needs_tally_changes_rating_insert\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"needs_tally_changes_rating_update\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"needs_tally_changes_rating_delete\";");

            migrationBuilder.DropTable(
                name: "needs_tallies");

            migrationBuilder.DropTable(
                name: "needs_tally_changes");
        }
    }
}
