using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommunityPartner.Web.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TallySplit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "needs_tally_minutes",
                columns: table => new
                {
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Hour = table.Column<int>(type: "INTEGER", nullable: false),
                    Minutes = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_needs_tally_minutes", x => new { x.Kind, x.Hour, x.Month, x.CommunityId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_needs_tally_minutes_Month_CommunityId",
                table: "needs_tally_minutes",
                columns: new[] { "Month", "CommunityId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "needs_tally_minutes");
        }
    }
}
