using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommunityPartner.Web.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Cooperation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cooperation_intents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OfferId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CurrentNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    SignedNumber = table.Column<int>(type: "INTEGER", nullable: true),
                    IsVoid = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cooperation_intents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "cooperation_offers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    DeclineReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    WithdrawnAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SignedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cooperation_offers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "cooperation_intent_versions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    IntentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    ProposedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PartnerConfirmedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    PartnerConfirmedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CommunityConfirmedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    CommunityConfirmedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SignedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cooperation_intent_versions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_cooperation_intent_versions_cooperation_intents_IntentId",
                        column: x => x.IntentId,
                        principalTable: "cooperation_intents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cooperation_offer_lines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OfferId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    What = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Hours = table.Column<int>(type: "INTEGER", nullable: true),
                    Yuan = table.Column<long>(type: "INTEGER", nullable: false),
                    NeedId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cooperation_offer_lines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_cooperation_offer_lines_cooperation_offers_OfferId",
                        column: x => x.OfferId,
                        principalTable: "cooperation_offers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cooperation_offer_messages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OfferId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Side = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cooperation_offer_messages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_cooperation_offer_messages_cooperation_offers_OfferId",
                        column: x => x.OfferId,
                        principalTable: "cooperation_offers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cooperation_intent_lines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    VersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    What = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Hours = table.Column<int>(type: "INTEGER", nullable: true),
                    Yuan = table.Column<long>(type: "INTEGER", nullable: false),
                    NeedId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cooperation_intent_lines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_cooperation_intent_lines_cooperation_intent_versions_VersionId",
                        column: x => x.VersionId,
                        principalTable: "cooperation_intent_versions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_cooperation_intent_lines_NeedId",
                table: "cooperation_intent_lines",
                column: "NeedId");

            migrationBuilder.CreateIndex(
                name: "IX_cooperation_intent_lines_VersionId",
                table: "cooperation_intent_lines",
                column: "VersionId");

            migrationBuilder.CreateIndex(
                name: "IX_cooperation_intent_versions_IntentId_Number",
                table: "cooperation_intent_versions",
                columns: new[] { "IntentId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_cooperation_intents_OfferId",
                table: "cooperation_intents",
                column: "OfferId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_cooperation_intents_PartnerId",
                table: "cooperation_intents",
                column: "PartnerId");

            migrationBuilder.CreateIndex(
                name: "IX_cooperation_intents_ProjectId",
                table: "cooperation_intents",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_cooperation_offer_lines_OfferId",
                table: "cooperation_offer_lines",
                column: "OfferId");

            migrationBuilder.CreateIndex(
                name: "IX_cooperation_offer_messages_OfferId_At",
                table: "cooperation_offer_messages",
                columns: new[] { "OfferId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_cooperation_offers_CommunityId_Status",
                table: "cooperation_offers",
                columns: new[] { "CommunityId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_cooperation_offers_PartnerId",
                table: "cooperation_offers",
                column: "PartnerId");

            migrationBuilder.CreateIndex(
                name: "IX_cooperation_offers_ProjectId_Status",
                table: "cooperation_offers",
                columns: new[] { "ProjectId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cooperation_intent_lines");

            migrationBuilder.DropTable(
                name: "cooperation_offer_lines");

            migrationBuilder.DropTable(
                name: "cooperation_offer_messages");

            migrationBuilder.DropTable(
                name: "cooperation_intent_versions");

            migrationBuilder.DropTable(
                name: "cooperation_offers");

            migrationBuilder.DropTable(
                name: "cooperation_intents");
        }
    }
}
