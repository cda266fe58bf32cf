using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommunityPartner.Web.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Perf2 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_needs_needs_open_resolve_by",
                table: "needs_needs",
                columns: new[] { "ResolveBy", "CommunityId" },
                filter: "\"Status\" IN (0, 1, 2)");

            migrationBuilder.CreateIndex(
                name: "IX_needs_needs_unanswered_respond_by",
                table: "needs_needs",
                columns: new[] { "RespondBy", "ResolveBy", "CommunityId" },
                filter: "\"Status\" IN (0, 1, 2) AND \"FirstRespondedAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_needs_needs_open_resolve_by",
                table: "needs_needs");

            migrationBuilder.DropIndex(
                name: "IX_needs_needs_unanswered_respond_by",
                table: "needs_needs");
        }
    }
}
