using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommunityPartner.Web.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NeedsSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "needs_search_grams",
                columns: table => new
                {
                    Gram = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    NeedId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_needs_search_grams", x => new { x.Gram, x.NeedId });
                    table.ForeignKey(
                        name: "FK_needs_search_grams_needs_needs_NeedId",
                        column: x => x.NeedId,
                        principalTable: "needs_needs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_needs_search_grams_Gram_SubmittedAt_NeedId",
                table: "needs_search_grams",
                columns: new[] { "Gram", "SubmittedAt", "NeedId" });

            migrationBuilder.CreateIndex(
                name: "IX_needs_search_grams_NeedId",
                table: "needs_search_grams",
                column: "NeedId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "needs_search_grams");
        }
    }
}
