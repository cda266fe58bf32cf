using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommunityPartner.Web.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PartnersRegistry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "partners_partners",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Type = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    CreditCode = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    ContactName = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    ContactPhone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Introduction = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ShowOnHonourWall = table.Column<bool>(type: "boolean", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    RejectReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedById = table.Column<Guid>(type: "uuid", nullable: false),
                    ReviewedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReviewedById = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_partners_partners", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "partners_communities",
                columns: table => new
                {
                    PartnerId = table.Column<Guid>(type: "uuid", nullable: false),
                    CommunityId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_partners_communities", x => new { x.PartnerId, x.CommunityId });
                    table.ForeignKey(
                        name: "FK_partners_communities_partners_partners_PartnerId",
                        column: x => x.PartnerId,
                        principalTable: "partners_partners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "partners_members",
                columns: table => new
                {
                    PartnerId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    IsOwner = table.Column<bool>(type: "boolean", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_partners_members", x => new { x.PartnerId, x.UserId });
                    table.ForeignKey(
                        name: "FK_partners_members_partners_partners_PartnerId",
                        column: x => x.PartnerId,
                        principalTable: "partners_partners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "partners_strengths",
                columns: table => new
                {
                    PartnerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_partners_strengths", x => new { x.PartnerId, x.Code });
                    table.ForeignKey(
                        name: "FK_partners_strengths_partners_partners_PartnerId",
                        column: x => x.PartnerId,
                        principalTable: "partners_partners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_partners_communities_CommunityId",
                table: "partners_communities",
                column: "CommunityId");

            migrationBuilder.CreateIndex(
                name: "IX_partners_members_UserId",
                table: "partners_members",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_partners_partners_CreditCode",
                table: "partners_partners",
                column: "CreditCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_partners_partners_Status_Type",
                table: "partners_partners",
                columns: new[] { "Status", "Type" });

            migrationBuilder.CreateIndex(
                name: "IX_partners_strengths_Code",
                table: "partners_strengths",
                column: "Code");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "partners_communities");

            migrationBuilder.DropTable(
                name: "partners_members");

            migrationBuilder.DropTable(
                name: "partners_strengths");

            migrationBuilder.DropTable(
                name: "partners_partners");
        }
    }
}
