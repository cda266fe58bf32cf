using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CommunityPartner.Web.Platform.Data.Migrations.Postgres
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
                    CommunityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    RulesVersion = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ComputedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Data = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_needs_tallies", x => new { x.Month, x.CommunityId });
                });

            migrationBuilder.CreateTable(
                name: "needs_tally_changes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CommunityId = table.Column<Guid>(type: "uuid", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                CREATE FUNCTION needs_tally_changes_need() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP IN ('UPDATE', 'DELETE') THEN
                        INSERT INTO needs_tally_changes ("CommunityId", "SubmittedAt") VALUES (OLD."CommunityId", OLD."SubmittedAt");
                    END IF;
                    IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND (OLD."CommunityId", OLD."SubmittedAt") IS DISTINCT FROM (NEW."CommunityId", NEW."SubmittedAt")) THEN
                        INSERT INTO needs_tally_changes ("CommunityId", "SubmittedAt") VALUES (NEW."CommunityId", NEW."SubmittedAt");
                    END IF;
                    RETURN NULL;
                END $$;
                """);
            migrationBuilder.Sql(
                """
                CREATE FUNCTION needs_tally_changes_rating() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP IN ('UPDATE', 'DELETE') THEN
                        INSERT INTO needs_tally_changes ("CommunityId", "SubmittedAt") SELECT "CommunityId", "SubmittedAt" FROM needs_needs WHERE "Id" = OLD."NeedId";
                    END IF;
                    IF TG_OP IN ('INSERT', 'UPDATE') THEN
                        INSERT INTO needs_tally_changes ("CommunityId", "SubmittedAt") SELECT "CommunityId", "SubmittedAt" FROM needs_needs WHERE "Id" = NEW."NeedId";
                    END IF;
                    RETURN NULL;
                END $$;
                """);
            migrationBuilder.Sql(
                """
                CREATE TRIGGER needs_tally_changes_need_insert AFTER INSERT ON needs_needs
                    FOR EACH ROW EXECUTE FUNCTION needs_tally_changes_need();
                """);
            migrationBuilder.Sql(
                """
                CREATE TRIGGER needs_tally_changes_need_update AFTER UPDATE OF "CommunityId", "SubmittedAt", "RespondBy", "FirstRespondedAt", "ResolvedAt", "Status" ON needs_needs
                    FOR EACH ROW WHEN ((OLD."CommunityId", OLD."SubmittedAt", OLD."RespondBy", OLD."FirstRespondedAt", OLD."ResolvedAt", OLD."Status")
                        IS DISTINCT FROM (NEW."CommunityId", NEW."SubmittedAt", NEW."RespondBy", NEW."FirstRespondedAt", NEW."ResolvedAt", NEW."Status"))
                    EXECUTE FUNCTION needs_tally_changes_need();
                """);
            migrationBuilder.Sql(
                """
                CREATE TRIGGER needs_tally_changes_need_delete AFTER DELETE ON needs_needs
                    FOR EACH ROW EXECUTE FUNCTION needs_tally_changes_need();
                """);
            migrationBuilder.Sql(
                """
                CREATE TRIGGER needs_tally_changes_rating_insert AFTER INSERT ON needs_ratings
                    FOR EACH ROW EXECUTE FUNCTION needs_tally_changes_rating();
                """);
            migrationBuilder.Sql(
                """
                CREATE TRIGGER needs_tally_changes_rating_update AFTER UPDATE ON needs_ratings
                    FOR EACH ROW EXECUTE FUNCTION needs_tally_changes_rating();
                """);
            migrationBuilder.Sql(
                """
                CREATE TRIGGER needs_tally_changes_rating_delete AFTER DELETE ON needs_ratings
                    FOR EACH ROW EXECUTE FUNCTION needs_tally_changes_rating();
                """);
            migrationBuilder.Sql(
                """
                INSERT INTO needs_tally_changes ("CommunityId", "SubmittedAt") SELECT "CommunityId", "SubmittedAt" FROM needs_needs;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS needs_tally_changes_need_insert ON needs_needs;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS needs_tally_changes_need_update ON needs_needs;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS needs_tally_changes_need_delete ON needs_needs;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS needs_tally_changes_rating_insert ON needs_ratings;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS needs_tally_changes_rating_update ON needs_ratings;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS needs_tally_changes_rating_delete ON needs_ratings;");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS needs_tally_changes_need();");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS needs_tally_changes_rating();");

            migrationBuilder.DropTable(
                name: "needs_tallies");

            migrationBuilder.DropTable(
                name: "needs_tally_changes");
        }
    }
}
