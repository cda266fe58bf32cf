using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommunityPartner.Web.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Excel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ImportId",
                table: "needs_needs",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Source",
                table: "needs_needs",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "needs_imports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NeedCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ImportedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    ImportedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_needs_imports", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_needs_needs_ImportId",
                table: "needs_needs",
                column: "ImportId");

            migrationBuilder.CreateIndex(
                name: "IX_needs_imports_CommunityId_ContentHash",
                table: "needs_imports",
                columns: new[] { "CommunityId", "ContentHash" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "needs_imports");

            migrationBuilder.DropIndex(
                name: "IX_needs_needs_ImportId",
                table: "needs_needs");

            migrationBuilder.DropColumn(
                name: "ImportId",
                table: "needs_needs");

            migrationBuilder.DropColumn(
                name: "Source",
                table: "needs_needs");
        }
    }
}
