using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace CommunityPartner.Web.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Needs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "needs_categories",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ResponseHours = table.Column<int>(type: "integer", nullable: false),
                    ResolutionDays = table.Column<int>(type: "integer", nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_needs_categories", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "needs_open311_keys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Prefix = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedById = table.Column<Guid>(type: "uuid", nullable: true),
                    RevokedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_needs_open311_keys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "notifications_notifications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    TextKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ArgsJson = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Link = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReadAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notifications_notifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "needs_needs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CommunityId = table.Column<Guid>(type: "uuid", nullable: false),
                    CategoryId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Latitude = table.Column<double>(type: "double precision", nullable: true),
                    Longitude = table.Column<double>(type: "double precision", nullable: true),
                    Channel = table.Column<int>(type: "integer", nullable: false),
                    RaiserId = table.Column<Guid>(type: "uuid", nullable: true),
                    RecordedById = table.Column<Guid>(type: "uuid", nullable: true),
                    ShowRaiserName = table.Column<bool>(type: "boolean", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RespondBy = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ResolveBy = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FirstRespondedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FirstResolvedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ResolvedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ResolutionText = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    RejectionReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    MergedIntoId = table.Column<Guid>(type: "uuid", nullable: true),
                    ReopenCount = table.Column<int>(type: "integer", nullable: false),
                    SupportCount = table.Column<int>(type: "integer", nullable: false),
                    SearchText = table.Column<string>(type: "character varying(2262)", maxLength: 2262, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_needs_needs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_needs_needs_needs_categories_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "needs_categories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "needs_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    NeedId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    ActorId = table.Column<Guid>(type: "uuid", nullable: true),
                    Text = table.Column<string>(type: "character varying(1100)", maxLength: 1100, nullable: true),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_needs_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_needs_events_needs_needs_NeedId",
                        column: x => x.NeedId,
                        principalTable: "needs_needs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "needs_photos",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NeedId = table.Column<Guid>(type: "uuid", nullable: false),
                    ContentType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Length = table.Column<long>(type: "bigint", nullable: false),
                    Width = table.Column<int>(type: "integer", nullable: false),
                    Height = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_needs_photos", x => x.Id);
                    table.ForeignKey(
                        name: "FK_needs_photos_needs_needs_NeedId",
                        column: x => x.NeedId,
                        principalTable: "needs_needs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "needs_ratings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    NeedId = table.Column<Guid>(type: "uuid", nullable: false),
                    Round = table.Column<int>(type: "integer", nullable: false),
                    RaterId = table.Column<Guid>(type: "uuid", nullable: false),
                    Satisfaction = table.Column<int>(type: "integer", nullable: false),
                    Comment = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_needs_ratings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_needs_ratings_needs_needs_NeedId",
                        column: x => x.NeedId,
                        principalTable: "needs_needs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "needs_supports",
                columns: table => new
                {
                    NeedId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_needs_supports", x => new { x.NeedId, x.UserId });
                    table.ForeignKey(
                        name: "FK_needs_supports_needs_needs_NeedId",
                        column: x => x.NeedId,
                        principalTable: "needs_needs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "needs_categories",
                columns: new[] { "Id", "Code", "IsActive", "Name", "NameEn", "ResolutionDays", "ResponseHours", "SortOrder" },
                values: new object[,]
                {
                    { new Guid("6e1d0001-0000-4000-8000-000000000001"), "sanitation", true, "环境卫生", "Sanitation", 15, 24, 1 },
                    { new Guid("6e1d0001-0000-4000-8000-000000000002"), "repairs", true, "设施维修", "Repairs", 15, 24, 2 },
                    { new Guid("6e1d0001-0000-4000-8000-000000000003"), "elderly-care", true, "养老服务", "Elderly care", 15, 24, 3 },
                    { new Guid("6e1d0001-0000-4000-8000-000000000004"), "children", true, "儿童关爱", "Children", 15, 24, 4 },
                    { new Guid("6e1d0001-0000-4000-8000-000000000005"), "parking-traffic", true, "停车交通", "Parking & traffic", 15, 24, 5 },
                    { new Guid("6e1d0001-0000-4000-8000-000000000006"), "safety", true, "安全隐患", "Safety hazards", 15, 24, 6 },
                    { new Guid("6e1d0001-0000-4000-8000-000000000007"), "culture-sports", true, "文体活动", "Culture & sports", 15, 24, 7 },
                    { new Guid("6e1d0001-0000-4000-8000-000000000008"), "other", true, "其他", "Other", 15, 24, 8 }
                });

            migrationBuilder.CreateIndex(
                name: "IX_needs_categories_Code",
                table: "needs_categories",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_needs_events_NeedId_Id",
                table: "needs_events",
                columns: new[] { "NeedId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_needs_needs_CategoryId_SubmittedAt_Id",
                table: "needs_needs",
                columns: new[] { "CategoryId", "SubmittedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_needs_needs_CommunityId_Status_SubmittedAt_Id",
                table: "needs_needs",
                columns: new[] { "CommunityId", "Status", "SubmittedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_needs_needs_CommunityId_SubmittedAt_Id",
                table: "needs_needs",
                columns: new[] { "CommunityId", "SubmittedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_needs_needs_RaiserId",
                table: "needs_needs",
                column: "RaiserId");

            migrationBuilder.CreateIndex(
                name: "IX_needs_needs_Status_SubmittedAt_Id",
                table: "needs_needs",
                columns: new[] { "Status", "SubmittedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_needs_needs_SubmittedAt_Id",
                table: "needs_needs",
                columns: new[] { "SubmittedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_needs_open311_keys_Hash",
                table: "needs_open311_keys",
                column: "Hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_needs_photos_NeedId",
                table: "needs_photos",
                column: "NeedId");

            migrationBuilder.CreateIndex(
                name: "IX_needs_ratings_NeedId_Round",
                table: "needs_ratings",
                columns: new[] { "NeedId", "Round" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_needs_supports_UserId",
                table: "needs_supports",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_notifications_notifications_UserId_Id",
                table: "notifications_notifications",
                columns: new[] { "UserId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_notifications_notifications_UserId_ReadAt",
                table: "notifications_notifications",
                columns: new[] { "UserId", "ReadAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "needs_events");

            migrationBuilder.DropTable(
                name: "needs_open311_keys");

            migrationBuilder.DropTable(
                name: "needs_photos");

            migrationBuilder.DropTable(
                name: "needs_ratings");

            migrationBuilder.DropTable(
                name: "needs_supports");

            migrationBuilder.DropTable(
                name: "notifications_notifications");

            migrationBuilder.DropTable(
                name: "needs_needs");

            migrationBuilder.DropTable(
                name: "needs_categories");
        }
    }
}
